using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Host.Auth;

namespace Sanxiang.Host.Pages.Account;

public sealed class LoginWith2faModel(SignInManager<SanxiangUser> signIn, SignInAudit audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login") : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("./Login");
        }

        Microsoft.AspNetCore.Identity.SignInResult result;
        try
        {
            result = await signIn.TwoFactorAuthenticatorSignInAsync(Code ?? string.Empty, isPersistent: false, rememberClient: false);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Another submission of the same sign-in changed the user at the same moment: this one did not sign in.
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }

        if (result.Succeeded)
        {
            await audit.RecordAsync(user.UserName ?? string.Empty, user.Id, true, "2fa-ok", ct);
            return LocalRedirect(LoginModel.SafeReturn(ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync(user.UserName ?? string.Empty, user.Id, false, "locked-out", ct);
            Error = "验证失败次数过多，账号已被暂时锁定，请稍后再试";
            return Page();
        }

        await audit.RecordAsync(user.UserName ?? string.Empty, user.Id, false, "bad-code", ct);
        Error = "验证码错误或已使用，请输入身份验证器中的最新验证码";
        return Page();
    }
}
