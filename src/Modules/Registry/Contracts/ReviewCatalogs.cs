namespace Sanxiang.Registry.Contracts;

/// <summary>What a proposed decision is, as the catalog needs it (no personal data).</summary>
public enum ProposedDecisionKind
{
    Penalty = 1,
    NoPenalty = 2,
    RevokeCase = 3,
    TransferCrime = 4,
}

public sealed record ProposedDecisionFacts(
    ProposedDecisionKind Kind,
    bool PartyIsNaturalPerson,
    long FineAndConfiscationFen,
    bool OrdersSuspensionClosureOrRestriction,
    bool RevokesLicenceOrLowersQualification,
    bool HearingHeld,
    bool OutsideBenchmark,
    bool MajorPublicInterest,
    bool SeveralLegalRelations);

/// <summary>One catalog rule a proposed decision matches: a stable code (e.g. "FINE-PERSON") and its Chinese reason.</summary>
public sealed record CatalogMatch(string Code, string Reason);

/// <summary>An agency's current catalog (the shipped defaults until the agency edits it).</summary>
public sealed record ReviewCatalogFacts(
    Guid AgencyId,
    int Version,
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
    /// <summary>GB118-REV-1: the rules this proposed decision matches, in catalog order; empty when no review is needed.</summary>
    public IReadOnlyList<CatalogMatch> Match(ProposedDecisionFacts decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var matches = new List<CatalogMatch>();
        var penalty = decision.Kind == ProposedDecisionKind.Penalty;
        if (penalty && decision.PartyIsNaturalPerson && decision.FineAndConfiscationFen >= PersonThresholdFen)
        {
            matches.Add(new("FINE-PERSON", $"罚没金额达到{Yuan(PersonThresholdFen)}元（自然人）"));
        }

        if (penalty && !decision.PartyIsNaturalPerson && decision.FineAndConfiscationFen >= OrganisationThresholdFen)
        {
            matches.Add(new("FINE-ORGANISATION", $"罚没金额达到{Yuan(OrganisationThresholdFen)}元（法人或其他组织）"));
        }

        if (penalty && SuspensionClosureRestriction && decision.OrdersSuspensionClosureOrRestriction)
        {
            matches.Add(new("SUSPENSION-CLOSURE", "责令停产停业、责令关闭或者限制从业"));
        }

        if (penalty && LicenceRevocation && decision.RevokesLicenceOrLowersQualification)
        {
            matches.Add(new("LICENCE", "吊销许可证件、降低资质等级"));
        }

        if (HearingHeld && decision.HearingHeld)
        {
            matches.Add(new("HEARING", "经过听证"));
        }

        if (penalty && OutsideBenchmark && decision.OutsideBenchmark)
        {
            matches.Add(new("BENCHMARK", "处罚超出裁量基准幅度（从轻、减轻或从重）"));
        }

        if (MajorPublicInterest && decision.MajorPublicInterest)
        {
            matches.Add(new("PUBLIC-INTEREST", "涉及重大公共利益"));
        }

        if (SeveralLegalRelations && decision.SeveralLegalRelations)
        {
            matches.Add(new("SEVERAL-RELATIONS", "案情疑难复杂、涉及多个法律关系"));
        }

        if (SuspectedCrime && decision.Kind == ProposedDecisionKind.TransferCrime)
        {
            matches.Add(new("SUSPECTED-CRIME", "涉嫌犯罪移送司法机关"));
        }

        return matches;
    }

    /// <summary>DOMAIN.md §4's default catalog (GB118-REV-1): 10,000 / 100,000 yuan, every rule on, 7 + 3 working days.</summary>
    public static ReviewCatalogFacts Defaults(Guid agencyId) =>
        new(agencyId, 0, 10_000_00, 100_000_00, true, true, true, true, true, true, true, 7, 3);

    private static string Yuan(long fen) =>
        fen % 1_000_000 == 0 ? $"{fen / 1_000_000}万" : (fen / 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}

public interface IReviewCatalogs
{
    /// <summary>The agency's current catalog (defaults when never edited).</summary>
    Task<ReviewCatalogFacts> ForAgencyAsync(Guid agencyId, CancellationToken ct = default);
}
