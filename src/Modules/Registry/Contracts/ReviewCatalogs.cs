using System.Globalization;

namespace Sanxiang.Registry.Contracts;

/// <summary>What a proposed decision is, as the catalog needs it (no personal data).</summary>
public enum ProposedDecisionKind { Penalty = 1, NoPenalty = 2, RevokeCase = 3, TransferCrime = 4 }

public sealed record ProposedDecisionFacts(
    ProposedDecisionKind Kind,
    bool PartyIsNaturalPerson,
    long FineAndConfiscationFen,          // fine + confiscated money/value, in fen
    bool OrdersSuspensionClosureOrRestriction, // 责令停产停业、责令关闭、限制从业
    bool RevokesLicenceOrLowersQualification,  // 吊销/撤销/不予许可、降低资质等级
    bool HearingHeld,
    bool OutsideBenchmark,
    bool MajorPublicInterest,
    bool SeveralLegalRelations);

/// <summary>One catalog rule a proposed decision matches: a stable code (e.g. "FINE-PERSON") and its Chinese reason.</summary>
public sealed record CatalogMatch(string Code, string Reason);

/// <summary>The stable codes of the catalog's rules (GB118-REV-1), in catalog order.</summary>
public static class CatalogCodes
{
    public const string FinePerson = "FINE-PERSON";
    public const string FineOrganisation = "FINE-ORGANISATION";
    public const string SuspensionClosure = "SUSPENSION-CLOSURE";
    public const string Licence = "LICENCE";
    public const string Hearing = "HEARING";
    public const string Benchmark = "BENCHMARK";
    public const string PublicInterest = "PUBLIC-INTEREST";
    public const string SeveralRelations = "SEVERAL-RELATIONS";
    public const string SuspectedCrime = "SUSPECTED-CRIME";

    public static IReadOnlyList<string> All { get; } =
        [FinePerson, FineOrganisation, SuspensionClosure, Licence, Hearing, Benchmark, PublicInterest, SeveralRelations, SuspectedCrime];
}

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
    /// <summary>DOMAIN.md §4: fines or confiscation of 10,000 yuan or more for a natural person.</summary>
    public const long DefaultPersonThresholdFen = 10_000_00;

    /// <summary>DOMAIN.md §4: fines or confiscation of 100,000 yuan or more for an organisation.</summary>
    public const long DefaultOrganisationThresholdFen = 100_000_00;

    /// <summary>DOMAIN.md §4: 7 working days from complete materials.</summary>
    public const int DefaultReviewWorkingDays = 7;

    /// <summary>DOMAIN.md §4: extendable once by 3 working days.</summary>
    public const int DefaultExtensionWorkingDays = 3;

    /// <summary>GB118-REV-1: the rules this proposed decision matches, in catalog order; empty when no review is needed.</summary>
    /// <remarks>
    /// The amount rules and BENCHMARK apply to a penalty only; SUSPECTED-CRIME to a transfer for suspected crime;
    /// SUSPENSION-CLOSURE and LICENCE to any decision that orders it; HEARING, PUBLIC-INTEREST and SEVERAL-RELATIONS
    /// to any kind. A disabled rule never matches. A catalog with a threshold ≤ 0 is invalid and throws.
    /// </remarks>
    public IReadOnlyList<CatalogMatch> Match(ProposedDecisionFacts decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (PersonThresholdFen <= 0 || OrganisationThresholdFen <= 0)
        {
            throw new InvalidOperationException("GB118-REV-1: a review catalog's amount thresholds must be positive.");
        }

        var penalty = decision.Kind == ProposedDecisionKind.Penalty;
        var matches = new List<CatalogMatch>();
        void When(bool condition, string code, string reason)
        {
            if (condition)
            {
                matches.Add(new CatalogMatch(code, reason));
            }
        }

        When(penalty && decision.PartyIsNaturalPerson && decision.FineAndConfiscationFen >= PersonThresholdFen, CatalogCodes.FinePerson, $"罚没金额达到{YuanText(PersonThresholdFen)}（自然人）");
        When(penalty && !decision.PartyIsNaturalPerson && decision.FineAndConfiscationFen >= OrganisationThresholdFen, CatalogCodes.FineOrganisation, $"罚没金额达到{YuanText(OrganisationThresholdFen)}（法人或者其他组织）");
        When(SuspensionClosureRestriction && decision.OrdersSuspensionClosureOrRestriction, CatalogCodes.SuspensionClosure, "责令停产停业、责令关闭或者限制从业");
        When(LicenceRevocation && decision.RevokesLicenceOrLowersQualification, CatalogCodes.Licence, "吊销、撤销或者不予许可证件、营业执照，或者降低资质等级");
        When(HearingHeld && decision.HearingHeld, CatalogCodes.Hearing, "经过听证");
        When(OutsideBenchmark && penalty && decision.OutsideBenchmark, CatalogCodes.Benchmark, "处罚超出裁量基准（从轻、减轻或者从重）");
        When(MajorPublicInterest && decision.MajorPublicInterest, CatalogCodes.PublicInterest, "涉及重大公共利益");
        When(SeveralLegalRelations && decision.SeveralLegalRelations, CatalogCodes.SeveralRelations, "案情疑难复杂、涉及多个法律关系");
        When(SuspectedCrime && decision.Kind == ProposedDecisionKind.TransferCrime, CatalogCodes.SuspectedCrime, "涉嫌犯罪、需移送司法机关");
        return matches;
    }

    /// <summary>DOMAIN.md §4, Version 0: every rule on, 10,000 / 100,000 yuan, 7 + 3 working days.</summary>
    public static ReviewCatalogFacts Defaults(Guid agencyId) => Domain.ReviewCatalogData.Defaults.ToFacts(agencyId, 0);

    /// <summary>An amount as written in the catalog: whole ten-thousands as "1万元", otherwise "2500元" / "0.5元".</summary>
    public static string YuanText(long fen)
    {
        var yuan = fen / 100m;
        return yuan % 10_000m == 0 && yuan != 0
            ? (yuan / 10_000m).ToString("0", CultureInfo.InvariantCulture) + "万元"
            : yuan.ToString("0.##", CultureInfo.InvariantCulture) + "元";
    }
}

public interface IReviewCatalogs
{
    /// <summary>The agency's current catalog (defaults when never edited).</summary>
    Task<ReviewCatalogFacts> ForAgencyAsync(Guid agencyId, CancellationToken ct = default);
}
