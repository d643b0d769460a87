using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Domain;

/// <summary>The decision as proposed or made: outcome, penalty (for a penalty), ground (for no penalty) and its text.</summary>
internal sealed record DecisionDraft(DecisionOutcome Outcome, Penalty? Penalty, NoPenaltyGround? Ground, string Facts, string Reasons);

internal sealed partial class CaseFile
{
    /// <summary>APL-58 / the agency's ReviewCatalog (GB118-REV-1): the catalog rules this proposed decision matches (empty: no review needed).</summary>
    public IReadOnlyList<CatalogMatch> ReviewMatches(DecisionOutcome outcome, Penalty? penalty, ReviewCatalogFacts catalog) =>
        CasePolicies.ReviewMatches(Details, outcome, penalty, catalog);

    /// <summary>The reasons of <see cref="ReviewMatches"/>, in Chinese.</summary>
    public IReadOnlyList<string> ReviewReasons(DecisionOutcome outcome, Penalty? penalty, ReviewCatalogFacts catalog) =>
        [.. ReviewMatches(outcome, penalty, catalog).Select(m => m.Reason)];

    /// <summary>APL-57: collective discussion for complex or major cases (local practice: every catalog case).</summary>
    public bool NeedsDiscussion(DecisionOutcome outcome, Penalty? penalty, CaseContext ctx) =>
        ctx.Rules.CollectiveDiscussionForCatalogCases && ReviewMatches(outcome, penalty, ctx.ReviewCatalog).Count > 0;

