using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Security;
using Sanxiang.Media.Features;

namespace Sanxiang.Media.Pages.Media;

/// <summary>The audio-video records the caller may see (a case's, with ?caseId=).</summary>
internal sealed class IndexModel(IAccessScopeProvider scopes, MediaQueries queries) : MediaPageModel(scopes)
{
    [FromQuery]
    public Guid? CaseId { get; set; }

    public IReadOnlyList<MediaRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        Rows = await queries.ListAsync(scope, CaseId, 200, ct);
        Breadcrumbs(("音像记录", null));
    }
}
