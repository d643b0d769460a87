namespace Sanxiang.Cases.Contracts;

/// <summary>简易程序 (on the spot, APL-51) or 普通程序 (the general procedure).</summary>
public enum Procedure
{
    General = 1,
    Summary = 2,
}

/// <summary>Where a case stands. Every transition is a method on the case aggregate that enforces the law.</summary>
public enum CaseStage
{
    Clue = 1,
    FilingRequested = 2,
    Investigation = 3,
    Notified = 4,
    Decided = 5,
    Served = 6,
    ClosingRequested = 7,
    Closed = 8,
    Archived = 9,
}

public enum PartyKind
{
    Person = 1,
    Organisation = 2,
}

/// <summary>Penalty kinds, lightest first, as the annual statistics count them.</summary>
public enum PenaltyKind
{
    Warning = 1,
    CirculatedCriticism = 2,
    Fine = 3,
    Confiscation = 4,
    LicenceSuspension = 5,
    QualificationLowering = 6,
    BusinessRestriction = 7,
    SuspendProduction = 8,
    Closure = 9,
    LicenceRevocation = 10,
    Other = 11,
}

/// <summary>The four outcomes of a general-procedure case (APL-57).</summary>
public enum DecisionOutcome
{
    Penalty = 1,
    NoPenalty = 2,
    RevokeCase = 3,
    TransferCrime = 4,
}

/// <summary>Why no penalty is given (APL-33, APL-30).</summary>
public enum NoPenaltyGround
{
    MinorCorrectedNoHarm = 1,
    FirstMinorViolation = 2,
    NoFault = 3,
    UnderFourteen = 4,
    Other = 5,
}

public enum ServiceMethod
{
    OnTheSpot = 1,
    Direct = 2,
    LeftAtResidence = 3,
    Post = 4,
    Electronic = 5,
    PublicNotice = 6,
}

/// <summary>Coercive or preservation measures taken within a case (ACL-18, ACL-25, APL-56).</summary>
public enum MeasureKind
{
    SealUp = 1,
    Seizure = 2,
    EvidencePreservation = 3,
}

public enum RemedyKind
{
    Reconsideration = 1,
    Litigation = 2,
}

/// <summary>RCN-1: how a reconsideration or a lawsuit ended. Revoked, changed, unlawful or void withdraws a published decision (APL-48).</summary>
public enum RemedyResult
{
    Upheld = 1,
    Revoked = 2,
    Changed = 3,
    FoundUnlawful = 4,
    FoundVoid = 5,
    Dismissed = 6,
    Withdrawn = 7,
}

public static class CaseLabels
{
    public static string Of(CaseStage s) => s switch
    {
        CaseStage.Clue => "线索登记",
        CaseStage.FilingRequested => "立案待批",
        CaseStage.Investigation => "调查取证",
        CaseStage.Notified => "已告知（陈述申辩期）",
        CaseStage.Decided => "已作出决定",
        CaseStage.Served => "已送达（执行中）",
        CaseStage.ClosingRequested => "结案待批",
        CaseStage.Closed => "已结案",
        CaseStage.Archived => "已归档",
        _ => s.ToString(),
    };

    public static string Of(Procedure p) => p == Procedure.Summary ? "简易程序" : "普通程序";

    public static string Of(PartyKind k) => k == PartyKind.Person ? "自然人" : "法人或其他组织";

    public static string Of(PenaltyKind k) => k switch
    {
        PenaltyKind.Warning => "警告",
        PenaltyKind.CirculatedCriticism => "通报批评",
        PenaltyKind.Fine => "罚款",
        PenaltyKind.Confiscation => "没收违法所得、没收非法财物",
        PenaltyKind.LicenceSuspension => "暂扣许可证件",
        PenaltyKind.QualificationLowering => "降低资质等级",
        PenaltyKind.BusinessRestriction => "限制开展生产经营活动",
        PenaltyKind.SuspendProduction => "责令停产停业",
        PenaltyKind.Closure => "责令关闭、限制从业",
        PenaltyKind.LicenceRevocation => "吊销许可证件",
        _ => "其他行政处罚",
    };

    public static string Of(DecisionOutcome o) => o switch
    {
        DecisionOutcome.Penalty => "给予行政处罚",
        DecisionOutcome.NoPenalty => "不予行政处罚",
        DecisionOutcome.RevokeCase => "撤销案件",
        DecisionOutcome.TransferCrime => "移送司法机关",
        _ => o.ToString(),
    };

