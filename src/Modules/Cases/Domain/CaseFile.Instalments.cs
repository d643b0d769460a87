using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;

namespace Sanxiang.Cases.Domain;

/// <summary>An instalment as it stands: what is due, by when, and how much of it the payments so far cover.</summary>
internal sealed record InstalmentStatus(int No, DateOnly DueOn, long AmountFen, long PaidFen)
{
    public bool Paid => PaidFen >= AmountFen;
}

/// <summary>
/// Instalment payment of a fine (分期缴纳, APL-66): on the party's application the head approves a schedule that
/// covers what is left of the fine. Payments are matched by the same payment reference and pay the instalments in
/// order; the surcharge (APL-72) runs on each overdue instalment's unpaid part.
/// One APL-66 approval per case: a deferred case gets no schedule, a scheduled case no deferral and no second schedule.
/// </summary>
internal sealed partial class CaseFile
{
    /// <summary>Whether the head may approve a schedule today (what the pages offer; <see cref="ApproveInstalments"/> says why not).</summary>
    public bool MayApproveInstalments(DateOnly today) =>
        Stage == CaseStage.Served
        && Details.Payment is { SettledOn: null, DeferredTo: null, Instalments.Count: 0 } p
        && today <= p.DueOn
        && FineFen - PaidFen > 0;

    /// <summary>
    /// APL-66: a schedule of 2 to <see cref="CaseRuleOptions.MaxInstalments"/> instalments, approved by the head
    /// before the payment deadline: each amount above zero, together exactly the fine not yet paid, due dates
    /// strictly increasing, the first after today and the last at most one year after the original due date.
    /// </summary>
    public void ApproveInstalments(IReadOnlyList<(DateOnly DueOn, long AmountFen)> schedule, string reason, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.ApproveInstalments);
        RequireHead(ctx, "APL-66", "延期或者分期缴纳罚款");
        var p = Details.Payment ?? throw DomainRuleException.Conflict("APL-66", "本案没有待缴罚款");
        if (p.Instalments.Count > 0)
        {
            throw DomainRuleException.Conflict("APL-66", "本案已批准分期缴纳，不能再次批准");
        }

        if (p.DeferredTo is not null)
        {
            throw DomainRuleException.Conflict("APL-66", "本案已批准延期缴纳，不能再批准分期（延期与分期只能择一）");
        }

        var owed = FineFen - PaidFen;
        if (p.SettledOn is not null || owed <= 0)
        {
            throw DomainRuleException.Conflict("APL-66", "罚款已缴清，无需分期");
        }

        var latest = p.DueOn.AddYears(1);
        var check = new Check()
            .That(ctx.Today <= p.DueOn, "Instalments", "APL-66", $"缴款期限（{p.DueOn:yyyy-MM-dd}）已过，不能再批准分期")
            .That(schedule.Count >= 2, "Instalments", "APL-66", "分期缴纳至少分两期")
            .That(schedule.Count <= ctx.Rules.MaxInstalments, "Instalments", "APL-66", $"分期缴纳最多分{ctx.Rules.MaxInstalments}期");
        for (var i = 0; i < schedule.Count; i++)
        {
            var (dueOn, amount) = schedule[i];
            check.That(amount > 0, "Instalments", "APL-66", $"第{i + 1}期金额须大于零")
                .That(i == 0 || dueOn > schedule[i - 1].DueOn, "Instalments", "APL-66", $"第{i + 1}期的缴款期限须晚于第{i}期");
        }

        if (schedule.Count > 0)
        {
            check.That(schedule[0].DueOn > ctx.Today, "Instalments", "APL-66", "第1期的缴款期限须晚于今天")
                .That(schedule[^1].DueOn <= latest, "Instalments", "APL-66", $"最后一期的缴款期限不得晚于原缴款期限后一年（{latest:yyyy-MM-dd}）");
        }

        var total = schedule.Sum(x => (decimal)x.AmountFen);
        check.That(total == owed, "Instalments", "APL-66", $"各期金额合计{Money.Yuan((long)Math.Clamp(total, long.MinValue, long.MaxValue))}元，须等于尚未缴纳的罚款{Money.Yuan(owed)}元")
            .Required("Reason", "分期理由（当事人确有经济困难）", reason, 500)
            .ThrowIfAny();

        p.Instalments = [.. schedule.Select((x, i) => new Instalment(i + 1, x.DueOn, x.AmountFen))];
        p.InstalmentReason = reason.Trim();
        p.PaidBeforeInstalmentsFen = PaidFen;
        Step(ctx, "批准分期缴纳罚款", $"分{schedule.Count}期：{string.Join("；", p.Instalments.Select(x => $"第{x.No}期{x.DueOn:yyyy-MM-dd}前{Money.Yuan(x.AmountFen)}元"))}。理由：{p.InstalmentReason}", "APL-66");
        Commit("cases.case.instalments-approved", ctx);
    }

    /// <summary>The schedule with what the payments so far cover: principal pays the instalments in order, after what was paid before the schedule.</summary>
    public IReadOnlyList<InstalmentStatus> Instalments()
    {
        var p = Details.Payment;
        if (p is null || p.Instalments.Count == 0)
        {
            return [];
        }

        var left = PaidFen - p.PaidBeforeInstalmentsFen;
        var list = new List<InstalmentStatus>(p.Instalments.Count);
        foreach (var x in p.Instalments)
        {
            var paid = Math.Clamp(left, 0, x.AmountFen);
            left -= paid;
            list.Add(new InstalmentStatus(x.No, x.DueOn, x.AmountFen, paid));
        }

        return list;
    }

    private DateOnly CurrentInstalmentDueOn(PaymentState p) =>
        Instalments().FirstOrDefault(x => !x.Paid)?.DueOn ?? p.Instalments[^1].DueOn;

    /// <summary>
    /// APL-72 with a schedule: for each day after an instalment's due date, 3 % of what is then overdue and unpaid
    /// (payments count from the day after they were made, as for a single payment), the total never more than the
    /// fine; days of a reconsideration or litigation are not counted (APL-73).
    /// </summary>
    private long InstalmentSurchargeFen(PaymentState p, DateOnly asOf, CaseRuleOptions rules)
    {
        var lines = p.Lines.OrderBy(l => l.PaidOn).ToList();
        var plan = p.Instalments;
        var (nextLine, nextInstalment) = (0, 0);
        var paid = -p.PaidBeforeInstalmentsFen;
        long due = 0;
        long fenDays = 0;
        for (var d = plan[0].DueOn.AddDays(1); d <= asOf; d = d.AddDays(1))
        {
            for (; nextLine < lines.Count && lines[nextLine].PaidOn < d; nextLine++)
            {
                paid += lines[nextLine].AmountFen;
            }

            for (; nextInstalment < plan.Count && plan[nextInstalment].DueOn < d; nextInstalment++)
            {
                due += plan[nextInstalment].AmountFen;
            }

            if (nextInstalment == plan.Count && paid >= due)
            {
                break;
            }

            if (!SurchargePaused(d))
            {
                fenDays += Math.Max(0, due - paid);
            }

            if (fenDays * rules.SurchargePercentPerDay >= FineFen * 100)
            {
                return FineFen;
            }
        }

        return Math.Min(FineFen, fenDays * rules.SurchargePercentPerDay / 100);
    }

    /// <summary>For the payment's history line: how many instalments are now paid.</summary>
    private string InstalmentProgress()
    {
        var all = Instalments();
        return all.Count == 0 ? string.Empty : $"；分期缴纳已缴清{all.Count(x => x.Paid)}/{all.Count}期";
    }
}
