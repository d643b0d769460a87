using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Host.Auth;
using Sanxiang.Host.Infrastructure;

namespace Sanxiang.Host.Pages.Account;

/// <summary>
/// A signed-in user changes their password (SEC-AUTH-1): the current one is checked, the new one must pass the password
/// policy; the security stamp changes, so every other session of the user ends, and this one is signed in anew.
/// </summary>
[Authorize]
public sealed class ChangePasswordModel(UserManager<SanxiangUser> users, SignInManager<SanxiangUser> signIn, SignInAudit audit) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public List<string> Errors { get; } = [];

    public bool Changed { get; private set; }

    /// <summary>An administrator reset the password: it must be changed before anything else.</summary>
    public bool Required => User.HasClaim(PasswordChangeEnforcement.Claim, "1");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(CurrentPassword) || string.IsNullOrEmpty(NewPassword))
        {
            Errors.Add("请输入当前密码和新密码");
        }
        else if (NewPassword != ConfirmPassword)
        {
            Errors.Add("两次输入的新密码不一致");
        }
        else if (NewPassword == CurrentPassword)
        {
            Errors.Add("新密码不能与当前密码相同");
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        // A wrong current password counts towards the lockout, as at sign-in: a stolen session cannot guess it at will.
        if (await users.IsLockedOutAsync(user))
        {
            Errors.Add(LoginModel.Failed);
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            await users.AccessFailedAsync(user);
            await audit.RecordAsync(user.UserName ?? string.Empty, user.Id, false, "change-bad-password", ct);
        }

        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }

        await PasswordChangeEnforcement.ClearAsync(users, user);
        await audit.RecordAsync(user.UserName ?? string.Empty, user.Id, true, "password-changed", ct);
        await signIn.RefreshSignInAsync(user);
        Changed = true;
        return Page();
    }
}
