using Microsoft.AspNetCore.Mvc;
using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Security;
using Sanxiang.Reviews.Features;

namespace Sanxiang.Reviews.Pages.Reviews;

/// <summary>From a case to its review, or to the submission form when it was never submitted (404 outside the scope).</summary>
internal sealed class CaseModel(IAccessScopeProvider scopes, ReviewQueries queries, ICaseReviewFacts cases) : ReviewsPageModel(scopes)
{
    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        await cases.NoticedDecisionAsync(scope, caseId, ct);
        return await queries.ForCaseAsync(scope, caseId, ct) is { } id ? Redirect($"/Reviews/Details/{id}") : Redirect($"/Reviews/Submit/{caseId}");
    }
}