    /// <summary>APL-57: the heads' collective discussion of this proposed decision.</summary>
    public void RecordDiscussion(DecisionOutcome outcome, Penalty? penalty, string participants, string conclusion, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.RecordDiscussion);
        RequireHead(ctx, "APL-57", "集体讨论");
        new Check().Required("Participants", "参加人员", participants, 500).Required("Conclusion", "讨论结论", conclusion, 4000).ThrowIfAny();
        Details.Discussion = new DiscussionRecord(Fingerprint(outcome, penalty), ctx.Today, participants.Trim(), conclusion.Trim());
        Step(ctx, "集体讨论", $"{CaseLabels.Of(outcome)}{(penalty is null ? string.Empty : "：" + penalty.Describe())}", "APL-57");
        Commit("cases.case.discussion-recorded", ctx);
    }

    /// <summary>APL-60: extension of the decision deadline with the head's approval and a reason.</summary>
    public void ExtendDecisionDeadline(int days, string reason, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.ExtendDeadline);
        RequireHead(ctx, "APL-60", "延长办案期限");
        new Check()
            .That(days is > 0 && days <= ctx.Rules.MaxDecisionExtensionDays, "Days", "APL-60", $"每次延长不得超过{ctx.Rules.MaxDecisionExtensionDays}日")
            .That(ctx.Today <= DecisionDeadline, "Days", "APL-60", "办案期限已经届满，不能再批准延长")
            .Required("Reason", "延长理由", reason, 1000)
            .ThrowIfAny();
        DecisionDeadline = ctx.Calendar.AddCalendarDays(DecisionDeadline!.Value, days);
        Details.Extensions.Add(new DeadlineExtension(days, reason.Trim(), ctx.Today, ctx.Actor.UserId));
        Step(ctx, "批准延长办案期限", $"延长{days}日至{DecisionDeadline:yyyy-MM-dd}：{reason.Trim()}", "APL-60");
        Commit("cases.case.deadline-extended", ctx);
    }

    /// <summary>
    /// The decision (行政处罚决定 / 不予行政处罚 / 撤销案件 / 移送). Refused unless: the team is lawful (APL-42);
    /// for a penalty, the notice was served and the party stated, waived or let the period pass (APL-62), a
    /// requested hearing took place (APL-63/65), the penalty is not heavier than notified (APL-45) and the
    /// party was 14 or older (APL-30); a required legal review passed for exactly this decision (APL-58); a
    /// required collective discussion took place (APL-57); and the 90-day deadline holds (APL-60).
    /// </summary>
    public void Decide(DecisionDraft draft, IReadOnlyList<OfficerFacts> team, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.Decide);
        var check = new Check()
            .That(Enum.IsDefined(draft.Outcome), "Outcome", "INPUT-ENUM", "决定类型无效")
            .Required("Facts", "认定的事实", draft.Facts, 4000)
            .Required("Reasons", "理由和依据", draft.Reasons, 4000)
            .That(ctx.Today <= DecisionDeadline, "DecidedOn", "APL-60", $"已超过办案期限（{DecisionDeadline:yyyy-MM-dd}），须经负责人批准延长后才能作出决定");
        var penalty = draft.Outcome == DecisionOutcome.Penalty ? draft.Penalty : null;
        if (draft.Outcome == DecisionOutcome.Penalty)
        {
            CheckPenaltyDecision(draft, check, ctx);
        }
        else if (draft.Outcome == DecisionOutcome.NoPenalty)
        {
            check.That(draft.Ground is { } g && Enum.IsDefined(g), "Ground", "APL-33", "不予行政处罚须写明法定情形（APL-33）");
        }

        check.ThrowIfAny();
        var fp = Fingerprint(draft.Outcome, penalty);
        var reasons = ReviewReasons(draft.Outcome, penalty, ctx.ReviewCatalog);
        var passed = ctx.PassedReviews ?? [];
        if (reasons.Count > 0 && !passed.Contains(fp))
        {
            var changed = passed.Count > 0 ? "（已通过审核的是另一拟决定：决定内容改变的，须重新审核）" : string.Empty;
            throw new DomainRuleException("APL-58", $"本案属于重大执法决定（{string.Join("；", reasons)}），未经法制审核或审核未通过的，不得作出决定{changed}", "Review");
        }

        if (NeedsDiscussion(draft.Outcome, penalty, ctx) && Details.Discussion?.Fingerprint != fp)
        {
            throw new DomainRuleException("APL-57", "情节复杂或者重大违法行为给予处罚，须经行政机关负责人集体讨论决定", "Discussion");
        }

        CheckCurrentTeam(team, ctx.Today);
        var basis = Power.LegalBasis;
        Details.Decision = new DecisionRecord(draft.Outcome, penalty, draft.Outcome == DecisionOutcome.NoPenalty ? draft.Ground : null, draft.Facts.Trim(), draft.Reasons.Trim(), basis, ctx.Today, ctx.Calendar.AddWorkingDays(ctx.Today, ctx.Rules.ServiceWorkingDays), fp);
        Outcome = draft.Outcome;
        MoveTo(CaseProcedure.Decide);
        Step(ctx, "作出决定", $"{CaseLabels.Of(draft.Outcome)}{(penalty is null ? string.Empty : "：" + penalty.Describe())}；应于{Details.Decision.ServiceDeadline:yyyy-MM-dd}前送达", "APL-59");
        Commit("cases.case.decided", ctx);
    }

    private void CheckPenaltyDecision(DecisionDraft draft, Check check, CaseContext ctx)
    {
        var notice = LastNotice;
        if (draft.Penalty is null)
        {
            check.Add("Penalty", "INPUT-REQUIRED", "请填写处罚内容");
            return;
        }

        if (notice is null)
        {
            check.Add("Notice", "APL-62", "作出行政处罚决定之前，须告知拟处罚的内容及事实、理由、依据和陈述、申辩、听证等权利");
            return;
        }

        var statementOver = ctx.Today > notice.StatementDeadline;
        var hearingOver = !notice.HearingRight || ctx.Today > notice.HearingRequestDeadline || Details.Hearing is not null;
        check.That(Details.Statement is not null || (statementOver && hearingOver), "Statement", "APL-62",
            $"当事人陈述申辩期限（{notice.StatementDeadline:yyyy-MM-dd}）{(notice.HearingRight ? $"及听证申请期限（{notice.HearingRequestDeadline:yyyy-MM-dd}）" : string.Empty)}未满，且当事人未陈述申辩或明确放弃，不得作出决定");
        check.That(Details.Hearing is null || Details.Hearing.PartyAttended is not null, "Hearing", "APL-63", "当事人要求听证的，须组织听证后再作出决定");
        check.That(!draft.Penalty.IsHeavierThan(notice.Penalty), "Penalty", "APL-45", $"决定不得重于已告知的拟处罚（{notice.Penalty.Describe()}）；不得因当事人陈述申辩而加重处罚");
        check.That(!(Party.Kind == PartyKind.Person && Party.AgeOn(Details.ActOn) is < 14), "Penalty", "APL-30", "当事人违法时不满十四周岁，不予行政处罚");
        check.That(!CasePolicies.OutsideBenchmark(Power, draft.Penalty) || draft.Penalty.OutsideBenchmarkReason is not null, "Penalty.OutsideBenchmarkReason", "APL-34", "罚款超出裁量基准幅度的，须书面说明理由");
    }
}
