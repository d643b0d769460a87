using Microsoft.AspNetCore.Mvc;
using Sanxiang.Cases.Features;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Pages.Cases;

/// <summary>Registers a clue (线索登记) for the general procedure, with the party, the facts and the case team.</summary>
internal sealed class NewModel(IAccessScopeProvider scopes, CaseCommands commands, IEnforcementDirectory directory, TimeProvider clock) : OpenCasePageModel(scopes, directory, clock)
{
    [BindProperty]
    public CaseForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync("登记案件线索", ct);
        Form.DiscoveredOn = Today;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await LoadAsync("登记案件线索", ct);
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
}
