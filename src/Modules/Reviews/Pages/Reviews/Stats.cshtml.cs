using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Reviews.Features;

namespace Sanxiang.Reviews.Pages.Reviews;

/// <summary>Review statistics per agency for a year: reviews, outcomes, average working days, overdue, reviewers per 100 officers.</summary>
internal sealed class StatsModel(IAccessScopeProvider scopes, ReviewQueries queries, TimeProvider clock) : ReviewsPageModel(scopes)
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<ReviewStats> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        Year ??= ChinaTime.Today(clock).Year;
        Rows = await queries.StatsAsync(scope, Year.Value, ct);
        Breadcrumbs(("法制审核", "/Reviews"), ("审核统计", null));
        return Page();
    }
}
