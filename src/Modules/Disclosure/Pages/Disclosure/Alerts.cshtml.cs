using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Disclosure.Features;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Disclosure.Pages.Disclosure;

/// <summary>Late publications and late withdrawals (GB118-PUB-3, APL-48), for supervisors and heads.</summary>
internal sealed class AlertsModel(IAccessScopeProvider scopes, PublicDecisionQueries queries) : PageModel
{
    public IReadOnlyList<PublicationAlertRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.IsInRole(Roles.Supervisor) && !scope.IsInRole(Roles.Head))
        {
            return Forbid();
        }

        Rows = await queries.AlertsAsync(scope, ct);
        return Page();
    }
}
