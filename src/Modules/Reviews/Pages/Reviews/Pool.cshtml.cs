using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Reviews.Features;

namespace Sanxiang.Reviews.Pages.Reviews;

/// <summary>The agency's review pool (法制审核人员库): internal reviewers with their qualification, external advisors.</summary>
internal sealed class PoolModel(IAccessScopeProvider scopes, ReviewQueries queries, ReviewCommands commands, IUserDirectory users) : ReviewsPageModel(scopes)
{
    public IReadOnlyList<ReviewerRow> Rows { get; private set; } = [];

    public IReadOnlyList<DirectoryUser> Users { get; private set; } = [];

    [BindProperty]
    public ReviewerInput Form { get; set; } = new(null, null, null, null, null, false);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        try
        {
            await commands.AddReviewerAsync(Scope, Form, ct);
            return Redirect("/Reviews/Pool");
        }
        catch (DomainRuleException e)
        {
            return Refused(e);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        Rows = await queries.PoolAsync(scope, ct);
        Users = [.. (await users.InAgencyAsync(scope.AgencyId, ct)).Where(u => u.Roles.Contains(Roles.Reviewer))];
        Breadcrumbs(("法制审核", "/Reviews"), ("审核人员库", null));
    }
}
