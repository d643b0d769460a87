using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Domain;

internal sealed partial class CaseFile
{
    /// <summary>APL-36: the last day on which the act may still be penalised.</summary>
    public DateOnly LimitationEndsOn(CaseRuleOptions rules) =>
        (Details.ActEndedOn ?? Details.ActOn).AddYears(Details.HarmsSafety ? rules.LongLimitationYears : rules.LimitationYears);

    /// <summary>
    /// Submits the filing (立案) for the head's approval. APL-36: no case for an act discovered after the
    /// limitation period (2 years, 5 where life, health or financial security was harmed). APL-42: the team.
    /// </summary>
    public void RequestFiling(IReadOnlyList<OfficerFacts> team, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.RequestFiling);
        var limit = LimitationEndsOn(ctx.Rules);
        if (Details.DiscoveredOn > limit)
        {
            throw new DomainRuleException("APL-36", $"违法行为在{(Details.HarmsSafety ? ctx.Rules.LongLimitationYears : ctx.Rules.LimitationYears)}年内未被发现（应于{limit:yyyy-MM-dd}前发现），不再给予行政处罚，不能立案", "DiscoveredOn");
        }

        CheckCurrentTeam(team, ctx.Today);
        MoveTo(CaseProcedure.RequestFiling);
        Step(ctx, "提请立案审批", $"适用权力：{Power.Code} {Power.Name}", "APL-54");
        Commit("cases.case.filing-requested", ctx);
    }

    /// <summary>The head approves filing: the case gets its number and the APL-60 decision deadline starts.</summary>
    public void ApproveFiling(string caseNumber, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.ApproveFiling);
        RequireHead(ctx, "APL-54", "立案");
        MoveTo(CaseProcedure.ApproveFiling);
        Number = caseNumber;
        FiledOn = ctx.Today;
        DecisionDeadline = ctx.Calendar.AddCalendarDays(ctx.Today, ctx.Rules.DecisionDays);
        Step(ctx, "批准立案", $"案号 {caseNumber}；应于{DecisionDeadline:yyyy-MM-dd}前作出决定", "APL-60");
        Commit("cases.case.filed", ctx);
    }

    /// <summary>The head refuses filing (不予立案); the clue is closed.</summary>
    public void RejectFiling(string reason, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.RejectFiling);
        RequireHead(ctx, "APL-54", "不予立案");
        new Check().Required("Reason", "不予立案理由", reason, 1000).ThrowIfAny();
        MoveTo(CaseProcedure.RejectFiling);
        Details.ClosingSummary = reason.Trim();
        Step(ctx, "不予立案", reason.Trim(), "APL-54");
        Commit("cases.case.filing-rejected", ctx);
    }

    /// <summary>APL-46: eight kinds of evidence; unlawfully obtained evidence is kept on file but may not be relied on.</summary>
    public static readonly IReadOnlyList<string> EvidenceKinds = ["书证", "物证", "视听资料", "电子数据", "证人证言", "当事人的陈述", "鉴定意见", OnSiteRecordKind];

    /// <summary>
    /// Records a piece of evidence. An on-site inspection record (勘验笔录、现场笔录) of a power the agency's
    /// recording-required list names for on-site inspection needs linked audio-video records (GB118-REC-3).
    /// </summary>
    public void RecordEvidence(string kind, string description, DateOnly collectedOn, bool lawfullyObtained, string? fileSha256, IReadOnlyList<OfficerFacts> team, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.CollectEvidence);
        new Check()
            .That(EvidenceKinds.Contains(kind), "Kind", "APL-46", "证据种类须为法定八种之一")
            .Required("Description", "证据说明", description, 1000)
            .That(collectedOn <= ctx.Today && collectedOn >= Details.ActOn, "CollectedOn", "INPUT-DATES", "取证日期须在违法行为发生之后、今天之前")
            .That(fileSha256 is null || (fileSha256.Length == 64 && fileSha256.All(char.IsAsciiHexDigit)), "FileSha256", "INPUT-FORMAT", "附件哈希须为64位十六进制SHA-256")
            .ThrowIfAny();
        CheckCurrentTeam(team, ctx.Today);
        RequireRecording(RecordingStepOfEvidence(kind), ctx);
        var no = Details.Evidence.Count + 1;
        Details.Evidence.Add(new EvidenceItem(no, kind, description.Trim(), collectedOn, lawfullyObtained, fileSha256?.ToLowerInvariant()));
        Step(ctx, "收集证据", $"证据{no}：{kind}{(lawfullyObtained ? string.Empty : "（非法取得，不得作为认定事实的根据）")}", "APL-46");
        Commit("cases.case.evidence-recorded", ctx, fileSha256?.ToLowerInvariant());
    }

    /// <summary>Marks the case as one of major public interest or with several legal relations (ReviewCatalog, APL-58).</summary>
    public void FlagComplexity(bool majorPublicInterest, bool severalLegalRelations, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.MarkCircumstances);
        Details.MajorPublicInterest = majorPublicInterest;
        Details.SeveralLegalRelations = severalLegalRelations;
        Step(ctx, "标记案件情形", $"重大公共利益：{(majorPublicInterest ? "是" : "否")}；多个法律关系：{(severalLegalRelations ? "是" : "否")}", "APL-58");
        Commit("cases.case.flagged", ctx);
    }
}
