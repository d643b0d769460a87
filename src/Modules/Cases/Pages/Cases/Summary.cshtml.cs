using Microsoft.AspNetCore.Mvc;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Features;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Pages.Cases;

/// <summary>The summary procedure on the spot (简易程序, APL-51/52), usable on a phone.</summary>
internal sealed class SummaryModel(IAccessScopeProvider scopes, CaseCommands commands, IEnforcementDirectory directory, TimeProvider clock) : OpenCasePageModel(scopes, directory, clock)
{
    [BindProperty]
    public CaseForm Form { get; set; } = new() { Kinds = [PenaltyKind.Fine], Level = CircumstanceLevel.Minor };

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync("当场处罚", ct);
        Form.ActOn = Today;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await LoadAsync("当场处罚", ct);
        try
        {
            var f = Form;
            var id = await commands.DecideOnTheSpotAsync(scope, new SummaryInput(f.PowerId, f.Party(), f.Summary, f.ActOn ?? Today, f.Penalty(), f.Flag1, f.Flag2, f.Flag3, f.Flag4, f.OfficerIds), ct);
            return Redirect($"/Cases/Details/{id}");
        }
        catch (DomainRuleException e)
        {
            return Refused(e);
        }
    }
}
