using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Host.Auth;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>Administrators manage the users of their subtree: create (password policy), change role, disable.</summary>
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
