using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Host.Auth;

namespace Sanxiang.Host.Pages.Account;

public sealed class LoginModel(SignInManager<SanxiangUser> signIn, UserManager<SanxiangUser> users, SignInAudit audit) : PageModel
{
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
            await audit.RecordAsync(name, null, false, "unknown-user", ct);
            Error = "用户名或密码错误";
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
            await audit.RecordAsync(name, user.Id, false, "locked-out", ct);
            Error = user.LockoutEnd?.Year >= 9999 ? "该账号已停用，请联系系统管理员" : "登录失败次数过多，账号已被暂时锁定，请稍后再试";
            return Page();
        }

        await audit.RecordAsync(name, user.Id, false, "bad-password", ct);
        Error = "用户名或密码错误";
        return Page();
    }

    internal static string SafeReturn(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
