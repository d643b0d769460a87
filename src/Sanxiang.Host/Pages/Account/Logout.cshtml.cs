using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Host.Auth;

namespace Sanxiang.Host.Pages.Account;

public sealed class LogoutModel(SignInManager<SanxiangUser> signIn, SignInAudit audit) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            _ = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id);
            await audit.RecordAsync(User.Identity.Name ?? string.Empty, id, true, "signed-out", ct);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("./Logout");
    }
}
