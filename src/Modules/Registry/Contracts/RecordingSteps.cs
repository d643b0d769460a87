namespace Sanxiang.Registry.Contracts;

/// <summary>
/// The case steps an agency's recording-required list (音像记录事项清单) can name (GB118-REC-2/3). A media item
/// documents one of them (its <c>Step</c>), and the case engine refuses to complete a listed step without linked media
/// unless the agency head approved a written exception. Codes are stable: they are stored with media and exceptions.
/// </summary>
public static class RecordingSteps
{
    /// <summary>查封、扣押 (GB118-REC-2: touches major property).</summary>
    public const string SealUpSeizure = "seal-up-seizure";

    /// <summary>现场检查 of the powers the list names (GB118-REC-3).</summary>
    public const string OnSiteInspection = "on-site-inspection";

    /// <summary>先行登记保存等证据收集 (GB118-REC-3).</summary>
    public const string EvidenceCollection = "evidence-collection";

    /// <summary>听证 (GB118-REC-3).</summary>
    public const string Hearing = "hearing";

    /// <summary>留置送达 (GB118-REC-3).</summary>
    public const string ServiceByLeaving = "service-left";

    /// <summary>公告送达 (GB118-REC-3).</summary>
    public const string ServiceByNotice = "service-notice";

    /// <summary>强制执行 (GB118-REC-2: forced demolition and the like).</summary>
    public const string CompulsoryEnforcement = "compulsory-enforcement";

    /// <summary>Any other on-site step (not listed by default; media may still document it).</summary>
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } =
        [SealUpSeizure, OnSiteInspection, EvidenceCollection, Hearing, ServiceByLeaving, ServiceByNotice, CompulsoryEnforcement, Other];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        SealUpSeizure => "查封、扣押",
        OnSiteInspection => "现场检查",
        EvidenceCollection => "证据收集（先行登记保存）",
        Hearing => "听证",
        ServiceByLeaving => "留置送达",
        ServiceByNotice => "公告送达",
        CompulsoryEnforcement => "强制执行",
        Other => "其他现场执法",
        _ => code,
    };

    /// <summary>The rule that requires recording the step: GB118-REC-2 (full recording) or GB118-REC-3 (as the list requires).</summary>
    public static string Rule(string code) => code is SealUpSeizure or CompulsoryEnforcement ? "GB118-REC-2" : "GB118-REC-3";
}
