using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Reviews.Features;

namespace Sanxiang.Reviews.Pages.Reviews;

/// <summary>The submission form (送审): the proposed decision and the materials the team writes; missing materials are listed.</summary>
internal sealed class SubmitModel(IAccessScopeProvider scopes, ICaseReviewFacts cases, ReviewCommands commands, ReviewQueries queries) : ReviewsPageModel(scopes)
{
    [BindProperty]
    public SubmitForm Form { get; set; } = new();

    public Guid CaseId { get; private set; }

    public string CaseNumber { get; private set; } = string.Empty;

    public Guid? ReviewId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        var noticed = await LoadAsync(scope, caseId, ct);
        if (noticed is { Penalty: { } p } && await cases.MaySeePersonalDataAsync(scope, caseId, ct))
        {
            Form = new SubmitForm
            {
                Outcome = noticed.Outcome,
                Kinds = [.. p.Kinds],
                FineYuan = p.FineFen / 100m,
                ConfiscationYuan = p.ConfiscationFen / 100m,
                Level = p.Level,
                OutsideReason = p.OutsideBenchmarkReason,
                Facts = noticed.Facts,
                Reasons = noticed.Reasons,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        await LoadAsync(scope, caseId, ct);
        try
        {
            var id = await commands.SubmitAsync(scope, caseId, Form.ToInput(), ct);
            return Redirect($"/Reviews/Details/{id}");
        }
        catch (DomainRuleException e)
        {
            return Refused(e);
        }
    }

    /// <summary>The case number and the review so far for the page; returns the decision the prior notice announced.</summary>
    private async Task<ProposedDecision?> LoadAsync(AccessScope scope, Guid caseId, CancellationToken ct)
    {
        CaseId = caseId;
        (CaseNumber, var noticed) = await cases.NoticedDecisionAsync(scope, caseId, ct);
        ReviewId = await queries.ForCaseAsync(scope, caseId, ct);
        Breadcrumbs(("案件办理", "/Cases"), (CaseNumber, $"/Cases/Details/{caseId}"), ("送法制审核", null));
        return noticed;
    }
}

/// <summary>The submission form's fields (amounts in yuan on the page, fen in the command).</summary>
internal sealed class SubmitForm
{
    public DecisionOutcome Outcome { get; set; } = DecisionOutcome.Penalty;

    public List<PenaltyKind> Kinds { get; set; } = [];

    public decimal? FineYuan { get; set; }

    public decimal? ConfiscationYuan { get; set; }

    public CircumstanceLevel Level { get; set; } = CircumstanceLevel.General;

    public string? OutsideReason { get; set; }

    public NoPenaltyGround? Ground { get; set; }

    public string? Facts { get; set; }

    public string? Reasons { get; set; }

    public string? InvestigationReport { get; set; }

    public string? DiscretionReasoning { get; set; }

    public string? TransferReasoning { get; set; }

    public SubmitInput ToInput() => new(
        new ProposedDecision(
            Outcome,
            Outcome == DecisionOutcome.Penalty ? new ProposedPenalty(Kinds, Fen(FineYuan), Fen(ConfiscationYuan), Level, OutsideReason) : null,
            Outcome == DecisionOutcome.NoPenalty ? Ground : null,
            Facts ?? string.Empty,
            Reasons ?? string.Empty),
        InvestigationReport,
        DiscretionReasoning,
        TransferReasoning);

    private static long Fen(decimal? yuan) => yuan is { } y ? (long)decimal.Round(y * 100m, MidpointRounding.AwayFromZero) : 0;

    public static string Show(decimal? yuan) => yuan?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;
}
