using Microsoft.AspNetCore.Mvc;
using Sanxiang.Cases.Features;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Cases.Pages.Cases;

/// <summary>The case: where it stands, its deadlines with the time left, the next lawful actions, and its full record.</summary>
internal sealed class DetailsModel(IAccessScopeProvider scopes, CaseQueries queries, DocumentFeatures documents, Sanxiang.Cases.Contracts.IPublicationPreview publication, TimeProvider clock) : CasesPageModel(scopes)
{
    /// <summary>"将公开为": the decision's texts masked as they will be published (PUB-RED-2); null before a published kind of decision.</summary>
    public Sanxiang.Cases.Contracts.PublicationPreview? Publication { get; private set; }

    public CaseView Case { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        Today = ChinaTime.Today(clock);
        Case = await queries.GetAsync(scope, id, ct);
        Documents = await documents.ListAsync(scope, id, ct);
        Publication = await publication.PreviewAsync(scope, id, ct);
        ViewData["Title"] = $"案件 {Case.Number}";
        Breadcrumbs(("案件办理", "/Cases"), (Case.Number, null));
        return Page();
    }

    /// <summary>A head masks a phrase of the decision's texts before publication (PUB-RED-2).</summary>
    public async Task<IActionResult> OnPostMaskAsync(Guid id, string? text, CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        try
        {
            await publication.AddMaskAsync(scope, id, text ?? string.Empty, ct);
            TempData["Flash"] = "已增加遮蔽；公开时该内容将显示为 ***";
            return Redirect($"/Cases/Details/{id}#publication");
        }
        catch (DomainRuleException e)
        {
            await OnGetAsync(id, ct);
            return Refused(e);
        }
    }

    /// <summary>Issues a numbered document from the case as it stands.</summary>
    public async Task<IActionResult> OnPostIssueAsync(Guid id, Sanxiang.Cases.Contracts.DocumentKind kind, CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        try
        {
            await documents.IssueAsync(scope, id, kind, ct);
            return Redirect($"/Cases/Details/{id}#documents");
        }
        catch (DomainRuleException e)
        {
            await OnGetAsync(id, ct);
            return Refused(e);
        }
    }
}
