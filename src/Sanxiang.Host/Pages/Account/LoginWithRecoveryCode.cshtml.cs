using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Host.Auth;

namespace Sanxiang.Host.Pages.Account;

/// <summary>The second step of sign-in with a one-time recovery code instead of the authenticator (SEC-AUTH-1).</summary>
public sealed class LoginWithRecoveryCodeModel(SignInManager<SanxiangUser> signIn, UserManager<SanxiangUser> users, RecoveryCodes recovery, SignInAudit audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("./Login");
        }

        // A locked or disabled account does not sign in with a code either; a wrong code counts towards the lockout.
        if (await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            await audit.RecordAsync(user.UserName ?? string.Empty, user.Id, false, "locked-out", ct);
            Error = LoginModel.Failed;
            return Page();
        }

        if (!await recovery.RedeemAsync(user, Code))
        {
            await users.AccessFailedAsync(user);
            await audit.RecordAsync(user.UserName ?? string.Empty, user.Id, false, "bad-recovery-code", ct);
            Error = "恢复码不正确或已使用";
            return Page();
        }

        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        await audit.RecordAsync(user.UserName ?? string.Empty, user.Id, true, "recovery-code-ok", ct);
        TempData["Flash"] = "已使用一个恢复码登录。如身份验证器已丢失，请在“安全设置”中重新生成恢复码，并请管理员重置双因素认证后重新绑定。";
        return LocalRedirect(LoginModel.SafeReturn(ReturnUrl));
    }
}
