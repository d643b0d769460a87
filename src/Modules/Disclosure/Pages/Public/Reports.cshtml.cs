using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Disclosure.Features;

namespace Sanxiang.Disclosure.Pages.Public;

/// <summary>The published annual enforcement statistics (GB118-PUB-5), one year at a time, with charts and downloads.</summary>
internal sealed class ReportsModel(AnnualReports reports) : PageModel
{
    [FromQuery]
    public int? Year { get; set; }

    public AnnualReport Report { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var latest = reports.LatestYear;
        var report = await reports.ForYearAsync(Year ?? latest, ct);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        Years = [.. Enumerable.Range(0, 5).Select(i => latest - i)];
        return Page();
    }
}
