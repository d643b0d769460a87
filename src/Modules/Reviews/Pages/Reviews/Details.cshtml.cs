using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Reviews.Contracts;
using Sanxiang.Reviews.Features;

namespace Sanxiang.Reviews.Pages.Reviews;

/// <summary>One review: its rounds (the history), opinions and steps, and the forms each role may use now.</summary>
internal sealed class DetailsModel(IAccessScopeProvider scopes, ReviewQueries queries, ReviewCommands commands) : ReviewsPageModel(scopes)
{
    public ReviewView View { get; private set; } = null!;

    [BindProperty]
    public List<Guid> ReviewerIds { get; set; } = [];

    [BindProperty]
    public List<FindingForm> Findings { get; set; } = [];

    [BindProperty]
    public ReviewOutcome Outcome { get; set; } = ReviewOutcome.Agree;

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Participants { get; set; }

    [BindProperty]
    public bool Adopted { get; set; }

    [BindProperty]
    public Guid AdvisorId { get; set; }

    public bool IsAssignedReviewer => View.Row.AssignedToMe && Scope.IsInRole(Roles.Reviewer);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Findings = [.. Enum.GetValues<ChecklistItem>().Select(i => new FindingForm { Item = i, Satisfied = true })];
        return Page();
    }

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, s => commands.AssignAsync(s, id, new AssignInput(ReviewerIds), ct), ct);

    public Task<IActionResult> OnPostAdviceAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, s => commands.RecordAdviceAsync(s, id, new AdviceInput(AdvisorId, Text), ct), ct);

    public Task<IActionResult> OnPostConcludeAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, s => commands.ConcludeAsync(s, id, new ConcludeInput([.. Findings.Select(f => new FindingInput(f.Item, f.Satisfied, f.Note))], Outcome, Text), ct), ct);

    public Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, s => commands.ExtendAsync(s, id, new ReasonInput(Text), ct), ct);

    public Task<IActionResult> OnPostDiscussAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, s => commands.RecordDiscussionAsync(s, id, new ReviewDiscussionInput(Participants, Text, Adopted), ct), ct);

    private async Task<IActionResult> RunAsync(Guid id, Func<AccessScope, Task> act, CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        try
        {
            await act(scope);
            return Redirect($"/Reviews/Details/{id}");
        }
        catch (DomainRuleException e)
        {
            await LoadAsync(id, ct);
            if (Findings.Count == 0)
            {
                Findings = [.. Enum.GetValues<ChecklistItem>().Select(i => new FindingForm { Item = i, Satisfied = true })];
            }

            return Refused(e);
        }
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        View = await queries.GetAsync(scope, id, ct);
        Breadcrumbs(("法制审核", "/Reviews"), (View.Row.Number, null));
    }
}

internal sealed class FindingForm
{
    public ChecklistItem Item { get; set; }

    public bool Satisfied { get; set; } = true;

    public string? Note { get; set; }
}
