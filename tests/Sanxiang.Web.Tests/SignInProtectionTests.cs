using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Host.Pages.Account;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>The app with the per-address sign-in limit on, at 6 submissions a minute.</summary>
public sealed class ThrottledSignInFactory : SanxiangFactory
{
    protected override bool SignInThrottle => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:SignInAttemptsPerMinute", "6");
    }
}

/// <summary>
/// SEC-AUTH-1 (issue 15): sign-in is throttled per client address (429 with Retry-After); an unknown user name gets the
/// same words as a wrong password, in about the same time, and so does a locked account; four submissions of one TOTP
/// code at once sign in at most once and never fail with 500.
/// </summary>
public sealed class SignInProtectionTests(ThrottledSignInFactory app) : IClassFixture<ThrottledSignInFactory>
{
    [Fact]
    public async Task SEC_AUTH_1_SignInAttempts_AreThrottledPerAddress_With429AndRetryAfter()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 8; i++)
        {
            last?.Dispose();
            last = await app.NewClient().PostLoginAsync("nobody." + i, "Wrong#Pass2026");
            statuses.Add(last.StatusCode);
        }

        statuses.Take(3).ShouldAllBe(s => s == HttpStatusCode.OK); // each attempt is a GET of the form and a POST; only POSTs count
        statuses.ShouldContain(HttpStatusCode.TooManyRequests);
        last!.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        (await last.Content.ReadAsStringAsync()).ShouldContain("登录尝试过于频繁");
        last.Dispose();

        // The same page by another spelling of its path is the same limit.
        using var slash = await app.NewClient().SubmitFormAsync("/account/login/", new Dictionary<string, string>(StringComparer.Ordinal) { ["userName"] = "nobody", ["password"] = "Wrong#Pass2026" });
        slash.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}

/// <summary>Enumeration and concurrent second-factor submissions, with the throttle off.</summary>
public sealed class SignInEnumerationTests(SanxiangFactory app) : IClassFixture<SanxiangFactory>
{
    [Fact]
    public async Task SEC_AUTH_1_AnUnknownUser_AndALockedAccount_GetTheWordsOfAWrongPassword_InAboutItsTime()
    {
        var unknown = await FailureAsync("no.such.user");
        var wrong = await FailureAsync("officer.urban");
        unknown.Text.ShouldBe(LoginModel.Failed);
        wrong.Text.ShouldBe(LoginModel.Failed);

        // Lock head.urban out with wrong passwords; the locked answer is the same words.
        for (var i = 0; i < 6; i++)
        {
            (await app.NewClient().PostLoginAsync("head.urban", "Wrong#Pass2026")).Dispose();
        }

        var locked = await FailureAsync("head.urban");
        locked.Text.ShouldBe(LoginModel.Failed);

        // Medians of several tries, compared in the same run: an unknown name is hashed against a decoy.
        var ratio = unknown.MedianMs / wrong.MedianMs;
        ratio.ShouldBeInRange(0.5, 2.0, $"unknown {unknown.MedianMs:F1} ms, wrong password {wrong.MedianMs:F1} ms");
        (locked.MedianMs / wrong.MedianMs).ShouldBeInRange(0.5, 2.0, $"locked {locked.MedianMs:F1} ms, wrong password {wrong.MedianMs:F1} ms");
    }

    [Fact]
    public async Task SEC_AUTH_1_FourSubmissionsOfOneTotpCode_SignInAtMostOnce_AndNeverFail()
    {
        var (_, authenticator) = await app.SignedInWithTwoFactorAsync("supervisor");
        var clients = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < 4; i++)
        {
            var c = app.NewClient();
            using var r = await c.PostLoginAsync("supervisor");
            r.Headers.Location!.OriginalString.ShouldStartWith("/Account/LoginWith2fa");
            var page = await c.GetPageAsync("/Account/LoginWith2fa");
            clients.Add((c, page.AntiforgeryToken()));
        }

        var code = authenticator.CodeFor(Math.Max(authenticator.LastStep + 1, Authenticator.CurrentStep));
        var responses = await Task.WhenAll(clients.Select(c => c.Client.PostAsync("/Account/LoginWith2fa", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { [Html.AntiforgeryField] = c.Token, ["code"] = code }))));
        responses.Select(r => (int)r.StatusCode).ShouldAllBe(s => s == 200 || s == 302, string.Join(", ", responses.Select(r => (int)r.StatusCode)));
        responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBeLessThanOrEqualTo(1, "a code signs in once (RFC 6238 §5.2)");
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task SEC_AUTH_1_RecoveryCodes_AreShownOnce_StoredHashed_AndEachSignsInOnce()
    {
        var client = await app.SignedInAsync("admin");
        await client.EnrolAuthenticatorAsync();
        var codes = (await client.GetPageAsync("/Account/SetupAuthenticator")).QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent).ToList();
        codes.Count.ShouldBe(10);
        var again = await client.GetPageAsync("/Account/SetupAuthenticator");
        again.QuerySelector("#recovery-codes").ShouldBeNull("shown once");
        again.Body!.TextContent.ShouldContain("剩余恢复码：10");

        await using (var scope = app.Scope())
        {
            var tokens = await scope.ServiceProvider.GetRequiredService<Sanxiang.Host.Auth.AuthDbContext>().UserTokens.AsNoTracking().Select(t => t.Value).ToListAsync();
            tokens.ShouldNotContain(t => t != null && codes.Any(c => t.Contains(c, StringComparison.Ordinal)), "only hashes are stored");
        }

        var signIn = app.NewClient();
        using (var password = await signIn.PostLoginAsync("admin"))
        {
            password.Headers.Location!.OriginalString.ShouldStartWith("/Account/LoginWith2fa");
        }

        using (var used = await signIn.SubmitFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string>(StringComparer.Ordinal) { ["code"] = codes[0].ToUpperInvariant() }))
        {
            used.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await signIn.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var replay = app.NewClient();
        (await replay.PostLoginAsync("admin")).Dispose();
        using var twice = await replay.SubmitFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string>(StringComparer.Ordinal) { ["code"] = codes[0] });
        twice.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(twice)).ErrorText().ShouldNotBeNull().ShouldContain("已使用");
    }

    private async Task<(string? Text, double MedianMs)> FailureAsync(string user)
    {
        var times = new List<double>();
        string? text = null;
        // Four tries: five wrong passwords would lock the account (and change the path measured).
        for (var i = 0; i < 4; i++)
        {
            var client = app.NewClient();
            var page = await client.GetPageAsync("/Account/Login");
            var fields = new Dictionary<string, string>(StringComparer.Ordinal) { [Html.AntiforgeryField] = page.AntiforgeryToken(), ["userName"] = user, ["password"] = "Wrong#Pass2026" };
            var watch = Stopwatch.StartNew();
            using var r = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
            watch.Stop();
            times.Add(watch.Elapsed.TotalMilliseconds);
            text = (await Html.ParseAsync(r)).ErrorText();
        }

        times.Sort();
        return (text, (times[1] + times[2]) / 2);
    }
}
