using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Features.Agencies;

namespace Sanxiang.Registry.Pages.Registry.Agencies;

internal sealed class IndexModel(AgencyFeatures agencies, IAgencyDirectory directory, IAccessScopeProvider scopes) : RegistryPageModel(scopes)
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<AgencyRow> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Breadcrumbs(("执法主体", null));
        var scope = await LoadScopeAsync(directory, ct);
        Search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
        Agencies = await agencies.ListAsync(scope, Search, ct);
        var top = Agencies.Count == 0 ? 0 : Agencies.Min(a => a.Depth);
        Agencies = [.. Agencies.Select(a => a with { Depth = a.Depth - top })];
    }
}
