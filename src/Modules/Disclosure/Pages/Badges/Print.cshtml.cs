using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Disclosure.Badges;

namespace Sanxiang.Disclosure.Pages.Badges;

/// <summary>The back office prints an officer's badge (heads and administrators, within their agencies).</summary>
internal sealed class PrintModel(BadgeIssuer issuer) : PageModel
{
    public IssuedBadge Badge { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid officerId, CancellationToken ct)
    {
        Badge = await issuer.IssueAsync(officerId, ct);
        return Page();
    }
}
