using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;

namespace Sanxiang.Cases.Domain;

internal sealed partial class CaseFile
{
    public DecisionRecord? Decision => Details.Decision;

    public long FineFen => Details.Decision?.Penalty?.FineFen ?? 0;

    /// <summary>
    /// APL-61: hand the decision over on the spot or serve it within 7 working days; electronic service only
    /// with the party's consent; a late service needs a written reason; service by leaving or by public notice needs
    /// linked audio-video records when listed (GB118-REC-3). A fine starts the APL-67 15-day period.
    /// </summary>
    public void Serve(ServiceMethod method, DateOnly servedOn, string recipient, bool electronicConsent, string? lateReason, string paymentReference, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.Serve);
        var d = Details.Decision!;
        new Check()
            .That(Enum.IsDefined(method), "Method", "INPUT-ENUM", "送达方式无效")
            .Required("Recipient", "受送达人", recipient, 100)
            .That(servedOn >= d.DecidedOn && servedOn <= ctx.Today, "ServedOn", "INPUT-DATES", "送达日期须在决定之后、今天之前")
            .That(method != ServiceMethod.Electronic || electronicConsent, "Method", "APL-61", "电子送达须经当事人同意并签订确认书")
            .That(servedOn <= d.ServiceDeadline || !string.IsNullOrWhiteSpace(lateReason), "LateReason", "APL-61", $"决定书应在七个工作日内（{d.ServiceDeadline:yyyy-MM-dd}前）送达，逾期送达须写明原因")
            .MaxLength("LateReason", "逾期原因", lateReason, 500)
            .ThrowIfAny();
        RequireRecording(RecordingStepOf(method), ctx);
        Details.Service = new ServiceRecord(method, servedOn, recipient.Trim(), string.IsNullOrWhiteSpace(lateReason) ? null : lateReason.Trim(), electronicConsent);
        MoveTo(CaseProcedure.Serve);
        var detail = $"{CaseLabels.Of(method)}，{servedOn:yyyy-MM-dd}";
        if (FineFen > 0)
        {
            Details.Payment = new PaymentState { Reference = paymentReference, DueOn = ctx.Calendar.AddCalendarDays(servedOn, ctx.Rules.PaymentDays) };
            detail += $"；缴款通知书编号{paymentReference}，应于{Details.Payment.DueOn:yyyy-MM-dd}前到指定银行缴纳";
        }

