using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Host.Auth;

namespace Sanxiang.Host.Pages.Account;

public sealed class LoginModel(SignInManager<SanxiangUser> signIn, UserManager<SanxiangUser> users, SignInAudit audit) : PageModel
{
    /// <summary>
    /// One answer for every failure (unknown user, wrong password, locked or disabled account), so that the page does not
    /// tell which user names exist (SEC-AUTH-1); the sign-in log keeps the real outcome for administrators.
    /// </summary>
    public const string Failed = "用户名或密码错误，或账号已被锁定。连续输错多次后账号将被暂时锁定，如仍无法登录请联系系统管理员";

    /// <summary>A password hash that an unknown user name is checked against, so it takes as long as a wrong password.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<SanxiangUser>().HashPassword(new SanxiangUser(), Guid.NewGuid().ToString()));

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = (UserName ?? string.Empty).Trim();
        if (name.Length == 0 || string.IsNullOrEmpty(Password))
        {
            Error = "请输入用户名和密码";
            return Page();
        }

        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            _ = users.PasswordHasher.VerifyHashedPassword(new SanxiangUser(), DecoyHash.Value, Password);
            await audit.RecordAsync(name, null, false, "unknown-user", ct);
            Error = Failed;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(name, user.Id, true, "password-ok", ct);
            return LocalRedirect(SafeReturn(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            await audit.RecordAsync(name, user.Id, false, "needs-2fa", ct);
            return RedirectToPage("./LoginWith2fa", new { returnUrl = SafeReturn(ReturnUrl) });
        }

        if (result.IsLockedOut)
        {
            // Identity answers a locked account before it checks the password: check it here, so that the answer takes
            // as long as any other, and only someone who knows the password learns that the account is disabled.
            var passwordRight = await users.CheckPasswordAsync(user, Password);
            await audit.RecordAsync(name, user.Id, false, "locked-out", ct);
            Error = passwordRight && user.LockoutEnd?.Year >= 9999 ? "该账号已停用，请联系系统管理员" : Failed;
            return Page();
        }

        await audit.RecordAsync(name, user.Id, false, "bad-password", ct);
        Error = Failed;
        return Page();
    }

    internal static string SafeReturn(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
