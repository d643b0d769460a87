using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Host.Auth;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>Sign-in through the real pages: lockout, the sign-in audit, the second factor (SEC-AUTH-1) and its replay protection.</summary>
public sealed class AuthTests(SanxiangFactory app) : IClassFixture<SanxiangFactory>
{
    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_WithAChineseMessage()
    {
        var client = app.NewClient();
        string? message = null;
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostLoginAsync("officer.urban", "Wrong@Password1");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            message = (await Html.ParseAsync(response)).ErrorText();
        }

        message.ShouldNotBeNull().ShouldContain("锁定");
        using var withRightPassword = await client.PostLoginAsync("officer.urban");
        withRightPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(withRightPassword)).ErrorText().ShouldNotBeNull().ShouldContain("锁定");
        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignInAttempts_AreRecorded_WithOutcomeAndSuccess()
    {
        var client = app.NewClient();
        (await client.PostLoginAsync("reviewer.market", "Wrong@Password1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostLoginAsync("nobody.here", "Wrong@Password1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostLoginAsync("reviewer.market")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
        var events = await db.SignInEvents.AsNoTracking()
            .Where(e => e.UserName == "reviewer.market" || e.UserName == "nobody.here")
            .Select(e => new { e.UserName, e.Outcome, e.Succeeded, e.UserId, e.At })
            .ToListAsync();

        events.Select(e => (e.UserName, e.Outcome, e.Succeeded)).OrderBy(e => e.Outcome, StringComparer.Ordinal).ShouldBe(
        [
            ("reviewer.market", "bad-password", false),
            ("reviewer.market", "password-ok", true),
            ("nobody.here", "unknown-user", false),
        ]);
        events.Where(e => e.UserName == "reviewer.market").ShouldAllBe(e => e.UserId != null);
        events.ShouldAllBe(e => e.At > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task AdministratorWithoutSecondFactor_Gets403FromTheApi_AndIsSentToEnrolment_SEC_AUTH_1()
    {
        var client = await app.SignedInAsync("admin");

        using var api = await client.GetAsync("/api/registry/agencies");
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var page = await client.GetAsync("/");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldBe("/Account/SetupAuthenticator");

        await client.EnrolAuthenticatorAsync();

        using var after = await client.GetAsync("/api/registry/agencies");
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var home = await client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AUsedTotpCode_IsRefused_ButTheNextCodeSignsIn()
    {
        var (_, authenticator) = await app.SignedInWithTwoFactorAsync("supervisor");
        var client = app.NewClient();
        using var login = await client.PostLoginAsync("supervisor");
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var twoFactorUrl = login.Headers.Location!.OriginalString;
        twoFactorUrl.ShouldStartWith("/Account/LoginWith2fa");

        using var replay = await client.SubmitFormAsync(twoFactorUrl, new Dictionary<string, string>(StringComparer.Ordinal) { ["code"] = authenticator.CodeFor(authenticator.LastStep) });

        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(replay)).ErrorText().ShouldNotBeNull().ShouldContain("验证码");
        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await authenticator.SubmitAsync(client, twoFactorUrl);
        (await client.GetAsync("/api/registry/agencies")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
        (await db.SignInEvents.CountAsync(e => e.UserName == "supervisor" && e.Outcome == "bad-code" && !e.Succeeded)).ShouldBeGreaterThanOrEqualTo(1);
        (await db.SignInEvents.CountAsync(e => e.UserName == "supervisor" && e.Outcome == "2fa-ok" && e.Succeeded)).ShouldBe(1);
    }

    [Fact]
    public async Task Api_WithoutSignIn_Is401ProblemDetails()
    {
        using var response = await app.NewClient().GetAsync("/api/registry/officers");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Api.ProblemJson);
        using var problem = await response.ReadDocumentAsync();
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(401);
    }

    [Fact]
    public async Task Pages_WithoutSignIn_RedirectToLogin()
    {
        using var response = await app.NewClient().GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }
}
