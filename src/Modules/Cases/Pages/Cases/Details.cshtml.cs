using Microsoft.AspNetCore.Mvc;
using Sanxiang.Cases.Features;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Cases.Pages.Cases;

/// <summary>The case: where it stands, its deadlines with the time left, the next lawful actions, and its full record.</summary>
internal sealed class DetailsModel(IAccessScopeProvider scopes, CaseQueries queries, TimeProvider clock) : CasesPageModel(scopes)
{
    public CaseView Case { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        Today = ChinaTime.Today(clock);
        Case = await queries.GetAsync(scope, id, ct);
        ViewData["Title"] = $"案件 {Case.Number}";
        Breadcrumbs(("案件办理", "/Cases"), (Case.Number, null));
        return Page();
    }
}
