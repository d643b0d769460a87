using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Cases.Contracts;
using Sanxiang.Disclosure.Features;
using Sanxiang.Kernel.Domain;

namespace Sanxiang.Disclosure.Pages.Public.Decisions;

/// <summary>Published decisions (GB118-PUB-3): search over the masked texts (two-character words), filters and pages.</summary>
internal sealed class IndexModel(PublicDecisionQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? AgencyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

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

    public IReadOnlyList<RegionOption> Regions { get; private set; } = [];

    /// <summary>The refusal of a region that is no code (shown instead of results).</summary>
    public string? RegionError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = new DecisionFilter(Q, AgencyId, Region, Category, From, To, PageNumber, 20);
        try
        {
            Result = await queries.SearchAsync(filter, 20, ct);
        }
        catch (DomainRuleException e) when (e.Errors.Any(x => x.Field == "region"))
        {
            RegionError = e.Message;
            Result = new PublicDecisionPage([], 0, false, filter.PageNumber, 20);
        }

        Agencies = await queries.AgenciesAsync(ct);
        Regions = await queries.RegionsAsync(ct);
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
        Add("region", Region);
        Add("category", Category?.ToString());
        Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/Public/Decisions?" + string.Join('&', args);
    }
}
