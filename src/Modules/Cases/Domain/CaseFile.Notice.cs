using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Domain;

internal sealed partial class CaseFile
{
    public Notice? LastNotice => Details.Notices.Count == 0 ? null : Details.Notices[^1];

    /// <summary>
    /// The prior notice (行政处罚事先告知书, APL-44): the intended penalty, facts, reasons and basis, and the
    /// rights to state, defend and (APL-63) ask for a hearing. APL-30: no penalty for a person under 14 at the
    /// act. A penalty outside the discretion benchmark needs a written reason (and puts the case in the
    /// ReviewCatalog). A new notice after the party has defended may not be heavier unless new facts are
    /// stated (APL-45).
    /// </summary>
    public void IssueNotice(Penalty penalty, string facts, string reasons, DateOnly servedOn, string? renoticeReason, IReadOnlyList<OfficerFacts> team, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.Notify);
        var check = new Check()
            .Required("Facts", "违法事实", facts, 4000)
            .Required("Reasons", "处罚理由", reasons, 4000)
            .That(servedOn <= ctx.Today && FiledOn is { } f && servedOn >= f, "ServedOn", "INPUT-DATES", "告知书送达日期须在立案之后、今天之前")
            .That(Details.Evidence.Exists(e => e.LawfullyObtained), "Evidence", "APL-46", "尚无合法取得的证据，不能认定违法事实");
        if (Party.Kind == PartyKind.Person && Party.AgeOn(Details.ActOn) is < 14)
        {
            check.Add("Penalty", "APL-30", "当事人违法时不满十四周岁，不予行政处罚");
        }

        if (CasePolicies.OutsideBenchmark(Power, penalty) && penalty.OutsideBenchmarkReason is null)
        {
            var (min, max) = CasePolicies.BenchmarkRange(Power, penalty)!.Value;
            check.Add("Penalty.OutsideBenchmarkReason", "APL-34", $"罚款超出裁量基准“{RegistryLabels.Of(penalty.Level)}”档的幅度（{Money.Yuan(min)}至{Money.Yuan(max)}元），须书面说明理由");
        }

        var previous = LastNotice;
        if (previous is not null && Details.Statement is not null && penalty.IsHeavierThan(previous.Penalty) && string.IsNullOrWhiteSpace(renoticeReason))
        {
            check.Add("Penalty", "APL-45", "当事人已陈述申辩，不得因其申辩而加重处罚；如有新的事实和证据，须写明后重新告知");
        }

