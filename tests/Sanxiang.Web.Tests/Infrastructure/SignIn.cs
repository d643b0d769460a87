using System.Net;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Web.Tests.Infrastructure;

/// <summary>
/// Signs demo users in through the real pages: /Account/Login (antiforgery token from the form), and for
/// users in a 2FA role /Account/SetupAuthenticator (first time) or /Account/LoginWith2fa.
/// </summary>
public static class SignIn
{
    public const string Password = "Sanxiang@2026";

    /// <summary>Posts the login form; returns the response (302 on success, 200 with an error otherwise).</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string userName, string password = Password) =>
        client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>(StringComparer.Ordinal) { ["userName"] = userName, ["password"] = password });

    /// <summary>A new cookie client signed in as the user with password only.</summary>
    public static async Task<HttpClient> SignedInAsync(this SanxiangFactory factory, string userName)
    {
        var client = factory.NewClient();
        using var response = await client.PostLoginAsync(userName);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {userName}");
        response.Headers.Location!.OriginalString.ShouldNotContain("/Account/Login");
        return client;
    }

    /// <summary>A new client signed in as a user who must use a second factor: signs in, enrols TOTP, and returns both.</summary>
    public static async Task<(HttpClient Client, Authenticator Authenticator)> SignedInWithTwoFactorAsync(this SanxiangFactory factory, string userName)
    {
        var client = await factory.SignedInAsync(userName);
        var authenticator = await client.EnrolAuthenticatorAsync();
        return (client, authenticator);
    }

    /// <summary>Reads the shared key from /Account/SetupAuthenticator and confirms it with a computed code.</summary>
    public static async Task<Authenticator> EnrolAuthenticatorAsync(this HttpClient client)
    {
        var page = await client.GetPageAsync("/Account/SetupAuthenticator");
        var key = page.QuerySelector("#shared-key")?.TextContent ?? throw new InvalidOperationException("no #shared-key on the enrolment page");
        var authenticator = new Authenticator(Base32.Decode(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()));
        await authenticator.SubmitAsync(client, "/Account/SetupAuthenticator");
        return authenticator;
    }

    /// <summary>Password, then the authenticator's next code on /Account/LoginWith2fa.</summary>
    public static async Task<HttpClient> SignedInWithCodeAsync(this SanxiangFactory factory, string userName, Authenticator authenticator)
    {
        var client = factory.NewClient();
        using var response = await client.PostLoginAsync(userName);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("/Account/LoginWith2fa");
        await authenticator.SubmitAsync(client, response.Headers.Location.OriginalString);
        return client;
    }
}

/// <summary>
/// A test's authenticator app. The server accepts the current step ±1 and never the same step twice, so each
/// submission uses the earliest step it can still accept (max(last + 1, now − 1)); if the 30-second boundary
/// passes between computing and checking, it recomputes once from the new time. No sleeping.
/// </summary>
public sealed class Authenticator(byte[] key)
{
    public long LastStep { get; private set; }

    public static long CurrentStep => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / Totp.StepSeconds;

    public string CodeFor(long step) => Totp.Compute(key, step * Totp.StepSeconds);

    public async Task SubmitAsync(HttpClient client, string url)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var step = Math.Max(LastStep + 1, CurrentStep - 1);
            if (step > CurrentStep + 1)
            {
                throw new InvalidOperationException("every acceptable time step is used: the test signs in too often");
            }

            using var response = await client.SubmitFormAsync(url, new Dictionary<string, string>(StringComparer.Ordinal) { ["code"] = CodeFor(step) });
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                LastStep = step;
                return;
            }
        }

        throw new InvalidOperationException($"the TOTP code was refused twice on {url}");
    }
}
