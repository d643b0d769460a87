namespace Sanxiang.Reviews.Contracts;

/// <summary>Where a legal review stands.</summary>
public enum ReviewStatus
{
    /// <summary>Registered with its number; the legal unit has not yet assigned reviewers.</summary>
    AwaitingAssignment = 1,

    /// <summary>Assigned; the reviewers are examining the proposed decision.</summary>
    InReview = 2,

    /// <summary>The reviewers asked for further materials: the clock stops until the team supplies them.</summary>
    SupplementRequested = 3,

    /// <summary>Problems found: the team amends the proposed decision and submits again.</summary>
    Returned = 4,

    /// <summary>Agreed: the decision exactly as proposed may be made (APL-58).</summary>
    Passed = 5,

    /// <summary>The reviewers disagree with the proposed decision.</summary>
    Disagreed = 6,

    /// <summary>The reviewers found a suspected crime: the case should be transferred.</summary>
    TransferRecommended = 7,

    /// <summary>A dispute the team and the legal unit could not resolve went to the heads' collective discussion (APL-57).</summary>
    Discussion = 8,
}

/// <summary>The written opinion's outcome (GB118-REV-3).</summary>
public enum ReviewOutcome
{
    Agree = 1,
    AmendAndResubmit = 2,
    Disagree = 3,
    SupplementMaterials = 4,
    TransferAsCrime = 5,
}

/// <summary>The GB118-REV-2 checklist: what every review examines.</summary>
public enum ChecklistItem
{
    LawfulAgency = 1,
    QualifiedOfficers = 2,
    LawfulProcedure = 3,
    FactsAndEvidence = 4,
    LawAndDiscretion = 5,
    WithinPowers = 6,
    DocumentsComplete = 7,
    SuspectedCrime = 8,
}

/// <summary>The submission's materials (送审材料), required per decision type.</summary>
public enum MaterialKind
{
    InvestigationReport = 1,
    EvidenceList = 2,
    NoticeAndServiceProof = 3,
    StatementOrHearingRecord = 4,
    ProposedDecisionDocument = 5,
    DiscretionReasoning = 6,
    TransferReasoning = 7,
}

public static class ReviewLabels
{
    public static string Of(ReviewStatus s) => s switch
    {
        ReviewStatus.AwaitingAssignment => "待分配",
        ReviewStatus.InReview => "审核中",
        ReviewStatus.SupplementRequested => "待补充材料（计时中止）",
        ReviewStatus.Returned => "退回修改",
        ReviewStatus.Passed => "审核通过",
        ReviewStatus.Disagreed => "不同意",
        ReviewStatus.TransferRecommended => "建议移送司法机关",
        ReviewStatus.Discussion => "提请集体讨论",
        _ => s.ToString(),
    };

    public static string Of(ReviewOutcome o) => o switch
    {
        ReviewOutcome.Agree => "同意",
        ReviewOutcome.AmendAndResubmit => "修改后重新送审",
        ReviewOutcome.Disagree => "不同意",
        ReviewOutcome.SupplementMaterials => "补充材料",
        ReviewOutcome.TransferAsCrime => "涉嫌犯罪，建议移送",
        _ => o.ToString(),
    };

    public static string Of(ChecklistItem i) => i switch
    {
        ChecklistItem.LawfulAgency => "执法主体是否合法",
        ChecklistItem.QualifiedOfficers => "执法人员是否具备执法资格",
        ChecklistItem.LawfulProcedure => "执法程序是否合法",
        ChecklistItem.FactsAndEvidence => "案件事实是否清楚，证据是否合法充分",
        ChecklistItem.LawAndDiscretion => "适用法律、法规、规章是否准确，裁量基准运用是否适当",
        ChecklistItem.WithinPowers => "是否超越执法机关法定权限",
        ChecklistItem.DocumentsComplete => "执法文书是否完备、规范",
        ChecklistItem.SuspectedCrime => "违法行为是否涉嫌犯罪、需要移送司法机关",
        _ => i.ToString(),
    };

    public static string Of(MaterialKind m) => m switch
    {
        MaterialKind.InvestigationReport => "调查终结报告",
        MaterialKind.EvidenceList => "证据材料清单",
        MaterialKind.NoticeAndServiceProof => "行政处罚事先告知书及送达回证",
        MaterialKind.StatementOrHearingRecord => "陈述申辩笔录或听证笔录（或放弃、逾期的记录）",
        MaterialKind.ProposedDecisionDocument => "拟作出的决定书文本",
        MaterialKind.DiscretionReasoning => "裁量说明",
        MaterialKind.TransferReasoning => "涉嫌犯罪移送的理由",
        _ => m.ToString(),
    };
}
