using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Host.Pages;

public sealed class IndexModel(IAccessScopeProvider scopes, IRegistryOverview overview, TimeProvider clock) : PageModel
{
    public int SoonDays => 60;

    public int AgencyCount { get; private set; }

    public int OfficerCount { get; private set; }

    public int Expired { get; private set; }

    public int Powers { get; private set; }

    public IReadOnlyList<OfficerSummary> ExpiringSoon { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        AgencyCount = scope.Visible.Count;
        var stats = await overview.GetAsync(scope, ChinaTime.Today(clock), SoonDays, ct);
        OfficerCount = stats.Officers;
        Expired = stats.Expired;
        Powers = stats.Powers;
        ExpiringSoon = stats.ExpiringSoon;
    }
}
