using Microsoft.AspNetCore.Mvc;
using Sanxiang.Cases.Features;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Cases.Pages.Cases;

/// <summary>Decisions the legal-review gate refused (APL-58), for supervisors and heads.</summary>
internal sealed class RefusalsModel(IAccessScopeProvider scopes, CaseQueries queries) : CasesPageModel(scopes)
{
    public IReadOnlyList<RefusalRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rows = await queries.RefusalsAsync(await LoadScopeAsync(ct), ct);
        Breadcrumbs(("案件办理", "/Cases"), ("未经法制审核被拦截的决定", null));
        return Page();
    }
}
