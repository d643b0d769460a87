using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Host.Auth;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>Administrators manage the users of their subtree: create (password policy), change role, disable, link to the officer they are.</summary>
public sealed class AdminUserTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    [Fact]
    public async Task AWeakPassword_IsRefusedInChinese_AndNoUserIsCreated()
    {
        var admin = await app.SignedInAsync("admin");
        var page = await PostAsync(admin, "Create", new() { ["Input.UserName"] = "weak.user", ["Input.DisplayName"] = "弱密码", ["Input.AgencyId"] = DemoAgencies.MarketRegulation.ToString(), ["Input.Role"] = Roles.Officer, ["Input.Password"] = "short1" });
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = (await Html.ParseAsync(page)).ErrorText();
        text.ShouldNotBeNull();
        text.ShouldContain("密码至少需要10个字符");
        text.ShouldContain("大写字母");
        (await FindAsync("weak.user")).ShouldBeNull();
    }

    [Fact]
    public async Task ANewUser_SignsIn_ThenADisabledUser_CannotSignIn_AndIsToldWhy()
    {
        var admin = await app.SignedInAsync("admin");
        using (var created = await PostAsync(admin, "Create", new() { ["Input.UserName"] = "new.officer", ["Input.DisplayName"] = "新同事", ["Input.AgencyId"] = DemoAgencies.UrbanManagement.ToString(), ["Input.Role"] = Roles.Officer, ["Input.Password"] = "Strong#Pass2026" }))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var user = (await FindAsync("new.officer")).ShouldNotBeNull();
        using (var first = await app.NewClient().PostLoginAsync("new.officer", "Strong#Pass2026"))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var role = await PostAsync(admin, "SetRole", new() { ["id"] = user.Id.ToString(), ["role"] = Roles.Head }))
        {
            role.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SanxiangUser>>();
            (await users.GetRolesAsync((await users.FindByNameAsync("new.officer"))!)).ShouldBe([Roles.Head]);
        }

        using (var disable = await PostAsync(admin, "SetDisabled", new() { ["id"] = user.Id.ToString(), ["disabled"] = "true" }))
        {
            disable.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var refused = await app.NewClient().PostLoginAsync("new.officer", "Strong#Pass2026");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(refused)).ErrorText().ShouldNotBeNull().ShouldContain("已停用");
    }

    [Fact]
    public async Task AHead_CannotOpenUserManagement()
    {
        var head = await app.SignedInAsync("head.market");
        using var response = await head.GetAsync("/Admin/Users");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task AnAdministrator_LinksAUserToAnOfficerOfItsAgency_AndIsRefusedInChineseForAnotherAgencysOfficer()
    {
        var admin = await app.SignedInAsync("admin");
        Guid userId, chen, zhou, wang;
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SanxiangUser>>();
            var user = new SanxiangUser { Id = Guid.CreateVersion7(), UserName = "link.officer", DisplayName = "陈静", AgencyId = DemoAgencies.MarketRegulation, LockoutEnabled = true };
            (await users.CreateAsync(user, SignIn.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Officer)).Succeeded.ShouldBeTrue();
            userId = user.Id;
            var directory = scope.ServiceProvider.GetRequiredService<IEnforcementDirectory>();
            var market = await directory.OfficersOfAgencyAsync(DemoAgencies.MarketRegulation);
            (chen, wang) = (market.Single(o => o.Name == "陈静").Id, market.Single(o => o.Name == "王建国").Id);
            zhou = (await directory.OfficersOfAgencyAsync(DemoAgencies.UrbanManagement)).Single(o => o.Name == "周强").Id;
        }

        var form = await admin.GetPageAsync($"/Admin/UserOfficer/{userId}");
        form.QuerySelectorAll("#OfficerId option").Select(o => o.TextContent).ShouldContain(t => t.StartsWith("陈静", StringComparison.Ordinal));
        form.QuerySelectorAll("#OfficerId option").Select(o => o.TextContent).ShouldNotContain(t => t.StartsWith("周强", StringComparison.Ordinal), "only the user's agency's officers are offered");

        foreach (var (officer, message) in new[] { (zhou, "其他机构"), (Guid.CreateVersion7(), "不存在"), (wang, "已关联用户 officer.market") })
        {
            using var refused = await PostOfficerAsync(admin, userId, officer);
            refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            var page = await Html.ParseAsync(refused);
            page.ErrorText().ShouldNotBeNull().ShouldContain(message);
            page.QuerySelector("#OfficerId-error")!.TextContent.ShouldContain(message);
            page.QuerySelector("#OfficerId")!.GetAttribute("aria-invalid").ShouldBe("true");
            (await FindAsync("link.officer"))!.OfficerId.ShouldBeNull();
        }

        using (var linked = await PostOfficerAsync(admin, userId, chen))
        {
            linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            linked.Headers.Location!.OriginalString.ShouldBe("/Admin/Users");
        }

        (await FindAsync("link.officer"))!.OfficerId.ShouldBe(chen);
        var row = (await admin.GetPageAsync("/Admin/Users")).QuerySelectorAll("#users tbody tr").Single(r => r.TextContent.Contains("link.officer", StringComparison.Ordinal));
        row.TextContent.ShouldContain("陈静（");
        var me = await (await app.SignedInAsync("link.officer")).GetStringAsync("/api/me");
        System.Text.Json.JsonDocument.Parse(me).RootElement.GetProperty("officerId").GetGuid().ShouldBe(chen);

        using (var unlinked = await PostOfficerAsync(admin, userId, null))
        {
            unlinked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await FindAsync("link.officer"))!.OfficerId.ShouldBeNull();
    }

    private static async Task<HttpResponseMessage> PostOfficerAsync(HttpClient admin, Guid userId, Guid? officerId)
    {
        var url = $"/Admin/UserOfficer/{userId}";
        var page = await admin.GetPageAsync(url);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { [Html.AntiforgeryField] = page.AntiforgeryToken(), ["OfficerId"] = officerId?.ToString() ?? string.Empty };
        return await admin.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private async Task<SanxiangUser?> FindAsync(string userName)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<SanxiangUser>>().FindByNameAsync(userName);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetPageAsync("/Admin/Users");
        fields[Html.AntiforgeryField] = page.AntiforgeryToken();
        return await client.PostAsync($"/Admin/Users?handler={handler}", new FormUrlEncodedContent(fields));
    }
}
