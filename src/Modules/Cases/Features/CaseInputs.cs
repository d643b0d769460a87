using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Features;

internal sealed record PartyInput(PartyKind Kind, string? Name, string? IdNumber, string? CreditCode, string? LegalRepresentative, string? Address, string? Phone)
{
    public Party ToParty() => Party.Create(Kind, Name, IdNumber, CreditCode, LegalRepresentative, Address, Phone);
}

/// <summary>A penalty in the API: money in fen (分).</summary>
internal sealed record PenaltyInput(IReadOnlyList<PenaltyKind>? Kinds, long FineFen, long ConfiscationFen, CircumstanceLevel Level, string? OutsideBenchmarkReason)
{
    public Penalty ToPenalty() => Penalty.Create(Kinds, FineFen, ConfiscationFen, Level, OutsideBenchmarkReason);
}

internal sealed record OpenClueInput(Guid PowerId, PartyInput Party, string? Summary, DateOnly ActOn, DateOnly? ActEndedOn, DateOnly DiscoveredOn, bool HarmsSafety, IReadOnlyList<Guid>? OfficerIds);

internal sealed record SummaryInput(Guid PowerId, PartyInput Party, string? Summary, DateOnly ActOn, PenaltyInput Penalty, bool CertificatesShown, bool RightsTold, bool PartySigned, bool PartyRefusedToSign, IReadOnlyList<Guid>? OfficerIds);

internal sealed record TeamInput(IReadOnlyList<Guid>? OfficerIds);

internal sealed record ReasonInput(string? Reason);

/// <summary>A written exception to the recording-required list: the step code (<see cref="RecordingSteps"/>) and the reason.</summary>
internal sealed record RecordingExceptionInput(string? StepCode, string? Reason);

internal sealed record EvidenceInput(string? Kind, string? Description, DateOnly CollectedOn, bool LawfullyObtained, string? FileSha256);

internal sealed record RecusalInput(Guid OfficerId, string? Reason);

internal sealed record RecusalDecisionInput(Guid OfficerId, bool Granted);

internal sealed record MeasureInput(MeasureKind Kind, string? Items, DateOnly StartedOn, bool HeadApproved, bool Emergency, bool CertificatesShown, bool PartyNotified, bool ReasonsAndRightsTold, bool PartyHeard, bool RecordSigned, bool PartyRefusedToSign, string? Witness);

internal sealed record ExtendInput(int Days, string? Reason);

internal sealed record OutcomeTextInput(string? Outcome);

internal sealed record NoticeInput(PenaltyInput Penalty, string? Facts, string? Reasons, DateOnly ServedOn, string? RenoticeReason);

internal sealed record StatementInput(string? Text, bool Waived, DateOnly On);

internal sealed record DateInput(DateOnly On);

internal sealed record HearingScheduleInput(DateOnly NoticeServedOn, DateOnly HearingOn, Guid PresidingOfficerId);

internal sealed record HearingRecordInput(bool PartyAttended, string? TranscriptSummary);

internal sealed record ProposalInput(DecisionOutcome Outcome, PenaltyInput? Penalty);


internal sealed record DiscussionInput(DecisionOutcome Outcome, PenaltyInput? Penalty, string? Participants, string? Conclusion);

internal sealed record DecisionInput(DecisionOutcome Outcome, PenaltyInput? Penalty, NoPenaltyGround? Ground, string? Facts, string? Reasons);

internal sealed record ServiceInput(ServiceMethod Method, DateOnly ServedOn, string? Recipient, bool ElectronicConsent, string? LateReason);

internal sealed record CollectInput(string? ReceiptNumber, string? HardToCollectReason);

internal sealed record DeferralInput(DateOnly DeferredTo, string? Reason);

/// <summary>One instalment in the API: due date and amount in fen (分).</summary>
internal sealed record InstalmentLineInput(DateOnly DueOn, long AmountFen);

/// <summary>APL-66: the instalment schedule the party applied for, in order, and the reason.</summary>
internal sealed record InstalmentsInput(IReadOnlyList<InstalmentLineInput>? Instalments, string? Reason)
{
    public IReadOnlyList<(DateOnly DueOn, long AmountFen)> Schedule() => [.. (Instalments ?? []).Select(x => (x.DueOn, x.AmountFen))];
}

internal sealed record RemedyInput(RemedyKind Kind, DateOnly StartedOn, DateOnly? EndedOn, string? Outcome, RemedyResult? Result = null);

internal sealed record CourtOutcomeInput(long RecoveredFen, DateOnly On, string? Outcome);

internal sealed record ClosingInput(string? Summary);

internal sealed record FlagsInput(bool MajorPublicInterest, bool SeveralLegalRelations);
