using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Paging;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Features.Powers;

namespace Sanxiang.Registry.Pages.Registry.Powers;

internal sealed class IndexModel(PowerFeatures powers, IAgencyDirectory directory, IAccessScopeProvider scopes) : RegistryListPageModel(scopes)
{
    [BindProperty(SupportsGet = true)]
    public Guid? AgencyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public PowerCategory? Category { get; set; }

    public PagedResult<PowerRow> Result { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Breadcrumbs(("权责清单", null));
        var scope = await LoadScopeAsync(directory, ct);
        Result = await powers.SearchAsync(scope, Query, AgencyId, Category, ct);
        SetState("/Registry/Powers", Result.Total, ("agencyId", AgencyId?.ToString()), ("category", Category?.ToString()));
    }
}
