using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Media.Domain;
using Sanxiang.Media.Features;

namespace Sanxiang.Media.Pages.Media;

/// <summary>One record: its facts and hashes, the player (range requests), holds, permanent keeping and the access log.</summary>
internal sealed class DetailsModel(IAccessScopeProvider scopes, MediaQueries queries, MediaCommands commands) : MediaPageModel(scopes)
{
    public MediaRow Row { get; private set; } = null!;

    public IReadOnlyList<AccessRow> Accesses { get; private set; } = [];

    public bool MayHold => Scope.IsInRole(Roles.Head) || Scope.IsInRole(Roles.Supervisor);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostHoldAsync(Guid id, string? reason, CancellationToken ct) =>
        ActAsync(id, () => commands.HoldAsync(Scope, id, reason, release: false, ct), ct);

    public Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => commands.HoldAsync(Scope, id, null, release: true, ct), ct);

    public Task<IActionResult> OnPostPermanentAsync(Guid id, PermanentReason reason, CancellationToken ct) =>
        ActAsync(id, () => commands.KeepPermanentlyAsync(Scope, id, reason, ct), ct);

    public static string Label(PermanentReason r) => r switch
    {
        PermanentReason.UsedAsEvidence => "作为证据使用",
        PermanentReason.Obstructed => "执法受到阻碍",
        PermanentReason.MajorIncident => "重大突发事件",
        _ => "—",
    };

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action, CancellationToken ct)
    {
        await LoadScopeAsync(ct);
        try
        {
            await action();
            return Redirect($"/Media/Details/{id}");
        }
        catch (DomainRuleException e)
        {
            await LoadAsync(id, ct);
            return Refused(e);
        }
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        Row = await queries.GetAsync(scope, id, ct);
        Accesses = await queries.AccessLogAsync(scope, id, ct);
        Breadcrumbs(("音像记录", "/Media"), (Row.FileName, null));
    }
}
