using Sanxiang.Cases.Contracts;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Domain;

/// <summary>The law's classifications of a penalty, used by several transitions.</summary>
internal static class CasePolicies
{
    private static readonly PenaltyKind[] HeavyKinds =
        [PenaltyKind.QualificationLowering, PenaltyKind.LicenceRevocation, PenaltyKind.SuspendProduction, PenaltyKind.Closure, PenaltyKind.BusinessRestriction];

    /// <summary>APL-63: hearing right for large fines or confiscations and for the heavy kinds.</summary>
    public static bool HasHearingRight(Penalty p, PartyKind party, CaseRuleOptions r) =>
        p.AmountFen >= (party == PartyKind.Person ? r.HearingThresholdPersonFen : r.HearingThresholdOrganisationFen)
        || p.Kinds.Any(HeavyKinds.Contains);

    /// <summary>The discretion benchmark's range for the chosen level, when the power has one.</summary>
    public static (long Min, long Max)? BenchmarkRange(PowerSnapshot power, Penalty p)
    {
        var level = power.Benchmark.FirstOrDefault(b => b.Level == p.Level);
        return level is null ? null : (level.MinFineFen, level.MaxFineFen);
    }

    /// <summary>A fine outside the benchmark's range for the chosen level (mitigated or aggravated).</summary>
    public static bool OutsideBenchmark(PowerSnapshot power, Penalty p) =>
        p.Kinds.Contains(PenaltyKind.Fine) && BenchmarkRange(power, p) is { } range && (p.FineFen < range.Min || p.FineFen > range.Max);

    /// <summary>
    /// APL-58 and the agency's ReviewCatalog (GB118-REV-1, defaults in DOMAIN.md §4): the catalog rules this proposed
    /// decision matches; empty when it needs no legal review.
    /// </summary>
    public static IReadOnlyList<CatalogMatch> ReviewMatches(CaseDetails d, DecisionOutcome outcome, Penalty? p, ReviewCatalogFacts catalog)
    {
        var penalty = outcome == DecisionOutcome.Penalty ? p : null;
        var facts = new ProposedDecisionFacts(
            outcome switch
            {
                DecisionOutcome.Penalty => ProposedDecisionKind.Penalty,
                DecisionOutcome.NoPenalty => ProposedDecisionKind.NoPenalty,
                DecisionOutcome.RevokeCase => ProposedDecisionKind.RevokeCase,
                _ => ProposedDecisionKind.TransferCrime,
            },
            d.Party.Kind == PartyKind.Person,
            penalty?.AmountFen ?? 0,
            penalty?.Kinds.Any(SuspensionKinds.Contains) == true,
            penalty?.Kinds.Any(LicenceKinds.Contains) == true,
            d.Hearing?.Held == true,
            penalty is not null && OutsideBenchmark(d.Power, penalty),
            d.MajorPublicInterest,
            d.SeveralLegalRelations);
        return catalog.Match(facts);
    }

    private static readonly PenaltyKind[] SuspensionKinds = [PenaltyKind.SuspendProduction, PenaltyKind.Closure, PenaltyKind.BusinessRestriction];

    private static readonly PenaltyKind[] LicenceKinds = [PenaltyKind.LicenceRevocation, PenaltyKind.QualificationLowering];
}
