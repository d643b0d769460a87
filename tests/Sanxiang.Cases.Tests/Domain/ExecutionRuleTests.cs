using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Domain;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Tests.Domain;

/// <summary>The rules of evidence, preservation, deferral and enforcement: each broken (refusal names it) and kept.</summary>
public sealed class ExecutionRuleTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static void Refused(Action act, string ruleId) =>
        Should.Throw<DomainRuleException>(act).Errors.Select(e => e.RuleId).ShouldContain(ruleId);

    [Fact]
    public void Evidence_OfAKindTheLawDoesNotName_BreaksAPL46()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Filed();
        Refused(() => c.RecordEvidence("传闻", "听说", Monday, true, null, [CaseBuilder.Wang, CaseBuilder.Li], b.Officer()), "APL-46");
        c.RecordEvidence("电子数据", "销售记录导出", Monday, true, null, [CaseBuilder.Wang, CaseBuilder.Li], b.Officer());
        c.Details.Evidence.Count.ShouldBe(2);
    }

    [Fact]
    public void FilingApproval_ByAnOfficer_BreaksAPL54()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Clue();
        c.RequestFiling([CaseBuilder.Wang, CaseBuilder.Li], b.Officer());
        Refused(() => c.ApproveFiling("X", b.Officer()), "APL-54");
        c.ApproveFiling("安市监立〔2026〕9号", b.Head);
        c.Stage.ShouldBe(CaseStage.Investigation);
    }

    [Fact]
    public void EvidencePreservation_WithoutHeadApproval_OrExtended_BreaksAPL56_AndIsDueInSevenWorkingDays()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Filed();
        var steps = new MeasureSteps(true, true, true, true, true, false, null);
        Refused(() => c.TakeMeasure(MeasureKind.EvidencePreservation, "样品2件", Monday, false, true, steps, [CaseBuilder.Wang, CaseBuilder.Li], b.Officer()), "APL-56");
        var no = c.TakeMeasure(MeasureKind.EvidencePreservation, "样品2件", Monday, true, false, steps, [CaseBuilder.Wang, CaseBuilder.Li], b.Officer());
        c.Details.Measures[0].EndsOn.ShouldBe(new DateOnly(2026, 3, 11));
        Refused(() => c.ExtendMeasure(no, 5, "再查", b.Head), "APL-56");
    }

    [Fact]
    public void EndingAMeasureTwice_BreaksACL28()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Filed();
        var no = c.TakeMeasure(MeasureKind.Seizure, "过期食品20袋", Monday, true, false, new MeasureSteps(true, true, true, true, true, false, null), [CaseBuilder.Wang, CaseBuilder.Li], b.Recorded(RecordingSteps.SealUpSeizure));
        c.EndMeasure(no, "解除扣押，返还财物", b.Officer());
        Refused(() => c.EndMeasure(no, "再次解除", b.Officer()), "ACL-28");
    }

    [Fact]
    public void Deferral_ByAnOfficer_OrAfterTheDueDate_BreaksAPL66_AndMovesTheSurcharge()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b, 1_000);
        Refused(() => c.ApproveDeferral(Monday.AddDays(60), "经济困难", b.Officer()), "APL-66");
        c.ApproveDeferral(Monday.AddDays(60), "经营困难，提交了证明材料", b.Head);
        c.SurchargeFen(Monday.AddDays(40), b.Rules).ShouldBe(0);
        var late = Served(b, 1_000);
        b.Today = late.PaymentDueOn!.Value.AddDays(1);
        Refused(() => late.ApproveDeferral(b.Today.AddDays(30), "经济困难", b.Head), "APL-66");
    }

    [Fact]
    public void CourtEnforcement_WithoutDemand_OrBeforeTenWorkingDays_BreaksACL35AndACL54()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b, 1_000);
        var due = c.PaymentDueOn!.Value;
        Refused(() => c.ServeDemand(due, b.Officer()), "ACL-35");
        b.Today = due.AddDays(2);
        Refused(() => c.ApplyToCourt(b.Today, b.Head), "ACL-54");
        c.ServeDemand(b.Today, b.Officer());
        b.Today = b.Today.AddDays(7);
        Refused(() => c.ApplyToCourt(b.Today, b.Head), "ACL-54");
        b.Today = b.Calendar.AddWorkingDays(due.AddDays(2), 10);
        c.ApplyToCourt(b.Today, b.Head);
        c.RecordCourtOutcome(100_000, b.Today, "执行到位", b.Officer());
        c.RequestClosing("经法院强制执行", b.Officer());
    }

    private static CaseFile Served(CaseBuilder b, long yuan) => b.Served(yuan);
}
