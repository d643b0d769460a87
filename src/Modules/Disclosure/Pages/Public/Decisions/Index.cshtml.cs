using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Cases.Contracts;
using Sanxiang.Disclosure.Features;

namespace Sanxiang.Disclosure.Pages.Public.Decisions;

/// <summary>Published decisions (GB118-PUB-3): search over the masked texts (two-character words), filters and pages.</summary>
internal sealed class IndexModel(PublicDecisionQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? AgencyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DecisionCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PublicDecisionPage Result { get; private set; } = null!;

    public IReadOnlyList<AgencyOption> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await queries.SearchAsync(new DecisionFilter(Q, AgencyId, Category, From, To, PageNumber, 20), 20, ct);
        Agencies = await queries.AgenciesAsync(ct);
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageUrl(int page)
    {
        var args = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                args.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("q", Q);
        Add("agencyId", AgencyId?.ToString());
        Add("category", Category?.ToString());
        Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/Public/Decisions?" + string.Join('&', args);
    }
}
