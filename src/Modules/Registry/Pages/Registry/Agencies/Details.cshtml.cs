using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Features.Agencies;

namespace Sanxiang.Registry.Pages.Registry.Agencies;

internal sealed class DetailsModel(AgencyFeatures agencies, IAgencyDirectory directory, IAccessScopeProvider scopes) : RegistryPageModel(scopes)
{
    public AgencyRow Agency { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await LoadScopeAsync(directory, ct);
        Agency = await agencies.GetAsync(scope, id, ct);
        Breadcrumbs(("执法主体", "/Registry/Agencies"), (Agency.Name, null));
    }
}
