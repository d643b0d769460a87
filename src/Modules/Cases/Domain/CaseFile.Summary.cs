using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Domain;

/// <summary>What the officers confirm on the spot in the summary procedure (APL-52).</summary>
internal sealed record OnTheSpotRecord(bool CertificatesShown, bool RightsTold, bool PartySigned, bool PartyRefusedToSign);

internal sealed partial class CaseFile
{
    /// <summary>
    /// The summary procedure (简易程序, APL-51/52): a warning, or a fine of at most 200 yuan (natural person) /
    /// 3,000 yuan (organisation), decided on the spot by officers who showed their certificates, on a numbered
    /// form handed to the party, who signs or whose refusal is recorded. Two officers (APL-42).
    /// </summary>
    public static CaseFile DecideOnTheSpot(Guid agencyId, string formNumber, PowerFacts power, Party party, CaseFacts facts, Penalty penalty, OnTheSpotRecord spot, IReadOnlyList<OfficerFacts> team, string paymentReference, CaseContext ctx)
    {
        CheckPower(agencyId, power);
        facts.Validate(ctx.Today);
        var limit = party.Kind == PartyKind.Person ? ctx.Rules.SummaryMaxFinePersonFen : ctx.Rules.SummaryMaxFineOrganisationFen;
        new Check()
            .That(penalty.HasOnly(PenaltyKind.Warning, PenaltyKind.Fine), "Penalty.Kinds", "APL-51", "简易程序只适用于警告或者小额罚款")
            .That(penalty.FineFen <= limit, "Penalty.FineFen", "APL-51", $"简易程序的罚款不得超过{Money.Yuan(limit)}元（{CaseLabels.Of(party.Kind)}）；超过的须适用普通程序")
            .That(spot.CertificatesShown, "Spot.CertificatesShown", "APL-52", "当场作出处罚决定须向当事人出示执法证件")
            .That(spot.RightsTold, "Spot.RightsTold", "APL-44", "须告知当事人拟处罚的事实、理由、依据及陈述申辩权利")
            .That(spot.PartySigned || spot.PartyRefusedToSign, "Spot.PartySigned", "APL-52", "当事人须在决定书上签字；拒绝签字的，须在决定书上注明")
            .That(!(party.Kind == PartyKind.Person && party.AgeOn(facts.ActOn) is < 14), "Penalty", "APL-30", "当事人违法时不满十四周岁，不予行政处罚")
            .That(!CasePolicies.OutsideBenchmark(PowerSnapshot.Of(power), penalty) || penalty.OutsideBenchmarkReason is not null, "Penalty.OutsideBenchmarkReason", "APL-34", "罚款超出裁量基准幅度的，须书面说明理由")
            .ThrowIfAny();
        CheckTeam(team, agencyId, power.Area, ctx.Today, [], 2);
        var c = new CaseFile
        {
            Id = Guid.CreateVersion7(ctx.Now),
            AgencyId = agencyId,
            Number = formNumber,
            Procedure = Procedure.Summary,
            Stage = CaseProcedure.DecideOnTheSpot.Target,
            PowerId = power.Id,
            PartyName = party.Name,
            FiledOn = ctx.Today,
            Outcome = DecisionOutcome.Penalty,
            CreatedBy = ctx.Actor.UserId,
            CreatedAt = ctx.Now.ToUniversalTime(),
            _details = NewDetails(power, party, facts),
        };
        c.Details.Team = [.. team.Select(o => new TeamMember(o.Id, o.Name, o.CertificateNumber))];
        var fp = Fingerprint(DecisionOutcome.Penalty, penalty);
        c.Details.Decision = new DecisionRecord(DecisionOutcome.Penalty, penalty, null, facts.Summary.Trim(), "当场作出行政处罚决定", c.Power.LegalBasis, ctx.Today, ctx.Today, fp);
        c.Details.Service = new ServiceRecord(ServiceMethod.OnTheSpot, ctx.Today, party.Name, null, false);
        if (penalty.FineFen > 0)
        {
            c.Details.Payment = new PaymentState { Reference = paymentReference, DueOn = ctx.Calendar.AddCalendarDays(ctx.Today, ctx.Rules.PaymentDays) };
        }

        c.Step(ctx, "当场作出行政处罚决定（简易程序）", $"{penalty.Describe()}；{(spot.PartySigned ? "当事人已签字" : "当事人拒绝签字，已在决定书上注明")}", "APL-51");
        c.Commit("cases.case.decided-on-the-spot", ctx);
        return c;
    }
}
