using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Domain;
using Sanxiang.Kernel.Domain;

namespace Sanxiang.Cases.Tests.Domain;

/// <summary>
/// Instalment payment of a fine (APL-66): each refusal rule broken (the refusal names APL-66) and kept; payments
/// pay the instalments in order; the APL-72 surcharge runs on an overdue instalment's unpaid part.
/// A fine of 1,000 yuan served on Monday 2 March 2026 is due on Tuesday 17 March (15 days, APL-67).
/// </summary>
public sealed class InstalmentRuleTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly DateOnly DueOn = new(2026, 3, 17);
    private static readonly DateOnly April15 = new(2026, 4, 15);
    private static readonly DateOnly May15 = new(2026, 5, 15);

    private static (DateOnly, long)[] TwoInstalments(long first = 40_000, long second = 60_000) => [(April15, first), (May15, second)];

    private static DomainRuleException Refused(Action act)
    {
        var e = Should.Throw<DomainRuleException>(act);
        e.RuleId.ShouldBe("APL-66", e.Message);
        return e;
    }

    private static CaseFile Served(CaseBuilder b)
    {
        var c = b.Served(1_000);
        c.PaymentDueOn.ShouldBe(DueOn);
        return c;
    }

    [Fact]
    public void Instalments_ApprovedByAnOfficer_BreaksAPL66()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b);
        Refused(() => c.ApproveInstalments(TwoInstalments(), "经济困难", b.Officer())).Errors[0].Field.ShouldBe("Approver");
        c.Details.Payment!.Instalments.ShouldBeEmpty();
    }

    [Fact]
    public void Instalments_WhenTheFineIsAlreadyPaid_BreaksAPL66_AsAConflict()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b);
        c.RecordBankPayment("B1", 100_000, Monday, b.Officer());
        Refused(() => c.ApproveInstalments(TwoInstalments(), "经济困难", b.Head)).IsConflict.ShouldBeTrue();
    }

    [Fact]
    public void Instalments_AfterThePaymentDeadline_BreaksAPL66()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b);
        b.Today = DueOn.AddDays(1);
        Refused(() => c.ApproveInstalments(TwoInstalments(), "经济困难", b.Head)).Errors[0].Field.ShouldBe("Instalments");
        b.Today = DueOn;
        c.ApproveInstalments(TwoInstalments(), "经济困难", b.Head); // the last day of the period is still in time
    }

    [Fact]
    public void Instalments_NotSummingToTheOutstandingFine_BreaksAPL66()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b);
        Refused(() => c.ApproveInstalments(TwoInstalments(40_000, 50_000), "经济困难", b.Head)).Message.ShouldContain("1,000元");
        Refused(() => c.ApproveInstalments(TwoInstalments(40_000, 70_000), "经济困难", b.Head));
        c.ApproveInstalments(TwoInstalments(40_000, 60_000), "经济困难", b.Head);
    }

    [Fact]
    public void Instalments_AfterAPartPayment_CoverWhatIsLeft_APL66()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b);
        c.RecordBankPayment("B0", 10_000, Monday, b.Officer());
        Refused(() => c.ApproveInstalments(TwoInstalments(40_000, 60_000), "经济困难", b.Head)); // 1,000 yuan, but 900 are left
        c.ApproveInstalments(TwoInstalments(40_000, 50_000), "经济困难", b.Head);
        c.Instalments().Select(i => i.PaidFen).ShouldBe([0L, 0L]); // what was paid before the schedule pays no instalment
    }

    [Fact]
    public void Instalments_WithAnAmountOfZeroOrLess_BreaksAPL66()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b);
        Refused(() => c.ApproveInstalments([(April15, 0), (May15, 100_000)], "经济困难", b.Head)).Message.ShouldContain("第1期金额须大于零");
        Refused(() => c.ApproveInstalments([(April15, 110_000), (May15, -10_000)], "经济困难", b.Head)).Message.ShouldContain("第2期金额须大于零");
    }

    [Fact]
    public void Instalments_WithDueDatesNotStrictlyIncreasing_BreaksAPL66()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b);
        Refused(() => c.ApproveInstalments([(May15, 40_000), (April15, 60_000)], "经济困难", b.Head)).Message.ShouldContain("第2期的缴款期限须晚于第1期");
        Refused(() => c.ApproveInstalments([(April15, 40_000), (April15, 60_000)], "经济困难", b.Head));
    }

    [Fact]
    public void Instalments_WithTheFirstDueTodayOrEarlier_BreaksAPL66()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b);
        Refused(() => c.ApproveInstalments([(Monday, 40_000), (May15, 60_000)], "经济困难", b.Head)).Message.ShouldContain("第1期的缴款期限须晚于今天");
        Refused(() => c.ApproveInstalments([(Monday.AddDays(-1), 40_000), (May15, 60_000)], "经济困难", b.Head));
        c.ApproveInstalments([(Monday.AddDays(1), 40_000), (May15, 60_000)], "经济困难", b.Head);
    }

    [Fact]
    public void Instalments_WithTheLastMoreThanAYearAfterTheOriginalDueDate_BreaksAPL66()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b);
        Refused(() => c.ApproveInstalments([(April15, 40_000), (new DateOnly(2027, 3, 18), 60_000)], "经济困难", b.Head)).Message.ShouldContain("2027-03-17");
        c.ApproveInstalments([(April15, 40_000), (new DateOnly(2027, 3, 17), 60_000)], "经济困难", b.Head);
    }

    [Fact]
    public void Instalments_FewerThanTwo_OrMoreThanTheConfiguredMost_BreaksAPL66()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b);
        Refused(() => c.ApproveInstalments([(April15, 100_000)], "经济困难", b.Head)).Message.ShouldContain("至少分两期");
        Refused(() => c.ApproveInstalments([], "经济困难", b.Head));
        var seven = Enumerable.Range(1, 7).Select(m => (Monday.AddMonths(m), m == 7 ? 100_000 - (6 * 14_000L) : 14_000L)).ToArray();
        Refused(() => c.ApproveInstalments(seven, "经济困难", b.Head)).Message.ShouldContain("最多分6期");
        b.Rules.MaxInstalments = 7; // local practice may allow more (Cases:Rules:MaxInstalments)
        c.ApproveInstalments(seven, "经济困难", b.Head);
        c.Instalments().Count.ShouldBe(7);
    }

    [Fact]
    public void Instalments_Twice_OrCombinedWithADeferral_BreaksAPL66_AsAConflict()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b);
        c.ApproveInstalments(TwoInstalments(), "经济困难", b.Head);
        Refused(() => c.ApproveInstalments(TwoInstalments(), "再次申请", b.Head)).IsConflict.ShouldBeTrue();
        Refused(() => c.ApproveDeferral(May15, "经济困难", b.Head)).IsConflict.ShouldBeTrue();

        var deferred = Served(b);
        deferred.ApproveDeferral(May15, "经济困难", b.Head);
        Refused(() => deferred.ApproveInstalments(TwoInstalments(), "经济困难", b.Head)).IsConflict.ShouldBeTrue();
        deferred.MayApproveInstalments(Monday).ShouldBeFalse();
    }

    [Fact]
    public void Instalments_BeforeServiceOrWhenArchived_AreConflicts()
    {
        var b = new CaseBuilder(Monday);
        var c = b.Notified(CaseBuilder.Fine(1_000), power: CaseBuilder.PricePower);
        var e = Should.Throw<DomainRuleException>(() => c.ApproveInstalments(TwoInstalments(), "经济困难", b.Head));
        (e.IsConflict, e.RuleId).ShouldBe((true, "CASE-STAGE"));

        var paid = Served(b);
        paid.RecordBankPayment("B1", 100_000, Monday, b.Officer());
        paid.RequestClosing("罚款已缴清", b.Officer());
        paid.ApproveClosing(b.Head);
        paid.Archive(b.Officer());
        e = Should.Throw<DomainRuleException>(() => paid.ApproveInstalments(TwoInstalments(), "经济困难", b.Head));
        (e.IsConflict, e.RuleId).ShouldBe((true, "GB118-REC-4"));
    }

    [Fact]
    public void Instalments_Refused_ChangeNothing()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b);
        var before = (c.Version, c.DetailsJson, c.NextDeadline);
        Refused(() => c.ApproveInstalments(TwoInstalments(40_000, 1), "经济困难", b.Head));
        (c.Version, c.DetailsJson, c.NextDeadline).ShouldBe(before);
        c.Details.Payment!.Instalments.ShouldBeEmpty();
    }

    [Fact]
    public void Instalments_ApprovedByTheHead_KeepAPL66_TwoBankPaymentsPayTheFine_AndTheCaseCloses()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b);
        c.MayApproveInstalments(Monday).ShouldBeTrue();
        c.ApproveInstalments(TwoInstalments(), "个体经营，收入不稳定，提交了证明材料", b.Head);
        c.DomainEvents.OfType<CaseEvent>().Last().EventType.ShouldBe("cases.case.instalments-approved");
        c.MayApproveInstalments(Monday).ShouldBeFalse();
        c.NextDeadline.ShouldBe(April15);
        c.PaymentDueOn.ShouldBe(April15);
        c.Deadlines().Where(d => d.RuleId == "APL-66").Select(d => (d.Due, d.Done)).ShouldBe([(April15, false), (May15, false)]);

        b.Today = new DateOnly(2026, 4, 10);
        c.RecordBankPayment("B1", 40_000, b.Today, b.Officer());
        c.Instalments().Select(i => i.Paid).ShouldBe([true, false]);
        c.NextDeadline.ShouldBe(May15);
        c.PaymentDueOn.ShouldBe(May15);
        c.Details.Payment!.SettledOn.ShouldBeNull();
        Should.Throw<DomainRuleException>(() => c.RequestClosing("结案", b.Officer())).RuleId.ShouldBe("APL-67");

        b.Today = new DateOnly(2026, 5, 12);
        c.RecordBankPayment("B2", 60_000, b.Today, b.Officer());
        c.SurchargeFen(b.Today, b.Rules).ShouldBe(0);
        c.Details.Payment!.SettledOn.ShouldBe(b.Today);
        c.Deadlines().Where(d => d.RuleId == "APL-66").ShouldAllBe(d => d.Done);
        c.RequestClosing("罚款分两期缴清", b.Officer());
        c.ApproveClosing(b.Head);
        c.Stage.ShouldBe(CaseStage.Closed);
    }

    [Fact]
    public void Surcharge_OnAnOverdueInstalment_RunsOnItsUnpaidPart_PausedDuringReconsideration_CappedAtTheFine_APL72()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b);
        c.ApproveInstalments(TwoInstalments(), "经济困难", b.Head); // 400 yuan by 15 April, 600 yuan by 15 May
        c.SurchargeFen(April15, b.Rules).ShouldBe(0);

        // Instalment 1 (40,000 fen) paid on 20 April, five days late: 16–20 April count (the day of payment counts,
        // as for a single payment) = 5 days × 3 % × 40,000 fen = 5 × 1,200 = 6,000 fen (60 yuan).
        b.Today = new DateOnly(2026, 4, 20);
        c.RecordBankPayment("B1", 40_000, b.Today, b.Officer());
        c.SurchargeFen(new DateOnly(2026, 4, 25), b.Rules).ShouldBe(6_000); // nothing overdue after the payment
        c.SurchargeFen(May15, b.Rules).ShouldBe(6_000); // instalment 2 is not yet late on its due date

        // Instalment 2 (60,000 fen) unpaid: 16–20 May = 5 days × 1,800 = 9,000; total 15,000 fen.
        c.SurchargeFen(new DateOnly(2026, 5, 20), b.Rules).ShouldBe(15_000);
        // Never more than the fine: 6,000 + 52 days × 1,800 = 99,600 by 6 July; 7 July would pass 100,000.
        c.SurchargeFen(new DateOnly(2026, 7, 6), b.Rules).ShouldBe(99_600);
        c.SurchargeFen(new DateOnly(2026, 7, 7), b.Rules).ShouldBe(100_000);

        // A reconsideration on 18–19 May pauses it (APL-73): 16, 17, 20 May = 3 × 1,800 = 5,400; total 11,400 fen.
        b.Today = new DateOnly(2026, 5, 21);
        c.RecordRemedy(RemedyKind.Reconsideration, new DateOnly(2026, 5, 18), new DateOnly(2026, 5, 19), "维持", b.Officer());
        c.SurchargeFen(new DateOnly(2026, 5, 20), b.Rules).ShouldBe(11_400);

        // Instalment 2 paid on 21 May: 16, 17, 20, 21 May = 4 × 1,800 = 7,200; total 13,200 fen still owed.
        c.RecordBankPayment("B2", 60_000, b.Today, b.Officer());
        c.SurchargeFen(new DateOnly(2026, 6, 30), b.Rules).ShouldBe(13_200);
        c.OutstandingFen(b.Today, b.Rules).ShouldBe(13_200);
        Should.Throw<DomainRuleException>(() => c.RequestClosing("结案", b.Officer())).RuleId.ShouldBe("APL-67");
        b.Today = new DateOnly(2026, 5, 25);
        c.RecordBankPayment("B3", 13_200, b.Today, b.Officer());
        c.Details.Payment!.SettledOn.ShouldBe(b.Today);
        c.RequestClosing("罚款及加处罚款已缴清", b.Officer());
    }

    [Fact]
    public void Demand_WithInstalments_OnlyAfterAnInstalmentIsOverdue_ACL35()
    {
        var b = new CaseBuilder(Monday);
        var c = Served(b);
        c.ApproveInstalments(TwoInstalments(), "经济困难", b.Head);
        b.Today = DueOn.AddDays(5);
        Should.Throw<DomainRuleException>(() => c.ServeDemand(b.Today, b.Officer())).RuleId.ShouldBe("ACL-35"); // the original date no longer applies
        b.Today = April15.AddDays(1);
        c.ServeDemand(b.Today, b.Officer());
    }
}
