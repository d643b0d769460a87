using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Host.Auth;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>The app with the security stamp checked on every request and a movable clock (session tests).</summary>
public sealed class SessionFactory : SanxiangFactory
{
    public override MovableClock Clock { get; } = new(ClockFactory.Start);

    protected override string[]? TwoFactorRoles => ["none"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:StampValidationSeconds", "0");
    }
}

/// <summary>
/// SEC-AUTH-1 sessions (issue 15): a copy of a session cookie is refused once the user logged out, changed the password
/// or was disabled; a session ends after its absolute lifetime however active; the password policy refuses a password
/// that contains the user name.
/// </summary>
public sealed class SessionRevocationTests(SessionFactory app) : IClassFixture<SessionFactory>
{
    private static readonly Uri Base = new("http://localhost");

    [Fact]
    public async Task SEC_AUTH_1_ACopiedCookie_IsRefusedAfterLogout()
    {
        var (client, cookie) = await SignInAsync("officer.market");
        (await ReplayAsync(cookie)).ShouldBe(HttpStatusCode.OK);
        var page = await client.GetPageAsync("/");
        using (var logout = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { [Html.AntiforgeryField] = page.AntiforgeryToken() })))
        {
            logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await ReplayAsync(cookie)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SEC_AUTH_1_ACopiedCookie_IsRefusedAfterAPasswordChange_AndThePolicyRefusesTheUserName()
    {
        var (client, cookie) = await SignInAsync("officer.urban");
        using (var weak = await client.SubmitFormAsync("/Account/ChangePassword", Fields(SignIn.Password, "Officer.Urban2026")))
        {
            (await weak.Content.ReadAsStringAsync()).ShouldContain("密码不得包含用户名");
        }

        using (var common = await client.SubmitFormAsync("/Account/ChangePassword", Fields(SignIn.Password, "Password12")))
        {
            (await common.Content.ReadAsStringAsync()).ShouldContain("最常见的一万个密码", customMessage: "Password12 has ten characters, upper and lower case and digits, and is refused");
        }

        Sanxiang.Host.Auth.CommonPasswordValidator.Count.ShouldBe(10_000);
        (await ReplayAsync(cookie)).ShouldBe(HttpStatusCode.OK, "a refused change leaves the session");
        using (var changed = await client.SubmitFormAsync("/Account/ChangePassword", Fields(SignIn.Password, "Qingshui@River2027")))
        {
            (await changed.Content.ReadAsStringAsync()).ShouldContain("密码已修改");
        }

        (await ReplayAsync(cookie)).ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/registry/agencies")).StatusCode.ShouldBe(HttpStatusCode.OK, "the session that changed it is signed in anew");
        using var old = await app.NewClient().PostLoginAsync("officer.urban");
        old.StatusCode.ShouldBe(HttpStatusCode.OK, "the old password no longer signs in");
    }

    [Fact]
    public async Task SEC_AUTH_1_ACopiedCookie_IsRefusedAfterTheUserIsDisabled()
    {
        var (_, cookie) = await SignInAsync("head.urban");
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SanxiangUser>>();
            var admin = await app.SignedInAsync("admin");
            var id = (await users.FindByNameAsync("head.urban"))!.Id;
            var page = await admin.GetPageAsync("/Admin/Users");
            using var disable = await admin.PostAsync("/Admin/Users?handler=SetDisabled", new FormUrlEncodedContent(new Dictionary<string, string> { [Html.AntiforgeryField] = page.AntiforgeryToken(), ["id"] = id.ToString(), ["disabled"] = "true" }));
            disable.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await ReplayAsync(cookie)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SEC_AUTH_1_AnAdministratorsReset_EndsTheSessions_AndForcesAChangeAtTheNextSignIn()
    {
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SanxiangUser>>();
            var created = await users.CreateAsync(new SanxiangUser { Id = Guid.CreateVersion7(), UserName = "reset.me", DisplayName = "陈静", AgencyId = Sanxiang.Registry.Contracts.DemoAgencies.MarketRegulation, LockoutEnabled = true }, "Before#Reset2026");
            created.Succeeded.ShouldBeTrue();
            await users.AddToRoleAsync((await users.FindByNameAsync("reset.me"))!, Sanxiang.Kernel.Security.Roles.Officer);
        }

        var (_, cookie) = await SignInAsync("reset.me", "Before#Reset2026");
        var admin = await app.SignedInAsync("admin");
        Guid id;
        await using (var scope = app.Scope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<UserManager<SanxiangUser>>().FindByNameAsync("reset.me"))!.Id;
        }

        var page = await admin.GetPageAsync("/Admin/Users");
        using (var reset = await admin.PostAsync("/Admin/Users?handler=ResetPassword", new FormUrlEncodedContent(new Dictionary<string, string> { [Html.AntiforgeryField] = page.AntiforgeryToken(), ["id"] = id.ToString() })))
        {
            reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var flash = (await admin.GetPageAsync("/Admin/Users")).QuerySelector(".flash")?.TextContent ?? string.Empty;
        var temporary = System.Text.RegularExpressions.Regex.Match(flash, "临时密码[^：]*：(?<p>[A-Za-z0-9]{16})").Groups["p"].Value;
        temporary.Length.ShouldBe(16, flash);
        (await ReplayAsync(cookie)).ShouldBe(HttpStatusCode.Unauthorized, "the reset ends the user's sessions");

        var (client, _) = await SignInAsync("reset.me", temporary);
        using (var home = await client.GetAsync("/"))
        {
            home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            home.Headers.Location!.OriginalString.ShouldBe("/Account/ChangePassword");
        }

        (await client.GetAsync("/api/registry/agencies")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var changed = await client.SubmitFormAsync("/Account/ChangePassword", Fields(temporary, "After#Reset2027x")))
        {
            (await changed.Content.ReadAsStringAsync()).ShouldContain("密码已修改");
        }

        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SEC_AUTH_1_ASession_EndsAfterItsAbsoluteLifetime_HoweverActive()
    {
        var (client, _) = await SignInAsync("reviewer.market");
        var start = app.Clock.GetUtcNow();
        var step = TimeSpan.FromMinutes(20);
        while (app.Clock.GetUtcNow() - start < TimeSpan.FromHours(11.6))
        {
            Advance(step);
            (await client.GetAsync("/api/registry/agencies")).StatusCode.ShouldBe(HttpStatusCode.OK, $"active at {app.Clock.GetUtcNow() - start}");
        }

        Advance(TimeSpan.FromMinutes(25));
        (await client.GetAsync("/api/registry/agencies")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private void Advance(TimeSpan by) => app.Clock.Advance(by);

    private static Dictionary<string, string> Fields(string current, string next) => new(StringComparer.Ordinal)
    {
        ["currentPassword"] = current,
        ["newPassword"] = next,
        ["confirmPassword"] = next,
    };

    /// <summary>A client whose cookies can be read, signed in through the login form, and its session cookie header.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string user, string password = SignIn.Password)
    {
        var jar = new CookieContainer();
        var client = app.CreateDefaultClient(Base, new CookieContainerHandler(jar));
        using var r = await client.PostLoginAsync(user, password);
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var auth = jar.GetCookies(Base).Single(c => c.Name == "sanxiang.auth");
        return (client, $"{auth.Name}={auth.Value}");
    }

    /// <summary>The session cookie sent again from another client (an attacker's copy).</summary>
    private async Task<HttpStatusCode> ReplayAsync(string cookie)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // the stamp is checked when the cookie is older than the interval (0 here)
        var other = app.CreateDefaultClient(Base);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/registry/agencies");
        request.Headers.Add("Cookie", cookie);
        using var r = await other.SendAsync(request);
        return r.StatusCode;
    }
}
