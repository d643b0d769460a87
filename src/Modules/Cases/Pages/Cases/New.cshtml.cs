using Microsoft.AspNetCore.Mvc;
using Sanxiang.Cases.Features;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Pages.Cases;

/// <summary>Registers a clue (线索登记) for the general procedure, with the party, the facts and the case team.</summary>
internal sealed class NewModel(IAccessScopeProvider scopes, CaseCommands commands, IEnforcementDirectory directory, TimeProvider clock) : CasesPageModel(scopes)
{
    [BindProperty]
    public CaseForm Form { get; set; } = new();

    public IReadOnlyList<PowerFacts> Powers { get; private set; } = [];

    public IReadOnlyList<OfficerFacts> Officers { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Form.DiscoveredOn = Today;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await LoadAsync(ct);
        try
        {
            var f = Form;
            var id = await commands.OpenClueAsync(scope, new OpenClueInput(f.PowerId, f.Party(), f.Summary, f.ActOn ?? default, f.ActEndedOn, f.DiscoveredOn ?? default, f.HarmsSafety, f.OfficerIds), ct);
            return Redirect($"/Cases/Details/{id}");
        }
        catch (DomainRuleException e)
        {
            return Refused(e);
        }
    }

    private async Task<Sanxiang.Kernel.Security.AccessScope> LoadAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        Today = ChinaTime.Today(clock);
        Powers = [.. (await directory.PowersOfAgencyAsync(scope.AgencyId, Today, ct)).Where(p => p.Category == PowerCategory.Penalty)];
        Officers = await directory.OfficersOfAgencyAsync(scope.AgencyId, ct);
        Breadcrumbs(("案件办理", "/Cases"), ("登记案件线索", null));
        return scope;
    }
}
