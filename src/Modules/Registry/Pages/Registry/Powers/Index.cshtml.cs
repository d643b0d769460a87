using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Paging;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Features.Powers;

namespace Sanxiang.Registry.Pages.Registry.Powers;

internal sealed class IndexModel(PowerFeatures powers, IAgencyDirectory directory, IAccessScopeProvider scopes) : RegistryPageModel(scopes)
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? AgencyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public PowerCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public PagedResult<PowerRow> Result { get; private set; } = new([], 0, 1, 20);

    public ListState State { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Breadcrumbs(("权责清单", null));
        var scope = await LoadScopeAsync(directory, ct);
        var query = new ListQuery(Search, Sort, Desc, PageNo, 20);
        Result = await powers.SearchAsync(scope, query, AgencyId, Category, ct);
        State = new ListState("/Registry/Powers", query, new Dictionary<string, string?>(StringComparer.Ordinal) { ["agencyId"] = AgencyId?.ToString(), ["category"] = Category?.ToString() }, Result.Total);
    }
}
