using Sanxiang.Cases.Contracts;

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
    /// APL-58 and the default ReviewCatalog (GB118-REV-1, DOMAIN.md §4): why this proposed decision must pass
    /// legal review; empty when it need not.
    /// </summary>
    public static IReadOnlyList<string> ReviewReasons(CaseDetails d, DecisionOutcome outcome, Penalty? p, CaseRuleOptions r)
    {
        var reasons = new List<string>();
        if (outcome == DecisionOutcome.TransferCrime)
        {
            reasons.Add("涉嫌犯罪移送司法机关");
        }

        if (p is not null && outcome == DecisionOutcome.Penalty)
        {
            var threshold = d.Party.Kind == PartyKind.Person ? r.ReviewThresholdPersonFen : r.ReviewThresholdOrganisationFen;
            if (p.AmountFen >= threshold)
            {
                reasons.Add($"罚没金额达到{Money.Yuan(threshold)}元（{CaseLabels.Of(d.Party.Kind)}）");
            }

            foreach (var k in p.Kinds.Where(HeavyKinds.Contains))
            {
                reasons.Add(CaseLabels.Of(k));
            }

            if (OutsideBenchmark(d.Power, p))
            {
                reasons.Add("罚款超出裁量基准幅度（从轻、减轻或从重）");
            }
        }

        if (d.Hearing?.Held == true)
        {
            reasons.Add("经过听证");
        }

        if (d.MajorPublicInterest)
        {
            reasons.Add("涉及重大公共利益");
        }

        if (d.SeveralLegalRelations)
        {
            reasons.Add("案情疑难复杂、涉及多个法律关系");
        }

        return reasons;
    }
}
