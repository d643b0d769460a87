using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Pages.Cases;

/// <summary>The forms that open a case (clue, summary procedure): the agency's penalty powers and its officers.</summary>
internal abstract class OpenCasePageModel(IAccessScopeProvider scopes, IEnforcementDirectory directory, TimeProvider clock) : CasesPageModel(scopes)
{
    public IReadOnlyList<PowerFacts> Powers { get; private set; } = [];

    public IReadOnlyList<OfficerFacts> Officers { get; private set; } = [];

    public DateOnly Today { get; private set; }

    protected async Task<AccessScope> LoadAsync(string title, CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        Today = ChinaTime.Today(clock);
        Powers = [.. (await directory.PowersOfAgencyAsync(scope.AgencyId, Today, ct)).Where(p => p.Category == PowerCategory.Penalty)];
        Officers = await directory.OfficersOfAgencyAsync(scope.AgencyId, ct);
        Breadcrumbs(("案件办理", "/Cases"), (title, null));
        return scope;
    }
}
