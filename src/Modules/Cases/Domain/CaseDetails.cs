using Sanxiang.Cases.Contracts;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Domain;

/// <summary>The power the case enforces, as it stood when the case was opened (the Registry may change later).</summary>
internal sealed record PowerSnapshot(
    Guid Id,
    string Code,
    string Name,
    PowerCategory Category,
    string Area,
    string LegalBasisLaw,
    string LegalBasisArticle,
    int Version,
    IReadOnlyList<BenchmarkRange> Benchmark)
{
    public static PowerSnapshot Of(PowerFacts p) =>
        new(p.Id, p.Code, p.Name, p.Category, p.Area, p.LegalBasisLaw, p.LegalBasisArticle, p.Version, p.Benchmark);

    public string LegalBasis => $"{LegalBasisLaw}{LegalBasisArticle}";
}

internal sealed record TeamMember(Guid OfficerId, string Name, string CertificateNumber);

internal sealed record Recusal(Guid OfficerId, string Reason, DateOnly RequestedOn, bool? Granted, DateOnly? DecidedOn);

internal sealed record EvidenceItem(int No, string Kind, string Description, DateOnly CollectedOn, bool LawfullyObtained, string? FileSha256);

internal sealed record Measure(
    int No,
    MeasureKind Kind,
    string Items,
    DateOnly StartedOn,
    DateOnly EndsOn,
    bool Emergency,
    DateTimeOffset TakenAt,
    DateTimeOffset? ApprovedAt,
    int Extensions,
    DateOnly? EndedOn,
    string? Outcome);

internal sealed record Notice(
    int No,
    Penalty Penalty,
    string Facts,
    string Reasons,
    string LegalBasis,
    DateOnly ServedOn,
    bool HearingRight,
    DateOnly StatementDeadline,
    DateOnly HearingRequestDeadline,
    string? RenoticeReason);

internal sealed record StatementRecord(DateOnly On, bool Waived, string Text, int NoticeNo);

internal sealed record HearingRecord(
    DateOnly RequestedOn,
    DateOnly? NoticeServedOn,
    DateOnly? HearingOn,
    Guid? PresidingOfficerId,
    string? PresidingOfficerName,
    bool? Held,
    bool? PartyAttended,
    string? TranscriptSummary);

internal sealed record DiscussionRecord(string Fingerprint, DateOnly On, string Participants, string Conclusion);

internal sealed record DeadlineExtension(int Days, string Reason, DateOnly ApprovedOn, string ApprovedBy);

internal sealed record DecisionRecord(
    DecisionOutcome Outcome,
    Penalty? Penalty,
    NoPenaltyGround? Ground,
    string Facts,
    string Reasons,
    string LegalBasis,
    DateOnly DecidedOn,
    DateOnly ServiceDeadline,
    string Fingerprint);

internal sealed record ServiceRecord(ServiceMethod Method, DateOnly ServedOn, string Recipient, string? LateReason, bool ElectronicConsent);

internal sealed record PaymentLine(string Source, string Reference, long AmountFen, DateOnly PaidOn);

/// <summary>One instalment of an approved schedule (APL-66): its number, due date and amount.</summary>
internal sealed record Instalment(int No, DateOnly DueOn, long AmountFen);

internal sealed record RemedyRecord(RemedyKind Kind, DateOnly StartedOn, DateOnly? EndedOn, string? Outcome, RemedyResult? Result = null);

/// <summary>PUB-RED-1: the head's finding that the decision must never be published (state or trade secrets, privacy, security).</summary>
internal sealed record PublicationExemption(string Reason, DateOnly On, string By);

internal sealed class PaymentState
{
    public string Reference { get; set; } = string.Empty;

    public DateOnly DueOn { get; set; }

    public DateOnly? DeferredTo { get; set; }

    public string? DeferralReason { get; set; }

    /// <summary>APL-66: the approved instalment schedule (empty when the fine is paid at once or deferred).</summary>
    public List<Instalment> Instalments { get; set; } = [];

    public string? InstalmentReason { get; set; }

    /// <summary>What was already paid when the schedule was approved: the schedule covers the rest of the fine.</summary>
    public long PaidBeforeInstalmentsFen { get; set; }

    public List<PaymentLine> Lines { get; set; } = [];

    public DateOnly? DemandServedOn { get; set; }

    public DateOnly? CourtAppliedOn { get; set; }

    public DateOnly? CourtConcludedOn { get; set; }

    public DateOnly? SettledOn { get; set; }
}

internal sealed record CaseStep(DateTimeOffset At, string Actor, string Action, string Detail, string? RuleId);

/// <summary>Everything a case accumulates; stored as one JSON document with the case row.</summary>
internal sealed class CaseDetails
{
    public PowerSnapshot Power { get; set; } = null!;

    public Party Party { get; set; } = null!;

    public string Summary { get; set; } = string.Empty;

    public DateOnly ActOn { get; set; }

    public DateOnly? ActEndedOn { get; set; }

    public DateOnly DiscoveredOn { get; set; }

    public bool HarmsSafety { get; set; }

    public bool MajorPublicInterest { get; set; }

    public bool SeveralLegalRelations { get; set; }

    public List<TeamMember> Team { get; set; } = [];

    public List<Recusal> Recusals { get; set; } = [];

    public List<EvidenceItem> Evidence { get; set; } = [];

    public List<Measure> Measures { get; set; } = [];

    public List<Notice> Notices { get; set; } = [];

    public StatementRecord? Statement { get; set; }

    public HearingRecord? Hearing { get; set; }

    public DiscussionRecord? Discussion { get; set; }

    public List<DeadlineExtension> Extensions { get; set; } = [];

    public DecisionRecord? Decision { get; set; }

    public ServiceRecord? Service { get; set; }

    public PaymentState? Payment { get; set; }

    public List<RemedyRecord> Remedies { get; set; } = [];

    public string? ClosingSummary { get; set; }

    /// <summary>PUB-RED-1: set when the decision must not be published (secrets, privacy, security).</summary>
    public PublicationExemption? PublicationExemption { get; set; }

    /// <summary>GB118-REC-2/3: the head's written exceptions to the recording-required list, per step code.</summary>
    public List<RecordingException> RecordingExceptions { get; set; } = [];

    public List<CaseStep> Steps { get; set; } = [];
}
