using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Domain;

/// <summary>The ACL-18 steps of a coercive measure, each confirmed by the officers on the spot.</summary>
internal sealed record MeasureSteps(
    bool CertificatesShown,
    bool PartyNotified,
    bool ReasonsAndRightsTold,
    bool PartyHeard,
    bool RecordSigned,
    bool PartyRefusedToSign,
    string? Witness);

internal sealed partial class CaseFile
{
    /// <summary>
    /// Seal-up, seizure (ACL-18, ACL-25) or evidence preservation (APL-56) within the case. Prior head approval
    /// is required, except in an emergency (ACL-19: approval within 24 hours afterwards). At least two certified
    /// officers; every ACL-18 step confirmed; a refusal to sign needs a witness. A seal-up or seizure needs linked
    /// audio-video records (GB118-REC-2), evidence preservation when the agency lists it (GB118-REC-3).
    /// </summary>
    public int TakeMeasure(MeasureKind kind, string items, DateOnly startedOn, bool headApproved, bool emergency, MeasureSteps steps, IReadOnlyList<OfficerFacts> team, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.TakeMeasure);
        var acl = kind == MeasureKind.EvidencePreservation ? "APL-56" : "ACL-18";
        var check = new Check()
            .That(Enum.IsDefined(kind), "Kind", "INPUT-ENUM", "措施种类无效")
            .Required("Items", "物品清单", items, 4000)
            .That(startedOn <= ctx.Today && startedOn >= ctx.Today.AddDays(-1), "StartedOn", "INPUT-DATES", "措施须当场登记（实施日期为今天或昨天）")
            .That(headApproved || (emergency && kind != MeasureKind.EvidencePreservation), "HeadApproved", acl, kind == MeasureKind.EvidencePreservation
                ? "先行登记保存须经行政机关负责人批准"
                : "实施查封、扣押前须报行政机关负责人批准（情况紧急的，须在24小时内补办批准手续）")
            .That(steps.CertificatesShown, "Steps.CertificatesShown", acl, "须出示执法身份证件")
            .That(steps.PartyNotified, "Steps.PartyNotified", "ACL-18", "须通知当事人到场")
            .That(steps.ReasonsAndRightsTold, "Steps.ReasonsAndRightsTold", "ACL-18", "须当场告知当事人采取措施的理由、依据以及依法享有的权利、救济途径")
            .That(steps.PartyHeard, "Steps.PartyHeard", "ACL-18", "须听取当事人的陈述和申辩")
            .That(steps.RecordSigned, "Steps.RecordSigned", "ACL-18", "须制作现场笔录，由当事人和执法人员签名或者盖章")
            .That(!steps.PartyRefusedToSign || !string.IsNullOrWhiteSpace(steps.Witness), "Steps.Witness", "ACL-18", "当事人拒绝签名的，须在笔录中注明并由见证人签名");
        check.ThrowIfAny();
        CheckCurrentTeam(team, ctx.Today);
        RequireRecording(RecordingStepOf(kind), ctx);
        var ends = kind == MeasureKind.EvidencePreservation
            ? ctx.Calendar.AddWorkingDays(startedOn, ctx.Rules.PreservationWorkingDays)
            : ctx.Calendar.AddCalendarDays(startedOn, ctx.Rules.SeizureDays);
        var no = Details.Measures.Count + 1;
        Details.Measures.Add(new Measure(no, kind, items.Trim(), startedOn, ends, emergency && !headApproved, ctx.Now, headApproved ? ctx.Now : null, 0, null, null));
        Step(ctx, CaseLabels.Of(kind), $"措施{no}，期限至{ends:yyyy-MM-dd}{(emergency && !headApproved ? "（紧急情况，须24小时内补办批准）" : string.Empty)}", kind == MeasureKind.EvidencePreservation ? "APL-56" : "ACL-25");
        Commit("cases.case.measure-taken", ctx);
        return no;
    }

    /// <summary>ACL-19: approval of an emergency measure within 24 hours; later, the measure must be released.</summary>
    public void ApproveEmergencyMeasure(int no, CaseContext ctx)
    {
        EnsureWritable();
        RequireHead(ctx, "ACL-19", "补办强制措施批准手续");
        var (i, m) = FindMeasure(no);
        if (m.ApprovedAt is not null)
        {
            throw new DomainRuleException("ACL-19", "该措施已经批准", "No");
        }

        if (ctx.Now > m.TakenAt.AddHours(ctx.Rules.EmergencyApprovalHours))
        {
            throw new DomainRuleException("ACL-19", $"紧急情况下实施的措施须在{ctx.Rules.EmergencyApprovalHours}小时内补办批准手续，已超时，应当立即解除", "No");
        }

        Details.Measures[i] = m with { ApprovedAt = ctx.Now };
        Step(ctx, "补办强制措施批准", $"措施{no}", "ACL-19");
        Commit("cases.case.measure-approved", ctx);
    }

    /// <summary>ACL-25: one extension of at most 30 days, approved by the head, before the period ends, with written notice.</summary>
    public void ExtendMeasure(int no, int days, string reason, CaseContext ctx)
    {
        EnsureWritable();
        RequireHead(ctx, "ACL-25", "延长查封、扣押期限");
        var (i, m) = FindMeasure(no);
        new Check()
            .That(m.Kind != MeasureKind.EvidencePreservation, "No", "APL-56", "先行登记保存不能延长，须在七个工作日内作出处理决定")
            .That(m.EndedOn is null, "No", "ACL-25", "措施已经解除")
            .That(m.Extensions == 0, "No", "ACL-25", "查封、扣押的期限只能延长一次")
            .That(days is > 0 && days <= ctx.Rules.SeizureExtensionDays, "Days", "ACL-25", $"延长期限不得超过{ctx.Rules.SeizureExtensionDays}日")
            .That(ctx.Today <= m.EndsOn, "No", "ACL-25", "期限已经届满，不能再延长，应当解除")
            .Required("Reason", "延长理由", reason, 500)
            .ThrowIfAny();
        var ends = ctx.Calendar.AddCalendarDays(m.EndsOn, days);
        Details.Measures[i] = m with { EndsOn = ends, Extensions = 1 };
        Step(ctx, "延长查封、扣押期限", $"措施{no}延长{days}日至{ends:yyyy-MM-dd}，书面告知当事人：{reason.Trim()}", "ACL-25");
        Commit("cases.case.measure-extended", ctx);
    }

    /// <summary>ACL-28: release (return the property) or, for preserved evidence, the handling decision (APL-56).</summary>
    public void EndMeasure(int no, string outcome, CaseContext ctx)
    {
        EnsureWritable();
        var (i, m) = FindMeasure(no);
        new Check().That(m.EndedOn is null, "No", "ACL-28", "措施已经解除").Required("Outcome", "处理结果", outcome, 500).ThrowIfAny();
        Details.Measures[i] = m with { EndedOn = ctx.Today, Outcome = outcome.Trim() };
        Step(ctx, m.Kind == MeasureKind.EvidencePreservation ? "对先行登记保存的证据作出处理决定" : "解除措施", $"措施{no}：{outcome.Trim()}", m.Kind == MeasureKind.EvidencePreservation ? "APL-56" : "ACL-28");
        Commit("cases.case.measure-ended", ctx);
    }

    private (int Index, Measure Measure) FindMeasure(int no)
    {
        var i = Details.Measures.FindIndex(m => m.No == no);
        return i < 0 ? throw new DomainRuleException("INPUT-NOTFOUND", "没有该措施", "No") : (i, Details.Measures[i]);
    }
}