        check.MaxLength("RenoticeReason", "重新告知理由", renoticeReason, 1000).ThrowIfAny();
        CheckCurrentTeam(team, ctx.Today);
        var hearingRight = CasePolicies.HasHearingRight(penalty, Party.Kind, ctx.Rules);
        var notice = new Notice(
            Details.Notices.Count + 1,
            penalty,
            facts.Trim(),
            reasons.Trim(),
            Power.LegalBasis,
            servedOn,
            hearingRight,
            ctx.Calendar.AddWorkingDays(servedOn, ctx.Rules.StatementWorkingDays),
            ctx.Calendar.AddWorkingDays(servedOn, ctx.Rules.HearingRequestWorkingDays),
            string.IsNullOrWhiteSpace(renoticeReason) ? null : renoticeReason.Trim());
        Details.Notices.Add(notice);
        Details.Statement = null;
        Details.Hearing = null;
        MoveTo(CaseProcedure.Notify);
        Step(ctx, previous is null ? "送达行政处罚事先告知书" : "重新告知", $"拟：{penalty.Describe()}；陈述申辩期限至{notice.StatementDeadline:yyyy-MM-dd}{(hearingRight ? $"；有权要求听证，期限至{notice.HearingRequestDeadline:yyyy-MM-dd}" : string.Empty)}", hearingRight ? "APL-63" : "APL-44");
        Commit("cases.case.notice-served", ctx);
    }

    /// <summary>APL-45: the party's statement and defence, or (APL-62) an express waiver.</summary>
    public void RecordStatement(string text, bool waived, DateOnly on, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.RecordStatement);
        var notice = LastNotice!;
        new Check()
            .That(waived || !string.IsNullOrWhiteSpace(text), "Text", "APL-45", "请记录当事人的陈述申辩意见，或注明当事人明确放弃")
            .MaxLength("Text", "陈述申辩意见", text, 8000)
            .That(on >= notice.ServedOn && on <= ctx.Today, "On", "INPUT-DATES", "陈述申辩日期须在告知之后、今天之前")
            .ThrowIfAny();
        Details.Statement = new StatementRecord(on, waived, waived ? string.Empty : text.Trim(), notice.No);
        Step(ctx, waived ? "当事人明确放弃陈述申辩" : "记录陈述申辩", waived ? string.Empty : "已记录并复核当事人的陈述申辩意见", waived ? "APL-62" : "APL-45");
        Commit("cases.case.statement-recorded", ctx);
    }

    /// <summary>APL-63/64: only with a hearing right, within 5 working days of the notice.</summary>
    public void RequestHearing(DateOnly on, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.RequestHearing);
        var notice = LastNotice!;
        if (!notice.HearingRight)
        {
            throw new DomainRuleException("APL-63", "拟作出的处罚不属于应当告知听证权利的情形", "Hearing");
        }

        new Check()
            .That(on >= notice.ServedOn && on <= ctx.Today, "On", "INPUT-DATES", "申请日期须在告知之后、今天之前")
            .That(on <= notice.HearingRequestDeadline, "On", "APL-64", $"当事人应在告知后{ctx.Rules.HearingRequestWorkingDays}个工作日内（{notice.HearingRequestDeadline:yyyy-MM-dd}前）提出听证要求，已逾期")
            .That(Details.Hearing is null, "On", "APL-64", "已经申请听证")
            .ThrowIfAny();
        Details.Hearing = new HearingRecord(on, null, null, null, null, null, null, null);
        Step(ctx, "当事人要求听证", $"{on:yyyy-MM-dd}提出", "APL-64");
        Commit("cases.case.hearing-requested", ctx);
    }

    /// <summary>APL-64: notice at least 7 (working) days before; presided by someone who did not investigate.</summary>
    public void ScheduleHearing(DateOnly noticeServedOn, DateOnly hearingOn, OfficerFacts presiding, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.ScheduleHearing);
        var h = Details.Hearing ?? throw DomainRuleException.Conflict("APL-64", "当事人未要求听证");
        var earliest = ctx.Calendar.AddWorkingDays(noticeServedOn, ctx.Rules.HearingNoticeWorkingDays);
        new Check()
            .That(noticeServedOn >= h.RequestedOn && noticeServedOn <= ctx.Today, "NoticeServedOn", "INPUT-DATES", "听证通知送达日期须在申请之后、今天之前")
            .That(hearingOn >= earliest, "HearingOn", "APL-64", $"听证通知须在听证的七个工作日前送达：最早可于{earliest:yyyy-MM-dd}举行")
            .That(!Details.Team.Exists(t => t.OfficerId == presiding.Id), "PresidingOfficerId", "APL-64", "听证由非本案调查人员主持")
            .That(presiding.AgencyId == AgencyId && presiding.MayEnforceOn(ctx.Today), "PresidingOfficerId", "APL-64", "主持人须为本机关持有效执法证的人员")
            .ThrowIfAny();
        Details.Hearing = h with { NoticeServedOn = noticeServedOn, HearingOn = hearingOn, PresidingOfficerId = presiding.Id, PresidingOfficerName = presiding.Name };
        Step(ctx, "送达听证通知书", $"{hearingOn:yyyy-MM-dd}举行，主持人{presiding.Name}", "APL-64");
        Commit("cases.case.hearing-scheduled", ctx);
    }

    /// <summary>
    /// APL-64/65: the hearing held (transcript signed by the party; with linked audio-video records when listed,
    /// GB118-REC-3), or the party's unexcused absence (waiver).
    /// </summary>
    public void RecordHearing(bool partyAttended, string transcriptSummary, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.RecordHearing);
        var h = Details.Hearing;
        if (h?.HearingOn is not { } on)
        {
            throw DomainRuleException.Conflict("APL-64", "尚未安排听证");
        }

        new Check()
            .That(on <= ctx.Today, "HearingOn", "INPUT-DATES", "听证日期未到")
            .That(!partyAttended || !string.IsNullOrWhiteSpace(transcriptSummary), "TranscriptSummary", "APL-65", "请记录听证笔录要点（笔录须交当事人核对签字）")
            .MaxLength("TranscriptSummary", "听证笔录要点", transcriptSummary, 8000)
            .ThrowIfAny();
        if (partyAttended)
        {
            RequireRecording(RecordingSteps.Hearing, ctx);
        }

        Details.Hearing = h with { Held = partyAttended, PartyAttended = partyAttended, TranscriptSummary = partyAttended ? transcriptSummary.Trim() : "当事人无正当理由拒不出席，视为放弃听证" };
        Step(ctx, partyAttended ? "举行听证" : "当事人未出席听证（视为放弃）", string.Empty, "APL-65");
        Commit("cases.case.hearing-recorded", ctx);
    }
}