        Step(ctx, "送达决定书", detail, "APL-61");
        Commit("cases.case.served", ctx);
    }

    /// <summary>
    /// The day from which the APL-72 surcharge runs: the due date, or the approved deferral (APL-66); with an
    /// approved schedule, the due date of the first instalment not yet paid in full (the last one when all are).
    /// </summary>
    public DateOnly? PaymentDueOn => Details.Payment is { } p
        ? p.Instalments.Count > 0 ? CurrentInstalmentDueOn(p) : p.DeferredTo ?? p.DueOn
        : null;

    public long PaidFen => Details.Payment?.Lines.Sum(l => l.AmountFen) ?? 0;

    /// <summary>
    /// APL-72: 3 % of the fine for each day overdue, never more than the fine; days while a reconsideration or
    /// litigation runs are not counted (APL-73). Counted up to <paramref name="asOf"/> or the day the fine was
    /// paid in full.
    /// </summary>
    public long SurchargeFen(DateOnly asOf, CaseRuleOptions rules)
    {
        if (PaymentDueOn is not { } due || FineFen == 0)
        {
            return 0;
        }

        if (Details.Payment!.Instalments.Count > 0)
        {
            return InstalmentSurchargeFen(Details.Payment, asOf, rules);
        }

        var principalPaidOn = PrincipalPaidOn();
        var end = principalPaidOn is { } paid && paid < asOf ? paid : asOf;
        var days = 0;
        for (var d = due.AddDays(1); d <= end; d = d.AddDays(1))
        {
            if (!SurchargePaused(d))
            {
                days++;
            }
        }

        return Math.Min(FineFen, FineFen * rules.SurchargePercentPerDay * days / 100);
    }

    /// <summary>APL-73: no surcharge for a day on which a reconsideration or litigation runs.</summary>
    private bool SurchargePaused(DateOnly day) => Details.Remedies.Exists(r => day >= r.StartedOn && (r.EndedOn is null || day <= r.EndedOn));

    private DateOnly? PrincipalPaidOn()
    {
        long sum = 0;
        foreach (var line in Details.Payment?.Lines.OrderBy(l => l.PaidOn) ?? Enumerable.Empty<PaymentLine>())
        {
            sum += line.AmountFen;
            if (sum >= FineFen)
            {
                return line.PaidOn;
            }
        }

        return null;
    }

    public long OutstandingFen(DateOnly asOf, CaseRuleOptions rules) => Math.Max(0, FineFen + SurchargeFen(asOf, rules) - PaidFen);

    /// <summary>APL-67: a payment confirmed by the bank (罚缴分离), matched by the payment notice's reference.</summary>
    public void RecordBankPayment(string bankTransaction, long amountFen, DateOnly paidOn, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.RecordBankPayment);
        var p = Details.Payment ?? throw DomainRuleException.Conflict("APL-67", "本案没有待缴罚款");
        new Check()
            .That(amountFen > 0, "AmountFen", "INPUT-RANGE", "缴款金额须大于零")
            .That(paidOn >= Details.Service!.ServedOn && paidOn <= ctx.Today, "PaidOn", "INPUT-DATES", "缴款日期须在送达之后、今天之前")
            .That(!p.Lines.Exists(l => l.Reference == bankTransaction), "BankTransaction", "APL-67", "该银行流水已经登记")
            .ThrowIfAny();
        p.Lines.Add(new PaymentLine("银行", bankTransaction, amountFen, paidOn));
        SettleIfPaid(paidOn, ctx);
        Step(ctx, "银行缴款到账", $"{Money.Yuan(amountFen)}元（流水{bankTransaction}）{InstalmentProgress()}", "APL-67");
        Commit("cases.case.payment-recorded", ctx);
    }

    /// <summary>
    /// APL-68: on-the-spot collection only for fines up to 100 yuan (or where later collection would be very
    /// hard, stated), with an official receipt number. Nothing else lets an officer record cash.
    /// </summary>
    public void CollectOnTheSpot(string receiptNumber, string? hardToCollectReason, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.CollectOnTheSpot);
        var p = Details.Payment ?? throw DomainRuleException.Conflict("APL-68", "本案没有待缴罚款");
        new Check()
            .That(FineFen <= ctx.Rules.OnTheSpotCollectionMaxFen || !string.IsNullOrWhiteSpace(hardToCollectReason), "ReceiptNumber", "APL-68", $"罚款超过{Money.Yuan(ctx.Rules.OnTheSpotCollectionMaxFen)}元，不得当场收缴（罚缴分离，须到银行缴纳），除非不当场收缴事后难以执行")
            .That(Details.Service!.Method == ServiceMethod.OnTheSpot, "ReceiptNumber", "APL-68", "当场收缴只适用于当场作出的处罚决定")
            .Required("ReceiptNumber", "专用票据号", receiptNumber, 40)
            .That(p.Lines.Count == 0, "ReceiptNumber", "APL-68", "已有缴款记录")
            .ThrowIfAny();
        p.Lines.Add(new PaymentLine("当场收缴", receiptNumber.Trim(), FineFen, ctx.Today));
        SettleIfPaid(ctx.Today, ctx);
        Step(ctx, "当场收缴罚款", $"{Money.Yuan(FineFen)}元，出具专用票据{receiptNumber.Trim()}；须在二日内交至机关、再二日内缴付银行{(string.IsNullOrWhiteSpace(hardToCollectReason) ? string.Empty : "；事由：" + hardToCollectReason.Trim())}", "APL-68");
        Commit("cases.case.collected-on-the-spot", ctx);
    }

    private void SettleIfPaid(DateOnly on, CaseContext ctx)
    {
        var p = Details.Payment!;
        if (p.SettledOn is null && OutstandingFen(on, ctx.Rules) == 0)
        {
            p.SettledOn = on;
        }
    }

    /// <summary>APL-66: deferral on the party's application, approved by the head, before the due date.</summary>
    public void ApproveDeferral(DateOnly deferredTo, string reason, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.ApproveDeferral);
        RequireHead(ctx, "APL-66", "延期或者分期缴纳罚款");
        var p = Details.Payment ?? throw DomainRuleException.Conflict("APL-66", "本案没有待缴罚款");
        if (p.Instalments.Count > 0)
        {
            throw DomainRuleException.Conflict("APL-66", "本案已批准分期缴纳，不能再批准延期（延期与分期只能择一）");
        }

        new Check()
            .That(ctx.Today <= PaymentDueOn, "DeferredTo", "APL-66", "缴款期限已过，不能再批准延期")
            .That(deferredTo > PaymentDueOn && deferredTo <= ctx.Today.AddYears(1), "DeferredTo", "APL-66", "延期后的期限须晚于原期限且不超过一年")
            .Required("Reason", "延期理由（当事人确有经济困难）", reason, 500)
            .ThrowIfAny();
        p.DeferredTo = deferredTo;
        p.DeferralReason = reason.Trim();
        Step(ctx, "批准延期缴纳罚款", $"延期至{deferredTo:yyyy-MM-dd}：{reason.Trim()}", "APL-66");
        Commit("cases.case.payment-deferred", ctx);
    }

    /// <summary>
    /// APL-73 / RCN-1: a reconsideration or litigation starts or ends; the surcharge does not run meanwhile. Its result
    /// (revoked, changed, found unlawful or void) feeds the publication (APL-48); it needs the end date.
    /// </summary>
    public void RecordRemedy(RemedyKind kind, DateOnly startedOn, DateOnly? endedOn, string? outcome, CaseContext ctx, RemedyResult? result = null)
    {
        EnsureStage(CaseProcedure.RecordRemedy);
        new Check()
            .That(Enum.IsDefined(kind), "Kind", "INPUT-ENUM", "救济类型无效")
            .That(startedOn >= Details.Decision!.DecidedOn && startedOn <= ctx.Today, "StartedOn", "INPUT-DATES", "申请日期须在决定之后、今天之前")
            .That(endedOn is null || (endedOn >= startedOn && endedOn <= ctx.Today), "EndedOn", "INPUT-DATES", "结束日期须在申请之后、今天之前")
            .MaxLength("Outcome", "结果", outcome, 500)
            .That(result is null || Enum.IsDefined(result.Value), "Result", "INPUT-ENUM", "复议诉讼结果无效")
            .That(result is null || endedOn is not null, "EndedOn", "RCN-1", "登记复议或诉讼结果时须填写结束日期")
            .ThrowIfAny();
        var i = Details.Remedies.FindIndex(r => r.Kind == kind && r.StartedOn == startedOn);
        var record = new RemedyRecord(kind, startedOn, endedOn, string.IsNullOrWhiteSpace(outcome) ? null : outcome.Trim(), result);
        if (i >= 0)
        {
            Details.Remedies[i] = record;
        }
        else
        {
            Details.Remedies.Add(record);
        }

        Step(ctx, CaseLabels.Of(kind), $"{startedOn:yyyy-MM-dd}起{(endedOn is null ? string.Empty : $"，{endedOn:yyyy-MM-dd}结束：{(result is { } r ? CaseLabels.Of(r) + "；" : string.Empty)}{record.Outcome}")}（期间不计加处罚款）", "APL-73");
        Commit("cases.case.remedy-recorded", ctx);
    }

    /// <summary>ACL-35: written demand (催告) after the due date has passed.</summary>
    public void ServeDemand(DateOnly servedOn, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.ServeDemand);
        var p = Details.Payment ?? throw DomainRuleException.Conflict("ACL-35", "本案没有待缴罚款");
        new Check()
            .That(servedOn > PaymentDueOn && servedOn <= ctx.Today, "ServedOn", "ACL-35", "缴款期限届满后才能催告")
            .That(OutstandingFen(ctx.Today, ctx.Rules) > 0, "ServedOn", "ACL-35", "罚款已缴清")
            .ThrowIfAny();
        p.DemandServedOn = servedOn;
        Step(ctx, "送达催告书", $"{servedOn:yyyy-MM-dd}；应缴{Money.Yuan(OutstandingFen(ctx.Today, ctx.Rules))}元（含加处罚款）", "ACL-35");
        Commit("cases.case.demand-served", ctx);
    }

    /// <summary>ACL-53/54: apply to court for compulsory enforcement, only 10 (working) days after the demand was served.</summary>
    public void ApplyToCourt(DateOnly on, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.ApplyToCourt);
        var p = Details.Payment ?? throw DomainRuleException.Conflict("ACL-54", "本案没有待缴罚款");
        if (p.DemandServedOn is not { } demand)
        {
            throw new DomainRuleException("ACL-54", "申请强制执行前须先书面催告当事人", "On");
        }

        var earliest = ctx.Calendar.AddWorkingDays(demand, ctx.Rules.DemandWorkingDays);
        new Check()
            .That(on > earliest.AddDays(-1) && on <= ctx.Today, "On", "ACL-54", $"催告书送达十日后当事人仍未履行的，才可申请法院强制执行（最早{earliest:yyyy-MM-dd}）")
            .ThrowIfAny();
        p.CourtAppliedOn = on;
        Step(ctx, "申请人民法院强制执行", $"{on:yyyy-MM-dd}", "ACL-53");
        Commit("cases.case.court-applied", ctx);
    }

    /// <summary>The court's enforcement concluded; what it recovered is recorded like a payment.</summary>
    public void RecordCourtOutcome(long recoveredFen, DateOnly on, string outcome, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.RecordCourtResult);
        var p = Details.Payment;
        if (p?.CourtAppliedOn is null)
        {
            throw DomainRuleException.Conflict("ACL-53", "尚未申请法院强制执行");
        }

        new Check().That(recoveredFen >= 0, "RecoveredFen", "INPUT-RANGE", "金额不能为负数").Required("Outcome", "执行结果", outcome, 500)
            .That(on >= p.CourtAppliedOn && on <= ctx.Today, "On", "INPUT-DATES", "日期须在申请之后、今天之前").ThrowIfAny();
        if (recoveredFen > 0)
        {
            p.Lines.Add(new PaymentLine("法院强制执行", outcome.Trim(), recoveredFen, on));
        }

        p.CourtConcludedOn = on;
        p.SettledOn ??= on;
        Step(ctx, "法院强制执行完毕", $"{Money.Yuan(recoveredFen)}元：{outcome.Trim()}", "ACL-53");
        Commit("cases.case.court-concluded", ctx);
    }

    /// <summary>Closing (结案): the decision was executed (or needs no execution) and every measure has ended.</summary>
    public void RequestClosing(string summary, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.RequestClosing);
        var check = new Check().Required("Summary", "结案报告", summary, 4000)
            .That(Details.Measures.TrueForAll(m => m.EndedOn is not null), "Measures", "ACL-28", "尚有未解除的查封、扣押或未处理的先行登记保存");
        if (Details.Decision!.Outcome == DecisionOutcome.Penalty)
        {
            check.That(Stage == CaseStage.Served, "Service", "APL-61", "决定书尚未送达");
            check.That(Details.Payment is null || Details.Payment.SettledOn is not null, "Payment", "APL-67", $"罚款尚未缴清（尚欠{Money.Yuan(OutstandingFen(ctx.Today, ctx.Rules))}元，含加处罚款），也未经法院强制执行完毕");
        }

        check.ThrowIfAny();
        Details.ClosingSummary = summary.Trim();
        MoveTo(CaseProcedure.RequestClosing);
        Step(ctx, "提请结案审批", string.Empty, "APL-47");
        Commit("cases.case.closing-requested", ctx);
    }

    public void ApproveClosing(CaseContext ctx)
    {
        EnsureStage(CaseProcedure.ApproveClosing);
        RequireHead(ctx, "APL-47", "结案");
        MoveTo(CaseProcedure.ApproveClosing);
        Step(ctx, "批准结案", string.Empty, "APL-47");
        Commit("cases.case.closed", ctx);
    }

    /// <summary>Archiving (归档, APL-47 / GB118-REC-4): from now on the case is read-only.</summary>
    public void Archive(CaseContext ctx)
    {
        EnsureStage(CaseProcedure.Archive);
        MoveTo(CaseProcedure.Archive);
        Step(ctx, "立卷归档", "案卷只读，不得修改或删除", "GB118-REC-4");
        Commit("cases.case.archived", ctx);
    }
}