    public static string Of(NoPenaltyGround g) => g switch
    {
        NoPenaltyGround.MinorCorrectedNoHarm => "违法行为轻微并及时改正，没有造成危害后果",
        NoPenaltyGround.FirstMinorViolation => "初次违法且危害后果轻微并及时改正（首违不罚）",
        NoPenaltyGround.NoFault => "当事人有证据足以证明没有主观过错",
        NoPenaltyGround.UnderFourteen => "不满十四周岁",
        _ => "其他法定情形",
    };

    public static string Of(ServiceMethod m) => m switch
    {
        ServiceMethod.OnTheSpot => "当场交付",
        ServiceMethod.Direct => "直接送达",
        ServiceMethod.LeftAtResidence => "留置送达",
        ServiceMethod.Post => "邮寄送达",
        ServiceMethod.Electronic => "电子送达",
        ServiceMethod.PublicNotice => "公告送达",
        _ => m.ToString(),
    };

    public static string Of(MeasureKind k) => k switch
    {
        MeasureKind.SealUp => "查封",
        MeasureKind.Seizure => "扣押",
        MeasureKind.EvidencePreservation => "先行登记保存",
        _ => k.ToString(),
    };

    public static string Of(RemedyKind k) => k == RemedyKind.Reconsideration ? "行政复议" : "行政诉讼";

    public static string Of(RemedyResult r) => r switch
    {
        RemedyResult.Upheld => "维持",
        RemedyResult.Revoked => "撤销",
        RemedyResult.Changed => "变更",
        RemedyResult.FoundUnlawful => "确认违法",
        RemedyResult.FoundVoid => "确认无效",
        RemedyResult.Dismissed => "驳回",
        RemedyResult.Withdrawn => "撤回申请或起诉",
        _ => r.ToString(),
    };
}

/// <summary>The standard documents (执法文书) a case issues, each numbered per agency, year and kind.</summary>
public enum DocumentKind
{
    FilingApproval = 1,
    InspectionRecord = 2,
    InquiryRecord = 3,
    PreservationNotice = 4,
    SeizureDecision = 5,
    PriorNotice = 6,
    HearingRightsNotice = 7,
    HearingNotice = 8,
    PenaltyDecision = 9,
    NoPenaltyDecision = 10,
    ServiceReceipt = 11,
    ClosingApproval = 12,
}

public static class DocumentLabels
{
    public static string Title(DocumentKind k) => k switch
    {
        DocumentKind.FilingApproval => "立案审批表",
        DocumentKind.InspectionRecord => "现场检查（勘验）笔录",
        DocumentKind.InquiryRecord => "询问笔录",
        DocumentKind.PreservationNotice => "先行登记保存通知书",
        DocumentKind.SeizureDecision => "查封（扣押）决定书",
        DocumentKind.PriorNotice => "行政处罚事先告知书",
        DocumentKind.HearingRightsNotice => "听证告知书",
        DocumentKind.HearingNotice => "听证通知书",
        DocumentKind.PenaltyDecision => "行政处罚决定书",
        DocumentKind.NoPenaltyDecision => "不予行政处罚决定书",
        DocumentKind.ServiceReceipt => "送达回证",
        DocumentKind.ClosingApproval => "结案审批表",
        _ => k.ToString(),
    };

    /// <summary>The character(s) of the document number (文号) after the agency's abbreviation, e.g. 罚 in 安平市监罚〔2026〕12号.</summary>
    public static string NumberKind(DocumentKind k) => k switch
    {
        DocumentKind.FilingApproval => "立审",
        DocumentKind.InspectionRecord => "检",
        DocumentKind.InquiryRecord => "询",
        DocumentKind.PreservationNotice => "保",
        DocumentKind.SeizureDecision => "强",
        DocumentKind.PriorNotice => "告",
        DocumentKind.HearingRightsNotice => "听告",
        DocumentKind.HearingNotice => "听通",
        DocumentKind.PenaltyDecision => "罚",
        DocumentKind.NoPenaltyDecision => "不罚",
        DocumentKind.ServiceReceipt => "送",
        DocumentKind.ClosingApproval => "结审",
        _ => "文",
    };
}
