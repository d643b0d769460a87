namespace Sanxiang.Cases.Contracts;

/// <summary>GB118-PUB-3: the category of a decision, which sets its publication period (7 or 20 working days).</summary>
public enum DecisionCategory
{
    Penalty = 1,
    Licensing = 2,
    Other = 3,
}

/// <summary>The party as the law allows it to be published (PUB-RED-2): the name, and an organisation's credit code.</summary>
public sealed record PublishableParty(PartyKind Kind, string Name, string? CreditCode);

/// <summary>What a piece of personal data is, so that its mask can be chosen (PUB-RED-2).</summary>
public enum PersonalDataKind
{
    IdNumber = 1,
    Address = 2,
    Phone = 3,
    PersonName = 4,
}

/// <summary>
/// A value the case knows to be personal data that must not appear in published text (the party's ID number,
/// address and phone, the names of natural persons other than the party). Given to the publisher in memory so that
/// it can mask exact occurrences in the free texts; it is never stored outside the Cases module.
/// </summary>
public sealed record PersonalDatum(PersonalDataKind Kind, string Value);

/// <summary>RCN-1: a reconsideration or lawsuit against the decision and, when it ended, its result.</summary>
public sealed record RemedyOutcome(RemedyKind Kind, DateOnly StartedOn, DateOnly? EndedOn, RemedyResult? Result, string? Text)
{
    /// <summary>APL-48: the decision was revoked, changed, found unlawful or found void: a published decision must be withdrawn.</summary>
    public bool Overturns => EndedOn is not null && Result is RemedyResult.Revoked or RemedyResult.Changed or RemedyResult.FoundUnlawful or RemedyResult.FoundVoid;
}

/// <summary>
/// A decided case as the publication pipeline needs it (GB118-PUB-3, PUB-RED-1..3, APL-48): no ID number, address or
/// phone in its fields (those come only in <see cref="PersonalData"/>, to be masked); the free texts (facts, reasons)
/// as the decision states them, still to be masked by the publisher.
/// </summary>
public sealed record DecidedCase(
    Guid CaseId,
    Guid AgencyId,
    string CaseNumber,
    int CaseVersion,
    DateTimeOffset UpdatedAt,
    string? DecisionNumber,
    string? DecisionSha256,
    DecisionCategory Category,
    DecisionOutcome Outcome,
    string PowerName,
    DateOnly DecidedOn,
    DateOnly? ServedOn,
    PublishableParty Party,
    bool PartyWasMinor,
    string? ExemptionReason,
    bool WarningOnly,
    string Facts,
    string Reasons,
    string LegalBasis,
    string Result,
    IReadOnlyList<PersonalDatum> PersonalData,
    IReadOnlyList<RemedyOutcome> Remedies);

/// <summary>The decided cases (general and summary procedure, penalty or no penalty), for the Disclosure module (implemented by Cases).</summary>
public interface ICaseDecisionFeed
{
    /// <summary>
    /// Decided cases changed at or after <paramref name="since"/>, oldest change first (then by ID), skipping
    /// <paramref name="skip"/> and returning at most <paramref name="take"/>. Each carries its case version, so a
    /// reader that re-reads a window sees each change at least once and can ignore what it already has.
    /// </summary>
    Task<IReadOnlyList<DecidedCase>> ChangedSinceAsync(DateTimeOffset since, int skip, int take, CancellationToken ct = default);

    /// <summary>One decided case as the feed gives it; null when the case has no decision that is published.</summary>
    Task<DecidedCase?> GetAsync(Guid caseId, CancellationToken ct = default);
}

/// <summary>How a decided case will look on the public portal (PUB-RED-2), for its case page: the masked texts; the due date only while it waits to be published.</summary>
public sealed record PublicationPreview(
    string Status,
    DateOnly? DueOn,
    string? WithheldReason,
    string PartyName,
    string Facts,
    string Reasons,
    string LegalBasis,
    string Result,
    int ManualMaskCount,
    bool CanAddMask);

/// <summary>
/// The "将公开为" preview of a decided case and the head's manual masks (declared by Cases for its case page,
/// implemented by Disclosure, which owns the masking).
/// </summary>
public interface IPublicationPreview
{
    /// <summary>The masked texts as they will be published; null before a decision that is published.</summary>
    Task<PublicationPreview?> PreviewAsync(Sanxiang.Kernel.Security.AccessScope scope, Guid caseId, CancellationToken ct = default);

    /// <summary>A head of the case's agency masks a phrase of the case's texts before publication (recorded and ledgered).</summary>
    Task AddMaskAsync(Sanxiang.Kernel.Security.AccessScope scope, Guid caseId, string text, CancellationToken ct = default);
}
