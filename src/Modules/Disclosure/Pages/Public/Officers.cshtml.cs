using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Paging;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Pages.Public;

/// <summary>执法人员 (GB118-PUB-1): names, certificate numbers, areas and validity — never ID numbers — searchable and paged.</summary>
internal sealed class OfficersModel(IPublicRegistry registry, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public IReadOnlyList<PublicAgency> Agencies { get; private set; } = [];

    public IReadOnlyList<PublicOfficer> Officers { get; private set; } = [];

    public ListState State { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Agencies = await registry.AgenciesAsync(ct);
        var query = new ListQuery(Search, null, false, PageNo, PageSize);
        var result = await registry.OfficersAsync(Agency, Search, query.SafePage, PageSize, ct);
        if (result.Items.Count == 0 && result.Total > 0)
        {
            query = query.ClampTo(result.Total);
            result = await registry.OfficersAsync(Agency, Search, query.SafePage, PageSize, ct);
        }

        Officers = result.Items;
        State = new ListState("/Public/Officers", query, new Dictionary<string, string?> { ["agency"] = Agency?.ToString() }, result.Total);
    }
}
