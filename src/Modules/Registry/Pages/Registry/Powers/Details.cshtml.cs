using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Features.Powers;

namespace Sanxiang.Registry.Pages.Registry.Powers;

internal sealed class DetailsModel(PowerFeatures powers, IAgencyDirectory directory, IAccessScopeProvider scopes) : RegistryPageModel(scopes)
{
    [FromRoute]
    public Guid Id { get; set; }

    public PowerDetails Details { get; private set; } = null!;

    public bool CanWrite => Scope.CanWrite(Details.Power.AgencyId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(directory, ct);
        Details = await powers.GetAsync(scope, Id, ct);
        Breadcrumbs(("权责清单", "/Registry/Powers"), (Details.Power.Name, null));
    }
}
