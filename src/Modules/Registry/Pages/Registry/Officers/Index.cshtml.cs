using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Paging;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Features.Officers;

namespace Sanxiang.Registry.Pages.Registry.Officers;

internal sealed class IndexModel(OfficerFeatures officers, IAgencyDirectory directory, IAccessScopeProvider scopes, TimeProvider clock) : RegistryPageModel(scopes)
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? AgencyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public CertificateStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public PagedResult<OfficerRow> Result { get; private set; } = new([], 0, 1, 20);

    public ListState State { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Breadcrumbs(("执法人员", null));
        var scope = await LoadScopeAsync(directory, ct);
        Today = ChinaTime.Today(clock);
        var query = new ListQuery(Search, Sort, Desc, PageNo, 20);
        Result = await officers.SearchAsync(scope, query, AgencyId, Status, ct);
        State = new ListState("/Registry/Officers", query, new Dictionary<string, string?>(StringComparer.Ordinal) { ["agencyId"] = AgencyId?.ToString(), ["status"] = Status?.ToString() }, Result.Total);
    }
}
