using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Security;
using Sanxiang.Media.Features;

namespace Sanxiang.Media.Pages.Media;

/// <summary>Scrub alerts (an object missing or altered), for administrators and supervisors; they can run the scrub now.</summary>
internal sealed class AlertsModel(IAccessScopeProvider scopes, MediaQueries queries, MediaCommands commands) : MediaPageModel(scopes)
{
    public IReadOnlyList<AlertRow> Rows { get; private set; } = [];

    public string? Outcome { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        Rows = await queries.AlertsAsync(scope, ct);
        Breadcrumbs(("音像记录", "/Media"), ("完整性校验告警", null));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        scope.RequireAnyRole(Roles.Administrator, Roles.Supervisor);
        var (count, alerts) = await commands.ScrubAsync(ct);
        Outcome = $"已校验 {count} 个对象，新告警 {alerts} 条。";
        Rows = await queries.AlertsAsync(scope, ct);
        Breadcrumbs(("音像记录", "/Media"), ("完整性校验告警", null));
        return Page();
    }
}
