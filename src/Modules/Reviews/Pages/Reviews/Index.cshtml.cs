using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Security;
using Sanxiang.Reviews.Features;

namespace Sanxiang.Reviews.Pages.Reviews;

/// <summary>The review queue: the reviewer's own, the legal unit's assignment board, every open review with its time left.</summary>
internal sealed class IndexModel(IAccessScopeProvider scopes, ReviewQueries queries) : ReviewsPageModel(scopes)
{
    public IReadOnlyList<ReviewRow> Rows { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        Rows = await queries.QueueAsync(scope, !All, ct);
        Breadcrumbs(("法制审核", null));
        return Page();
    }
}
