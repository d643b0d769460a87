using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Paging;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Features.Officers;

namespace Sanxiang.Registry.Pages.Registry.Officers;

internal sealed class IndexModel(OfficerFeatures officers, IAgencyDirectory directory, IAccessScopeProvider scopes, TimeProvider clock) : RegistryListPageModel(scopes)
{
    [BindProperty(SupportsGet = true)]
    public Guid? AgencyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public CertificateStatus? Status { get; set; }

    public PagedResult<OfficerRow> Result { get; private set; } = new([], 0, 1, 20);

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Breadcrumbs(("执法人员", null));
        var scope = await LoadScopeAsync(directory, ct);
        Today = ChinaTime.Today(clock);
        Result = await officers.SearchAsync(scope, Query, AgencyId, Status, ct);
        SetState("/Registry/Officers", Result.Total, ("agencyId", AgencyId?.ToString()), ("status", Status?.ToString()));
    }
}
