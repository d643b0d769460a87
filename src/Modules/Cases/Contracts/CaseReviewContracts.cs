using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Contracts;

/// <summary>A penalty as proposed for legal review or decided (amounts in fen).</summary>
public sealed record ProposedPenalty(IReadOnlyList<PenaltyKind> Kinds, long FineFen, long ConfiscationFen, CircumstanceLevel Level, string? OutsideBenchmarkReason);

/// <summary>The decision the case team proposes (拟作出的决定): what legal review examines and the gate compares (APL-58).</summary>
public sealed record ProposedDecision(DecisionOutcome Outcome, ProposedPenalty? Penalty, NoPenaltyGround? Ground, string Facts, string Reasons);

/// <summary>What the case file already holds of the review materials (GB118-REV-2), read from the case itself.</summary>
public sealed record CaseReviewMaterials(int EvidenceCount, bool NoticeServed, bool StatementOrWaiverRecorded, bool StatementPeriodPassed, bool HearingRequested, bool HearingHeld);

/// <summary>
/// A case as the Reviews module sees it for one proposed decision: no personal data beyond the party's kind, the
/// team's officer IDs (a reviewer may not be one of them), the decision's fingerprint (the gate compares it), the
/// agency's catalog rules it matches and the materials the case file holds.
/// </summary>
public sealed record CaseForReview(
    Guid CaseId,
    Guid AgencyId,
    string CaseNumber,
    string PowerName,
    CaseStage Stage,
    bool DecisionPossible,
    IReadOnlyList<Guid> TeamOfficerIds,
    string Fingerprint,
    string DecisionSummary,
    long FineAndConfiscationFen,
    IReadOnlyList<CatalogMatch> CatalogMatches,
    CaseReviewMaterials Materials);

/// <summary>The Cases module's answers to the Reviews module (implemented by Cases).</summary>
public interface ICaseReviewFacts
{
    /// <summary>
    /// The case and the proposed decision as review needs them. Throws NotFoundException when the case is outside the
    /// scope, and a DomainRuleException (422) when the proposal itself is invalid (e.g. no penalty kind).
    /// </summary>
    Task<CaseForReview> ForReviewAsync(AccessScope scope, Guid caseId, ProposedDecision decision, CancellationToken ct = default);

    /// <summary>
    /// Whether the caller may see the case's personal data in full (the case team, the agency's heads and reviewers,
    /// supervisors: SEC-PI-1, ADR 0012); review texts quote the case, so the review pages follow the same rule.
    /// </summary>
    Task<bool> MaySeePersonalDataAsync(AccessScope scope, Guid caseId, CancellationToken ct = default);

    /// <summary>The decision the case's last prior notice announced (to prefill a submission); null when none. 404 outside the scope.</summary>
    Task<(string CaseNumber, ProposedDecision? Noticed)> NoticedDecisionAsync(AccessScope scope, Guid caseId, CancellationToken ct = default);
}

/// <summary>Legal reviews that passed, per case (implemented by the Reviews module; the decision gate asks it, APL-58).</summary>
public interface IReviewGate
{
    /// <summary>Fingerprints of the proposed decisions of this case whose legal review passed.</summary>
    Task<IReadOnlyCollection<string>> PassedFingerprintsAsync(Guid caseId, CancellationToken ct = default);
}
