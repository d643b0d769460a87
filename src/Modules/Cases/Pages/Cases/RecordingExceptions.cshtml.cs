using Microsoft.AspNetCore.Mvc;
using Sanxiang.Cases.Features;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Cases.Pages.Cases;

/// <summary>The heads' written exceptions to the recording-required list (GB118-REC-2/3), for supervisors and heads.</summary>
internal sealed class RecordingExceptionsModel(IAccessScopeProvider scopes, CaseQueries queries) : CasesPageModel(scopes)
{
    public IReadOnlyList<RecordingExceptionRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rows = await queries.RecordingExceptionsAsync(await LoadScopeAsync(ct), ct);
        Breadcrumbs(("案件办理", "/Cases"), ("音像记录例外", null));
        return Page();
    }
}
