using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Domain;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Tests.Domain;

/// <summary>Each rule of the case engine: one test that breaks it (the refusal names the rule) and one that keeps it.</summary>
public sealed class CaseRuleTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static DomainRuleException Refused(Action act, string ruleId)
    {
        var e = Should.Throw<DomainRuleException>(act);
        e.Errors.Select(x => x.RuleId).ShouldContain(ruleId, e.Message);
        return e;
    }

    [Fact]
    public void AssignTeam_WithAuxiliaryStaffAsSecondOfficer_BreaksAPL42()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Clue();
        var aux = CaseBuilder.Officer("辅助人员甲", "FZ001", auxiliary: true);
        Refused(() => c.AssignTeam([CaseBuilder.Wang, aux], b.Officer()), "APL-42").Message.ShouldContain("辅助人员");
    }

    [Fact]
    public void AssignTeam_WithExpiredOrSuspendedCertificateOrWrongArea_BreaksAPL42()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Clue();
        Refused(() => c.AssignTeam([CaseBuilder.Wang, CaseBuilder.Officer("过期", "X1", expires: Monday.AddDays(-1))], b.Officer()), "APL-42").Message.ShouldContain("已过期");
        Refused(() => c.AssignTeam([CaseBuilder.Wang, CaseBuilder.Officer("暂扣", "X2", status: CertificateStatus.Suspended)], b.Officer()), "APL-42");
        Refused(() => c.AssignTeam([CaseBuilder.Wang, CaseBuilder.Officer("价格", "X3", areas: "价格监督")], b.Officer()), "APL-42").Message.ShouldContain("执法领域");
        Refused(() => c.AssignTeam([CaseBuilder.Wang], b.Officer()), "APL-42");
    }

    [Fact]
    public void AssignTeam_TwoCertifiedOfficersOfTheArea_KeepsAPL42()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Clue();
        c.AssignTeam([CaseBuilder.Wang, CaseBuilder.Chen], b.Officer());
        c.Details.Team.Select(t => t.Name).ShouldBe(["王建国", "陈静"]);
    }

    [Fact]
    public void StepAfterCertificateExpired_BreaksAPL42_OnEveryStep()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Filed();
        var expiredLi = CaseBuilder.Li with { ExpiresOn = Monday.AddDays(-1) };
        Refused(() => c.RecordEvidence("书证", "进货单", Monday, true, null, [CaseBuilder.Wang, expiredLi], b.Officer()), "APL-42");
    }

    [Fact]
    public void Recusal_GrantedByHead_TakesOfficerOffAndBlocksReassignment_APL43()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Filed();
        c.RequestRecusal(CaseBuilder.Li.Id, "与当事人系亲属", b.Officer());
        Refused(() => c.DecideRecusal(CaseBuilder.Li.Id, true, b.Officer()), "APL-43");
        c.DecideRecusal(CaseBuilder.Li.Id, true, b.Head);
        c.Details.Team.Select(t => t.OfficerId).ShouldNotContain(CaseBuilder.Li.Id);
        Refused(() => c.AssignTeam([CaseBuilder.Wang, CaseBuilder.Li], b.Officer()), "APL-43");
        Refused(() => c.RecordEvidence("书证", "进货单", Monday, true, null, [CaseBuilder.Wang], b.Officer()), "APL-42");
        c.AssignTeam([CaseBuilder.Wang, CaseBuilder.Chen], b.Officer());
        c.RecordEvidence("书证", "进货单", Monday, true, null, [CaseBuilder.Wang, CaseBuilder.Chen], b.Officer());
    }

    [Fact]
    public void RequestFiling_ActDiscoveredAfterTwoYears_BreaksAPL36()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Clue(actOn: Monday.AddYears(-3));
        Refused(() => c.RequestFiling([CaseBuilder.Wang, CaseBuilder.Li], b.Officer()), "APL-36");
    }

    [Fact]
    public void RequestFiling_SafetyHarmWithinFiveYears_KeepsAPL36()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Clue(actOn: Monday.AddYears(-3), harmsSafety: true);
        c.RequestFiling([CaseBuilder.Wang, CaseBuilder.Li], b.Officer());
        c.Stage.ShouldBe(CaseStage.FilingRequested);
    }

    [Fact]
    public void ApproveFiling_ByOfficer_IsRefused_ByHead_StartsTheNinetyDayDeadline_APL60()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Clue();
        c.RequestFiling([CaseBuilder.Wang, CaseBuilder.Li], b.Officer());
        Refused(() => c.ApproveFiling("X", b.Officer()), "APL-54");
        c.ApproveFiling("安市监立〔2026〕1号", b.Head);
        c.DecisionDeadline.ShouldBe(new DateOnly(2026, 6, 1)); // 2026-03-02 + 90 days = 2026-05-31, a Sunday → Monday
    }

    [Theory]
    [InlineData(PartyKind.Person, 201, "APL-51")]
    [InlineData(PartyKind.Organisation, 3001, "APL-51")]
    public void SummaryProcedure_OverTheLimit_BreaksAPL51(PartyKind kind, long yuan, string rule)
    {
        var b = new CaseBuilder(Monday);
        var party = kind == PartyKind.Person ? CaseBuilder.Person() : CaseBuilder.Company();
        Refused(() => Summary(b, party, CaseBuilder.Fine(yuan)), rule);
    }

    [Fact]
    public void SummaryProcedure_WithinTheLimitOrWithLicenceRevocation()
    {
        var b = new CaseBuilder(Monday);
        var c = Summary(b, CaseBuilder.Person(), CaseBuilder.Fine(200));
        c.Stage.ShouldBe(CaseStage.Served);
        Summary(b, CaseBuilder.Company(), CaseBuilder.Fine(3000, CircumstanceLevel.General)).FineFen.ShouldBe(300_000);
        Refused(() => Summary(b, CaseBuilder.Company(), Penalty.Create([PenaltyKind.LicenceRevocation], 0, 0, CircumstanceLevel.Minor, null)), "APL-51");
        Refused(() => CaseFile.DecideOnTheSpot(CaseBuilder.Agency, "简1", CaseBuilder.PricePower, CaseBuilder.Person(), Facts(b), CaseBuilder.Fine(50), new OnTheSpotRecord(false, true, true, false), [CaseBuilder.Wang, CaseBuilder.Li], "P1", b.Officer()), "APL-52");
    }

    [Fact]
    public void OnTheSpotCollection_OnlyUpToOneHundredYuan_APL68()
    {
        var b = new CaseBuilder(Monday);
        var over = Summary(b, CaseBuilder.Person(), CaseBuilder.Fine(150));
        Refused(() => over.CollectOnTheSpot("票据001", null, b.Officer()), "APL-68");
        var ok = Summary(b, CaseBuilder.Person(), CaseBuilder.Fine(100));
        ok.CollectOnTheSpot("票据002", null, b.Officer());
        ok.OutstandingFen(Monday, b.Rules).ShouldBe(0);
        var general = b.Notified(CaseBuilder.Fine(50), power: CaseBuilder.PricePower);
        Refused(() => general.CollectOnTheSpot("票据003", null, b.Officer()), "CASE-STAGE");
    }

    [Fact]
    public void NoPenaltyDecision_WithoutGround_BreaksAPL33_WithGround_Keeps()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Filed();
        Refused(() => c.Decide(new DecisionDraft(DecisionOutcome.NoPenalty, null, null, "轻微", "及时改正"), [CaseBuilder.Wang, CaseBuilder.Li], b.Officer()), "APL-33");
        c.Decide(new DecisionDraft(DecisionOutcome.NoPenalty, null, NoPenaltyGround.FirstMinorViolation, "首次违法，及时改正", "已对当事人进行教育"), [CaseBuilder.Wang, CaseBuilder.Li], b.Officer());
        c.Outcome.ShouldBe(DecisionOutcome.NoPenalty);
    }

    [Fact]
    public void Notice_ForAPartyUnderFourteenAtTheAct_BreaksAPL30()
    {
        var b = new CaseBuilder(Monday);
        Refused(() => b.Notified(CaseBuilder.Fine(100), CaseBuilder.Person(CaseBuilder.ChildId), CaseBuilder.PricePower), "APL-30");
    }

    [Fact]
    public void Decide_WithoutPriorNotice_BreaksAPL62()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Filed(power: CaseBuilder.PricePower);
        Refused(() => c.Decide(CaseBuilder.PenaltyDraft(CaseBuilder.Fine(500)), [CaseBuilder.Wang, CaseBuilder.Li], b.Officer()), "APL-62");
    }

    [Fact]
    public void Decide_BeforeStatementPeriodEnds_BreaksAPL62_AfterStatementOrPeriod_Keeps()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Notified(CaseBuilder.Fine(500), power: CaseBuilder.PricePower);
        Refused(() => c.Decide(CaseBuilder.PenaltyDraft(CaseBuilder.Fine(500)), [CaseBuilder.Wang, CaseBuilder.Li], b.Officer()), "APL-62");
        var waived = b.Notified(CaseBuilder.Fine(500), power: CaseBuilder.PricePower);
        waived.RecordStatement(string.Empty, true, Monday, b.Officer());
        waived.Decide(CaseBuilder.PenaltyDraft(CaseBuilder.Fine(500)), [CaseBuilder.Wang, CaseBuilder.Li], b.Officer());
        b.Today = c.LastNotice!.StatementDeadline.AddDays(1);
        c.Decide(CaseBuilder.PenaltyDraft(CaseBuilder.Fine(500)), [CaseBuilder.Wang, CaseBuilder.Li], b.Officer());
        c.Stage.ShouldBe(CaseStage.Decided);
    }

    [Fact]
    public void Decide_HeavierThanNotified_BreaksAPL45()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Notified(CaseBuilder.Fine(500), power: CaseBuilder.PricePower);
        c.RecordStatement("已改正，请求从轻", false, Monday, b.Officer());
        Refused(() => c.Decide(CaseBuilder.PenaltyDraft(CaseBuilder.Fine(800)), [CaseBuilder.Wang, CaseBuilder.Li], b.Officer()), "APL-45");
        Refused(() => c.IssueNotice(CaseBuilder.Fine(800), "事实", "理由", Monday, null, [CaseBuilder.Wang, CaseBuilder.Li], b.Officer()), "APL-45");
        c.Decide(CaseBuilder.PenaltyDraft(CaseBuilder.Fine(300)), [CaseBuilder.Wang, CaseBuilder.Li], b.Officer());
        c.FineFen.ShouldBe(30_000);
    }

    [Fact]
    public void OutsideBenchmarkWithoutReason_BreaksAPL34_WithReason_EntersReviewCatalog()
    {
        var b = new CaseBuilder(Monday);
        Refused(() => b.Notified(CaseBuilder.Fine(20_000)), "APL-34");
        var c = b.Notified(CaseBuilder.Fine(20_000, reason: "主动消除危害后果，依法减轻处罚"));
        c.ReviewReasons(DecisionOutcome.Penalty, CaseBuilder.Fine(20_000, reason: "x"), ReviewCatalogFacts.Defaults(Guid.Empty)).ShouldContain(r => r.Contains("裁量基准"));
    }

    [Fact]
    public void HearingRequest_WithoutHearingRight_BreaksAPL63()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Notified(CaseBuilder.Fine(500), power: CaseBuilder.PricePower);
        c.LastNotice!.HearingRight.ShouldBeFalse();
        Refused(() => c.RequestHearing(Monday, b.Officer()), "APL-63");
    }

    [Fact]
    public void HearingRight_ForTenThousandYuanOnAPerson_AndOneHundredThousandOnAnOrganisation_APL63()
    {
        var r = new CaseRuleOptions();
        CasePolicies.HasHearingRight(CaseBuilder.Fine(10_000), PartyKind.Person, r).ShouldBeTrue();
        CasePolicies.HasHearingRight(CaseBuilder.Fine(9_999), PartyKind.Person, r).ShouldBeFalse();
        CasePolicies.HasHearingRight(CaseBuilder.Fine(99_999), PartyKind.Organisation, r).ShouldBeFalse();
        CasePolicies.HasHearingRight(Penalty.Create([PenaltyKind.LicenceRevocation], 0, 0, CircumstanceLevel.Minor, null), PartyKind.Organisation, r).ShouldBeTrue();
    }

    [Fact]
    public void Decide_WhileARequestedHearingHasNotTakenPlace_BreaksAPL63()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Notified(CaseBuilder.Fine(60_000));
        c.RequestHearing(Monday, b.Officer());
        b.Today = Monday.AddDays(30);
        Refused(() => c.Decide(CaseBuilder.PenaltyDraft(CaseBuilder.Fine(60_000)), [CaseBuilder.Wang, CaseBuilder.Li], b.Officer()), "APL-63");
    }

    [Fact]
    public void HearingNotice_LessThanSevenWorkingDaysAhead_OrPresidedByAnInvestigator_BreaksAPL64()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Notified(CaseBuilder.Fine(60_000));
        c.RequestHearing(Monday, b.Officer());
        Refused(() => c.ScheduleHearing(Monday, Monday.AddDays(7), CaseBuilder.Zhang, b.Officer()), "APL-64");
        Refused(() => c.ScheduleHearing(Monday, Monday.AddDays(14), CaseBuilder.Wang, b.Officer()), "APL-64");
        c.ScheduleHearing(Monday, Monday.AddDays(9), CaseBuilder.Zhang, b.Officer()); // 7 working days after Monday = next Wednesday
        c.Details.Hearing!.HearingOn.ShouldBe(new DateOnly(2026, 3, 11));
    }

    [Fact]
    public void ReviewGate_CatalogCaseWithoutPassedReview_BreaksAPL58_ReviewOfAnotherDecision_Too()
    {
        var b = new CaseBuilder(Monday);
        var fine = CaseBuilder.Fine(60_000);
        var c = b.Notified(fine);
        c.RecordStatement("无异议", false, Monday, b.Officer());
        c.RecordDiscussion(DecisionOutcome.Penalty, fine, "局长、副局长", "同意", b.Head);
        Refused(() => c.Decide(CaseBuilder.PenaltyDraft(fine), [CaseBuilder.Wang, CaseBuilder.Li], b.Officer()), "APL-58");
        var otherDecisionPassed = b.Officer() with { PassedReviews = [CaseFile.Fingerprint(DecisionOutcome.Penalty, CaseBuilder.Fine(55_000))] };
        Refused(() => c.Decide(CaseBuilder.PenaltyDraft(fine), [CaseBuilder.Wang, CaseBuilder.Li], otherDecisionPassed), "APL-58").Message.ShouldContain("重新审核");
        c.Decide(CaseBuilder.PenaltyDraft(fine), [CaseBuilder.Wang, CaseBuilder.Li], b.Officer() with { PassedReviews = [CaseFile.Fingerprint(DecisionOutcome.Penalty, fine)] });
        c.Stage.ShouldBe(CaseStage.Decided);
    }

    [Fact]
    public void CatalogCaseWithoutCollectiveDiscussion_BreaksAPL57()
    {
        var b = new CaseBuilder(Monday);
        var fine = CaseBuilder.Fine(60_000);
        var c = b.Notified(fine);
        c.RecordStatement(string.Empty, true, Monday, b.Officer());
        Refused(() => c.Decide(CaseBuilder.PenaltyDraft(fine), [CaseBuilder.Wang, CaseBuilder.Li], b.Officer() with { PassedReviews = [CaseFile.Fingerprint(DecisionOutcome.Penalty, fine)] }), "APL-57");
        Refused(() => c.RecordDiscussion(DecisionOutcome.Penalty, fine, "甲", "同意", b.Officer()), "APL-57");
    }

    [Fact]
    public void Decide_AfterNinetyDays_BreaksAPL60_UntilTheHeadExtends()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Notified(CaseBuilder.Fine(500), power: CaseBuilder.PricePower);
        c.RecordStatement(string.Empty, true, Monday, b.Officer());
        b.Today = c.DecisionDeadline!.Value;
        Refused(() => c.ExtendDecisionDeadline(31, "案情复杂", b.Head), "APL-60");
        Refused(() => c.ExtendDecisionDeadline(30, "案情复杂", b.Officer()), "APL-60");
        b.Today = b.Today.AddDays(1);
        Refused(() => c.Decide(CaseBuilder.PenaltyDraft(CaseBuilder.Fine(500)), [CaseBuilder.Wang, CaseBuilder.Li], b.Officer()), "APL-60");
        b.Today = b.Today.AddDays(-1);
        c.ExtendDecisionDeadline(30, "需补充鉴定", b.Head);
        b.Today = b.Today.AddDays(10);
        c.Decide(CaseBuilder.PenaltyDraft(CaseBuilder.Fine(500)), [CaseBuilder.Wang, CaseBuilder.Li], b.Officer());
    }

    [Fact]
    public void Service_ElectronicWithoutConsentOrLateWithoutReason_BreaksAPL61()
    {
        var b = new CaseBuilder(Monday);
        var c = Decided(b, 500);
        Refused(() => c.Serve(ServiceMethod.Electronic, Monday, "赵某", false, null, "P1", b.Officer()), "APL-61");
        b.Today = c.Decision!.ServiceDeadline.AddDays(1);
        Refused(() => c.Serve(ServiceMethod.Direct, b.Today, "赵某", false, null, "P1", b.Officer()), "APL-61");
        c.Serve(ServiceMethod.Direct, b.Today, "赵某", false, "当事人外出，多次联系未果", "P1", b.Officer());
        c.Stage.ShouldBe(CaseStage.Served);
    }

    [Fact]
    public void Surcharge_ThreePercentPerDay_CappedAtTheFine_PausedDuringReconsideration_APL72()
    {
        var b = new CaseBuilder(Monday);
        var c = Decided(b, 1_000);
        c.Serve(ServiceMethod.Direct, Monday, "赵某", false, null, "P1", b.Officer());
        var due = c.PaymentDueOn!.Value;
        due.ShouldBe(new DateOnly(2026, 3, 17));
        c.SurchargeFen(due, b.Rules).ShouldBe(0);
        c.SurchargeFen(due.AddDays(10), b.Rules).ShouldBe(30_000); // 10 days × 3 % × 1,000 yuan = 300 yuan
        c.SurchargeFen(due.AddDays(100), b.Rules).ShouldBe(100_000); // capped at the fine
        b.Today = due.AddDays(20);
        c.RecordRemedy(RemedyKind.Reconsideration, due.AddDays(3), due.AddDays(7), "维持", b.Officer());
        c.SurchargeFen(due.AddDays(10), b.Rules).ShouldBe(15_000); // 5 of the 10 days ran during the reconsideration
        c.RecordBankPayment("B001", 100_000, due.AddDays(10), b.Officer());
        c.SurchargeFen(due.AddDays(20), b.Rules).ShouldBe(15_000); // stops when the fine is paid
        c.OutstandingFen(b.Today, b.Rules).ShouldBe(15_000);
        Refused(() => c.RequestClosing("已执行", b.Officer()), "APL-67");
        c.RecordBankPayment("B002", 15_000, b.Today, b.Officer());
        c.RequestClosing("罚款及加处罚款已缴清", b.Officer());
    }

    [Fact]
    public void Deadlines_CrossTheSpringFestival2026_AndCountTheMakeUpWorkday()
    {
        var b = new CaseBuilder(new DateOnly(2026, 2, 12));
        var c = b.Notified(CaseBuilder.Fine(60_000));
        // Thursday 12 Feb + 5 working days: 13 (Fri), 14 (Sat, make-up workday), [15–23 holiday], 24, 25, 26.
        c.LastNotice!.StatementDeadline.ShouldBe(new DateOnly(2026, 2, 26));
        c.LastNotice.HearingRequestDeadline.ShouldBe(new DateOnly(2026, 2, 26));
        b.Today = new DateOnly(2026, 2, 27);
        Refused(() => c.RequestHearing(b.Today, b.Officer()), "APL-64");
    }

    [Fact]
    public void PaymentDue_FifteenDaysAfterService_MovesPastTheSpringFestival_APL67()
    {
        var b = new CaseBuilder(new DateOnly(2026, 1, 26));
        var c = Decided(b, 500);
        b.Today = new DateOnly(2026, 1, 31);
        c.Serve(ServiceMethod.Direct, b.Today, "赵某", false, null, "P1", b.Officer());
        // 31 Jan + 15 days = 15 Feb, the first day of the holiday: the period ends on the next working day.
        c.PaymentDueOn.ShouldBe(new DateOnly(2026, 2, 24));
    }

    [Fact]
    public void Seizure_WithoutApprovalOrSteps_BreaksACL18_ExtendedTwice_BreaksACL25()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Filed();
        var steps = new MeasureSteps(true, true, true, true, true, false, null);
        Refused(() => c.TakeMeasure(MeasureKind.Seizure, "过期食品20袋", Monday, false, false, steps, [CaseBuilder.Wang, CaseBuilder.Li], b.Recorded(RecordingSteps.SealUpSeizure)), "ACL-18");
        Refused(() => c.TakeMeasure(MeasureKind.Seizure, "过期食品20袋", Monday, true, false, steps with { PartyRefusedToSign = true }, [CaseBuilder.Wang, CaseBuilder.Li], b.Recorded(RecordingSteps.SealUpSeizure)), "ACL-18");
        var no = c.TakeMeasure(MeasureKind.Seizure, "过期食品20袋", Monday, true, false, steps, [CaseBuilder.Wang, CaseBuilder.Li], b.Recorded(RecordingSteps.SealUpSeizure));
        c.Details.Measures[0].EndsOn.ShouldBe(new DateOnly(2026, 4, 1));
        Refused(() => c.ExtendMeasure(no, 31, "检测", b.Head), "ACL-25");
        c.ExtendMeasure(no, 30, "需送检", b.Head);
        Refused(() => c.ExtendMeasure(no, 10, "再次", b.Head), "ACL-25");
    }

    [Fact]
    public void EmergencySeizure_ApprovedAfterTwentyFourHours_BreaksACL19()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Filed();
        var no = c.TakeMeasure(MeasureKind.SealUp, "仓库一间", Monday, false, true, new MeasureSteps(true, true, true, true, true, false, null), [CaseBuilder.Wang, CaseBuilder.Li], b.Recorded(RecordingSteps.SealUpSeizure));
        b.Today = Monday.AddDays(2);
        Refused(() => c.ApproveEmergencyMeasure(no, b.Head), "ACL-19");
    }

    [Fact]
    public void ArchivedCase_RefusesEveryChange_AsAConflict_GB118REC4()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Filed(power: CaseBuilder.PricePower);
        c.Decide(new DecisionDraft(DecisionOutcome.RevokeCase, null, null, "违法事实不能成立", "撤销立案"), [CaseBuilder.Wang, CaseBuilder.Li], b.Officer());
        c.RequestClosing("撤销案件", b.Officer());
        c.ApproveClosing(b.Head);
        c.Archive(b.Officer());
        var e = Refused(() => c.RecordRemedy(RemedyKind.Litigation, Monday, null, null, b.Officer()), "GB118-REC-4");
        e.IsConflict.ShouldBeTrue();
        Refused(() => c.AssignTeam([CaseBuilder.Wang, CaseBuilder.Chen], b.Officer()), "GB118-REC-4");
        Refused(() => c.Archive(b.Officer()), "GB118-REC-4");
    }

    [Fact]
    public void Events_CarryNoPersonalData_SECPI1()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Filed();
        var json = System.Text.Json.JsonSerializer.Serialize(c.DomainEvents.Cast<object>().ToList());
        json.ShouldNotContain(CaseBuilder.AdultId);
        json.ShouldNotContain("赵某");
        json.ShouldNotContain("幸福路");
    }

    private static CaseFacts Facts(CaseBuilder b) => new("未明码标价", b.Today.AddDays(-1), null, b.Today, false);

    private static CaseFile Summary(CaseBuilder b, Party party, Penalty penalty) =>
        CaseFile.DecideOnTheSpot(CaseBuilder.Agency, "简易〔2026〕1号", CaseBuilder.PricePower, party, Facts(b), penalty, new OnTheSpotRecord(true, true, true, false), [CaseBuilder.Wang, CaseBuilder.Li], "P-1", b.Officer());

    private static CaseFile Decided(CaseBuilder b, long yuan)
    {
        var c = b.Notified(CaseBuilder.Fine(yuan), power: CaseBuilder.PricePower);
        c.RecordStatement(string.Empty, true, b.Today, b.Officer());
        c.Decide(CaseBuilder.PenaltyDraft(CaseBuilder.Fine(yuan)), [CaseBuilder.Wang, CaseBuilder.Li], b.Officer());
        return c;
    }
}
