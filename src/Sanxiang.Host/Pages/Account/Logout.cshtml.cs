using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Host.Auth;

namespace Sanxiang.Host.Pages.Account;

public sealed class LogoutModel(SignInManager<SanxiangUser> signIn, UserManager<SanxiangUser> users, SignInAudit audit) : PageModel
{
    /// <summary>Signs out and revokes the session (SEC-AUTH-1): the security stamp changes, so a copy of the cookie is refused.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            _ = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id);
            await audit.RecordAsync(User.Identity.Name ?? string.Empty, id, true, "signed-out", ct);
            if (await users.GetUserAsync(User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }
        }

        await signIn.SignOutAsync();
        return RedirectToPage("./Logout");
    }
}
