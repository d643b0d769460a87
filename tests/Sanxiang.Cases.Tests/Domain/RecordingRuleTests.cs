using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Domain;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Tests.Domain;

/// <summary>
/// GB118-REC-2/3 in the case engine: a step on the agency's recording-required list completes only with linked
/// audio-video records or the head's written exception for that case and step; a refusal names the rule and changes nothing.
/// </summary>
public sealed class RecordingRuleTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly MeasureSteps Steps = new(true, true, true, true, true, false, null);
    private static readonly OfficerFacts[] Team = [CaseBuilder.Wang, CaseBuilder.Li];

    private static DomainRuleException Refused(Action act, string ruleId)
    {
        var e = Should.Throw<DomainRuleException>(act);
        e.Errors.Select(x => x.RuleId).ShouldContain(ruleId, e.Message);
        return e;
    }

    private static CaseContext WithList(CaseContext ctx, IReadOnlyList<string> steps, params string[] inspectionPowers) =>
        ctx with { RecordingList = new RecordingListFacts(CaseBuilder.Agency, 1, steps, inspectionPowers) };

    [Fact]
    public void GB118_REC_2_Seizure_WithoutLinkedRecording_IsRefused_AndChangesNothing()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Filed();
        var version = c.Version;
        var e = Refused(() => c.TakeMeasure(MeasureKind.Seizure, "过期食品20袋", Monday, true, false, Steps, Team, b.Officer()), "GB118-REC-2");
        e.Message.ShouldBe("查封、扣押须有同步音像记录（GB118-REC-2）：请先上传并关联执法记录仪视频，或经行政机关负责人书面批准例外");
        Refused(() => c.TakeMeasure(MeasureKind.SealUp, "仓库一间", Monday, true, false, Steps, Team, b.Officer()), "GB118-REC-2");
        (c.Version, c.Details.Measures.Count).ShouldBe((version, 0));
    }

    [Fact]
    public void GB118_REC_2_Seizure_WithALinkedRecording_Passes()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Filed();
        c.TakeMeasure(MeasureKind.Seizure, "过期食品20袋", Monday, true, false, Steps, Team, b.Recorded(RecordingSteps.SealUpSeizure));
        c.Details.Measures.ShouldHaveSingleItem();
        Refused(() => c.TakeMeasure(MeasureKind.SealUp, "仓库一间", Monday, true, false, Steps, Team, b.Recorded(RecordingSteps.Hearing)), "GB118-REC-2");
    }

    [Fact]
    public void GB118_REC_2_HeadsWrittenException_LetsTheSeizurePass_AndIsInTheTimeline()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Filed();
        c.ApproveRecordingException(RecordingSteps.SealUpSeizure, "执法记录仪故障送修，现场以照片记录", b.Head);
        c.TakeMeasure(MeasureKind.Seizure, "过期食品20袋", Monday, true, false, Steps, Team, b.Officer());
        c.Details.Measures.ShouldHaveSingleItem();
        c.Details.RecordingExceptions.ShouldHaveSingleItem().ShouldBe(new RecordingException(RecordingSteps.SealUpSeizure, "执法记录仪故障送修，现场以照片记录", "head", b.Head.Now));
        c.Details.Steps.ShouldContain(s => s.Action == "批准音像记录例外" && s.RuleId == "GB118-REC-2");
        c.DomainEvents.Select(e => e.EventType).ShouldContain("cases.case.recording-exception-approved");
        Refused(() => c.ApproveRecordingException(RecordingSteps.SealUpSeizure, "再次申请例外的理由说明", b.Head), "GB118-REC-2");
    }

    [Fact]
    public void GB118_REC_2_AnOfficer_CannotApproveAnException_NorAHeadWithoutAReason()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Filed();
        Refused(() => c.ApproveRecordingException(RecordingSteps.SealUpSeizure, "执法记录仪故障送修，现场以照片记录", b.Officer()), "GB118-REC-2").Errors[0].Field.ShouldBe("Approver");
        Refused(() => c.ApproveRecordingException(RecordingSteps.SealUpSeizure, "设备故障", b.Head), "GB118-REC-2").Errors[0].Field.ShouldBe("Reason");
        Refused(() => c.ApproveRecordingException("no-such-step", "执法记录仪故障送修，现场以照片记录", b.Head), "GB118-REC-3");
        c.Details.RecordingExceptions.ShouldBeEmpty();
    }

    [Fact]
    public void GB118_REC_3_Hearing_WithoutRecording_IsRefused_WithOneItPasses()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Notified(CaseBuilder.Fine(60_000));
        c.RequestHearing(Monday, b.Officer());
        c.ScheduleHearing(Monday, Monday.AddDays(9), CaseBuilder.Zhang, b.Officer());
        b.Today = Monday.AddDays(9);
        Refused(() => c.RecordHearing(true, "当事人承认违法事实", b.Officer()), "GB118-REC-3").Message.ShouldStartWith("听证须有同步音像记录（GB118-REC-3）");
        c.Details.Hearing!.Held.ShouldBeNull();
        c.RecordHearing(true, "当事人承认违法事实", b.Recorded(RecordingSteps.Hearing));
        c.Details.Hearing!.Held.ShouldBe(true);
    }

    [Fact]
    public void GB118_REC_3_ThePartysAbsenceFromAHearing_NeedsNoRecording()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Notified(CaseBuilder.Fine(60_000));
        c.RequestHearing(Monday, b.Officer());
        c.ScheduleHearing(Monday, Monday.AddDays(9), CaseBuilder.Zhang, b.Officer());
        b.Today = Monday.AddDays(9);
        c.RecordHearing(false, string.Empty, b.Officer());
        c.Details.Hearing!.PartyAttended.ShouldBe(false);
    }

    [Fact]
    public void GB118_REC_3_ServiceByLeaving_OrByNotice_WithoutRecording_IsRefused_DirectServiceIsNot()
    {
        var b = new CaseBuilder(Monday);
        var c = Decided(b);
        Refused(() => c.Serve(ServiceMethod.LeftAtResidence, Monday, "赵某", false, null, "P1", b.Officer()), "GB118-REC-3").Message.ShouldStartWith("留置送达须有同步音像记录");
        Refused(() => c.Serve(ServiceMethod.PublicNotice, Monday, "赵某", false, null, "P1", b.Officer()), "GB118-REC-3").Message.ShouldStartWith("公告送达须有同步音像记录");
        c.Stage.ShouldBe(CaseStage.Decided);
        c.Serve(ServiceMethod.Direct, Monday, "赵某", false, null, "P1", b.Officer());
        c.Stage.ShouldBe(CaseStage.Served);
    }

    [Fact]
    public void GB118_REC_3_ServiceByLeaving_WithTheHeadsException_Passes()
    {
        var b = new CaseBuilder(Monday);
        var c = Decided(b);
        c.ApproveRecordingException(RecordingSteps.ServiceByLeaving, "受送达人住所无法架设记录设备，由两名见证人签名", b.Head);
        c.Serve(ServiceMethod.LeftAtResidence, Monday, "赵某", false, null, "P1", b.Officer());
        c.Stage.ShouldBe(CaseStage.Served);
    }

    [Fact]
    public void GB118_REC_3_AListEditedToDropServiceByLeaving_LetsItPass()
    {
        var b = new CaseBuilder(Monday);
        var c = Decided(b);
        var list = RecordingListFacts.DefaultSteps.Where(s => s != RecordingSteps.ServiceByLeaving).ToList();
        c.Serve(ServiceMethod.LeftAtResidence, Monday, "赵某", false, null, "P1", WithList(b.Officer(), list));
        c.Stage.ShouldBe(CaseStage.Served);
    }

    [Fact]
    public void GB118_REC_3_OnSiteInspection_OfAListedPower_NeedsRecording_OfAnUnlistedPowerDoesNot()
    {
        var b = new CaseBuilder(Monday);
        var listed = b.Filed(); // the food power, SJ-CF-001
        var unlisted = b.Filed(power: CaseBuilder.PricePower);
        var ctx = WithList(b.Officer(), RecordingListFacts.DefaultSteps, CaseBuilder.FoodPower.Code);
        Refused(() => listed.RecordEvidence(CaseFile.OnSiteRecordKind, "现场检查笔录", Monday, true, null, Team, ctx), "GB118-REC-3").Message.ShouldStartWith("现场检查须有同步音像记录");
        listed.RecordEvidence("书证", "进货单", Monday, true, null, Team, ctx);
        unlisted.RecordEvidence(CaseFile.OnSiteRecordKind, "现场检查笔录", Monday, true, null, Team, ctx);
        listed.RecordEvidence(CaseFile.OnSiteRecordKind, "现场检查笔录", Monday, true, null, Team, ctx with { LinkedRecordings = new Dictionary<string, int> { [RecordingSteps.OnSiteInspection] = 2 } });
        b.Filed().RecordEvidence(CaseFile.OnSiteRecordKind, "默认清单不含任何事项", Monday, true, null, Team, b.Officer());
    }

    [Fact]
    public void GB118_REC_3_EvidencePreservation_IsNotListedByDefault_ButAnAgencyMayListIt()
    {
        var b = new CaseBuilder(Monday);
        b.Filed().TakeMeasure(MeasureKind.EvidencePreservation, "样品2件", Monday, true, false, Steps, Team, b.Officer());
        var ctx = WithList(b.Officer(), [.. RecordingListFacts.DefaultSteps, RecordingSteps.EvidenceCollection]);
        Refused(() => b.Filed().TakeMeasure(MeasureKind.EvidencePreservation, "样品2件", Monday, true, false, Steps, Team, ctx), "GB118-REC-3");
    }

    private static CaseFile Decided(CaseBuilder b)
    {
        var c = b.Notified(CaseBuilder.Fine(500), power: CaseBuilder.PricePower);
        c.RecordStatement(string.Empty, true, Monday, b.Officer());
        c.Decide(CaseBuilder.PenaltyDraft(CaseBuilder.Fine(500)), Team, b.Officer());
        return c;
    }
}
