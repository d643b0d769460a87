using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Registry.Domain;

/// <summary>The figures and switches of a catalog, as an edit submits them.</summary>
internal sealed record ReviewCatalogData(
    long PersonThresholdFen,
    long OrganisationThresholdFen,
    bool SuspensionClosureRestriction,
    bool LicenceRevocation,
    bool HearingHeld,
    bool OutsideBenchmark,
    bool MajorPublicInterest,
    bool SeveralLegalRelations,
    bool SuspectedCrime,
    int ReviewWorkingDays,
    int ExtensionWorkingDays)
{
    /// <summary>DOMAIN.md §4: 10,000 / 100,000 yuan, every rule on, 7 working days extendable once by 3.</summary>
    public static ReviewCatalogData Defaults { get; } = new(
        ReviewCatalogFacts.DefaultPersonThresholdFen,
        ReviewCatalogFacts.DefaultOrganisationThresholdFen,
        SuspensionClosureRestriction: true,
        LicenceRevocation: true,
        HearingHeld: true,
        OutsideBenchmark: true,
        MajorPublicInterest: true,
        SeveralLegalRelations: true,
        SuspectedCrime: true,
        ReviewCatalogFacts.DefaultReviewWorkingDays,
        ReviewCatalogFacts.DefaultExtensionWorkingDays);

    public ReviewCatalogFacts ToFacts(Guid agencyId, int version) => new(
        agencyId, version, PersonThresholdFen, OrganisationThresholdFen, SuspensionClosureRestriction, LicenceRevocation, HearingHeld,
        OutsideBenchmark, MajorPublicInterest, SeveralLegalRelations, SuspectedCrime, ReviewWorkingDays, ExtensionWorkingDays);
}

/// <summary>
/// An agency's legal-review catalog (重大执法决定法制审核目录, GB118-REV-1): which proposed decisions are "major"
/// and need a passed legal review (APL-58), and the review period. An agency without a row uses the defaults of
/// DOMAIN.md §4; its first edit creates the row (from the defaults), and a reset keeps the row (so its version
/// keeps counting) with the default figures. Its rules:
/// GB118-REV-1 amount thresholds are positive (at most 1000亿元); the review period is 1–30 working days and the
/// one extension 0–15 working days. Every change raises one event (figures only, no personal data); an edit that
/// changes nothing raises none.
/// </summary>
internal sealed class ReviewCatalog : AggregateRoot
{
    public const long MaxThresholdFen = 100_000_000_000_00;
    public const int MinReviewDays = 1;
    public const int MaxReviewDays = 30;
    public const int MaxExtensionDays = 15;

    private ReviewCatalog()
    {
    }

    /// <summary>The agency the catalog belongs to (one catalog per agency: the key).</summary>
    public Guid AgencyId { get; private set; }

    /// <summary>The thresholds (fen), the rules switched on, and the review period (stored as plain columns).</summary>
    public ReviewCatalogData Figures { get; private set; } = ReviewCatalogData.Defaults;

    public int Version { get; private set; }

    /// <summary>The agency's catalog as it stands before its first edit: the defaults, version 0, not yet saved.</summary>
    public static ReviewCatalog StartFromDefaults(Guid agencyId) => new() { AgencyId = agencyId };

    public bool IsDefault => Figures == ReviewCatalogData.Defaults;

    /// <summary>Sets every figure and switch; refused as a whole (nothing changed) when any value breaks GB118-REV-1.</summary>
    public void Change(ReviewCatalogData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate(data).ThrowIfAny();
        Commit(data, "registry.review-catalog.changed");
    }

    /// <summary>恢复默认: the figures of DOMAIN.md §4.</summary>
    public void ResetToDefaults() => Commit(ReviewCatalogData.Defaults, "registry.review-catalog.reset");

    public ReviewCatalogFacts ToFacts() => Figures.ToFacts(AgencyId, Version);

    public static Check Validate(ReviewCatalogData d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new Check()
            .That(d.PersonThresholdFen is > 0 and <= MaxThresholdFen, nameof(d.PersonThresholdFen), "GB118-REV-1", "自然人罚没金额标准须大于0元（且不超过1000亿元）")
            .That(d.OrganisationThresholdFen is > 0 and <= MaxThresholdFen, nameof(d.OrganisationThresholdFen), "GB118-REV-1", "法人或者其他组织罚没金额标准须大于0元（且不超过1000亿元）")
            .That(d.ReviewWorkingDays is >= MinReviewDays and <= MaxReviewDays, nameof(d.ReviewWorkingDays), "GB118-REV-1", $"审核期限须在{MinReviewDays}至{MaxReviewDays}个工作日之间")
            .That(d.ExtensionWorkingDays is >= 0 and <= MaxExtensionDays, nameof(d.ExtensionWorkingDays), "GB118-REV-1", $"延长期限须在0至{MaxExtensionDays}个工作日之间");
    }

    private void Commit(ReviewCatalogData data, string eventType)
    {
        if (data == Figures)
        {
            return;
        }

        Figures = data;
        Version++;
        Raise(new ReviewCatalogChanged(eventType, AgencyId, Version, data, IsDefault));
    }
}

/// <summary>A change to an agency's catalog: the agency, the new version and every figure (no personal data).</summary>
internal sealed record ReviewCatalogChanged(string EventType, Guid AggregateId, int CatalogVersion, ReviewCatalogData Catalog, bool IsDefault) : IDomainEvent;
