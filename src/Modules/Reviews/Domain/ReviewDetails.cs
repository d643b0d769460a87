using Sanxiang.Cases.Contracts;
using Sanxiang.Reviews.Contracts;

namespace Sanxiang.Reviews.Domain;

/// <summary>A reviewer assigned to a round: from the agency's pool; an external advisor gives an opinion only.</summary>
internal sealed record AssignedReviewer(Guid ReviewerId, string Name, bool External);

/// <summary>One checklist finding (GB118-REV-2): satisfied, or a problem with a note.</summary>
internal sealed record Finding(ChecklistItem Item, bool Satisfied, string Note);

/// <summary>An external legal advisor's written opinion, recorded by the legal unit.</summary>
internal sealed record AdvisoryOpinion(string Name, string Text, DateOnly On);

internal sealed record CatalogReason(string Code, string Reason);

/// <summary>
/// One submission (送审) and its review: the proposed decision exactly as submitted, its fingerprint (the decision gate
/// compares it), the materials, the reviewers, the findings and the outcome. A resubmission is a new round; rounds are
/// never changed once concluded, so the full history stays.
/// </summary>
internal sealed class ReviewRound
{
    public int No { get; set; }

    public DateOnly SubmittedOn { get; set; }

    public string SubmittedBy { get; set; } = string.Empty;

    public ProposedDecision Decision { get; set; } = null!;

    public string Fingerprint { get; set; } = string.Empty;

    public string DecisionSummary { get; set; } = string.Empty;

    public List<CatalogReason> CatalogReasons { get; set; } = [];

    public string InvestigationReport { get; set; } = string.Empty;

    public string? DiscretionReasoning { get; set; }

    public string? TransferReasoning { get; set; }

    public List<MaterialKind> Materials { get; set; } = [];

    public List<AssignedReviewer> Reviewers { get; set; } = [];

    public DateOnly? AssignedOn { get; set; }

    public List<AdvisoryOpinion> Advice { get; set; } = [];

    public List<Finding> Findings { get; set; } = [];

    public ReviewOutcome? Outcome { get; set; }

    public string? Opinion { get; set; }

    public DateOnly? ConcludedOn { get; set; }

    public string? ConcludedBy { get; set; }

    public Guid? OpinionDocumentId { get; set; }
}

internal sealed record ReviewStep(DateTimeOffset At, string Actor, string Action, string Detail, string? RuleId);

internal sealed record ReviewExtension(int Days, string Reason, DateOnly ApprovedOn, string ApprovedBy);

internal sealed record DiscussionOutcome(DateOnly On, string Participants, string Conclusion, bool Adopted, string Fingerprint);

/// <summary>Everything a review accumulates; stored as one JSON document with the row.</summary>
internal sealed class ReviewDetails
{
    public string PowerName { get; set; } = string.Empty;

    public List<ReviewRound> Rounds { get; set; } = [];

    /// <summary>
    /// The proposed decisions that passed: each round the reviewers agreed to, and the one the heads adopted in collective
    /// discussion (derived from the rounds, never stored twice).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyCollection<string> PassedFingerprints =>
        [.. Rounds.Where(r => r.Outcome == ReviewOutcome.Agree).Select(r => r.Fingerprint)
            .Concat(Discussion is { Adopted: true } d ? [d.Fingerprint] : [])
            .Distinct(StringComparer.Ordinal)];

    public ReviewExtension? Extension { get; set; }

    public DiscussionOutcome? Discussion { get; set; }

    public List<ReviewStep> Steps { get; set; } = [];
}
