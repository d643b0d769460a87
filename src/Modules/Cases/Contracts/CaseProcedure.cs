namespace Sanxiang.Cases.Contracts;

/// <summary>
/// One lawful action of the case engine: the stages it may be taken in (<see cref="From"/>; empty for an action that
/// opens a case), the stage it moves the case to (<see cref="To"/>; null when the case stays where it is) and the rule
/// it carries out. The aggregate checks its stage guards against these very objects, so the published flowchart
/// (GB118-PUB-1) is drawn from what the engine enforces, not from a picture.
/// </summary>
public sealed record CaseAction(string Code, string Label, IReadOnlyList<CaseStage> From, CaseStage? To, string? RuleId)
{
    /// <summary>The stage the action leads to; throws for an action that keeps the stage.</summary>
    public CaseStage Target => To ?? throw new InvalidOperationException($"The action {Code} does not change the stage.");
}

/// <summary>The penalty procedure as the case engine runs it: its stages in order and every action it allows.</summary>
public static class CaseProcedure
{
    private static readonly CaseStage[] Investigating = [CaseStage.Investigation, CaseStage.Notified];

    /// <summary>The stages in the order a general-procedure case passes through them.</summary>
    public static IReadOnlyList<CaseStage> Stages { get; } = Enum.GetValues<CaseStage>().Order().ToArray();

    public static readonly CaseAction RegisterClue = new("register-clue", "登记线索", [], CaseStage.Clue, "APL-54");
    public static readonly CaseAction DecideOnTheSpot = new("decide-on-the-spot", "当场作出处罚决定（简易程序）", [], CaseStage.Served, "APL-51");
    public static readonly CaseAction RequestFiling = new("request-filing", "申请立案", [CaseStage.Clue], CaseStage.FilingRequested, "APL-54");
    public static readonly CaseAction ApproveFiling = new("approve-filing", "批准立案", [CaseStage.FilingRequested], CaseStage.Investigation, "APL-54");
    public static readonly CaseAction RejectFiling = new("reject-filing", "不予立案", [CaseStage.Clue, CaseStage.FilingRequested], CaseStage.Closed, "APL-54");
    public static readonly CaseAction AssignTeam = new("assign-team", "指派执法人员", [CaseStage.Clue, CaseStage.FilingRequested, .. Investigating], null, "APL-42");
    public static readonly CaseAction RequestRecusal = new("request-recusal", "申请回避", [CaseStage.Clue, CaseStage.FilingRequested, .. Investigating], null, "APL-43");
    public static readonly CaseAction CollectEvidence = new("collect-evidence", "收集证据", Investigating, null, "APL-46");
    public static readonly CaseAction MarkCircumstances = new("mark-circumstances", "标记案件情形", Investigating, null, "APL-58");
    public static readonly CaseAction TakeMeasure = new("take-measure", "采取强制措施", Investigating, null, "ACL-18");
    public static readonly CaseAction Notify = new("notify", "告知拟处罚决定", Investigating, CaseStage.Notified, "APL-44");
    public static readonly CaseAction RecordStatement = new("record-statement", "记录陈述申辩", [CaseStage.Notified], null, "APL-45");
    public static readonly CaseAction RequestHearing = new("request-hearing", "申请听证", [CaseStage.Notified], null, "APL-63");
    public static readonly CaseAction ScheduleHearing = new("schedule-hearing", "安排听证", [CaseStage.Notified], null, "APL-64");
    public static readonly CaseAction RecordHearing = new("record-hearing", "记录听证", [CaseStage.Notified], null, "APL-65");
    public static readonly CaseAction RecordDiscussion = new("record-discussion", "记录集体讨论", Investigating, null, "APL-57");
    public static readonly CaseAction ExtendDeadline = new("extend-deadline", "延长办案期限", Investigating, null, "APL-60");
    public static readonly CaseAction Decide = new("decide", "作出决定", Investigating, CaseStage.Decided, "APL-57");
    public static readonly CaseAction ApproveRecordingException = new("approve-recording-exception", "批准音像记录例外", [.. Investigating, CaseStage.Decided, CaseStage.Served], null, "GB118-REC-3");
    public static readonly CaseAction Serve = new("serve", "送达决定书", [CaseStage.Decided], CaseStage.Served, "APL-61");
    public static readonly CaseAction RecordRemedy = new("record-remedy", "登记复议诉讼", [CaseStage.Decided, CaseStage.Served, CaseStage.ClosingRequested, CaseStage.Closed], null, "APL-73");
    public static readonly CaseAction RecordBankPayment = new("record-bank-payment", "登记银行缴款", [CaseStage.Served], null, "APL-67");
    public static readonly CaseAction CollectOnTheSpot = new("collect-on-the-spot", "当场收缴罚款", [CaseStage.Served], null, "APL-68");
    public static readonly CaseAction ApproveDeferral = new("approve-deferral", "批准延期缴纳", [CaseStage.Served], null, "APL-66");
    public static readonly CaseAction ApproveInstalments = new("approve-instalments", "批准分期缴纳", [CaseStage.Served], null, "APL-66");
    public static readonly CaseAction ServeDemand = new("serve-demand", "送达催告书", [CaseStage.Served], null, "ACL-35");
    public static readonly CaseAction ApplyToCourt = new("apply-to-court", "申请法院强制执行", [CaseStage.Served], null, "APL-72");
    public static readonly CaseAction RecordCourtResult = new("record-court-result", "登记法院执行结果", [CaseStage.Served], null, "APL-72");
    public static readonly CaseAction RequestClosing = new("request-closing", "申请结案", [CaseStage.Decided, CaseStage.Served], CaseStage.ClosingRequested, null);
    public static readonly CaseAction ApproveClosing = new("approve-closing", "批准结案", [CaseStage.ClosingRequested], CaseStage.Closed, null);
    public static readonly CaseAction Archive = new("archive", "归档", [CaseStage.Closed], CaseStage.Archived, "GB118-REC-4");

    /// <summary>Every action, in procedure order.</summary>
    public static IReadOnlyList<CaseAction> Actions { get; } =
    [
        RegisterClue, DecideOnTheSpot, RequestFiling, ApproveFiling, RejectFiling, AssignTeam, RequestRecusal, CollectEvidence,
        MarkCircumstances, TakeMeasure, Notify, RecordStatement, RequestHearing, ScheduleHearing, RecordHearing, RecordDiscussion,
        ExtendDeadline, Decide, ApproveRecordingException, Serve, RecordRemedy, RecordBankPayment, CollectOnTheSpot, ApproveDeferral,
        ApproveInstalments, ServeDemand, ApplyToCourt, RecordCourtResult, RequestClosing, ApproveClosing, Archive,
    ];

    /// <summary>The (from, to, action) edges that move a case between stages; from is null for an action that opens a case.</summary>
    public static IReadOnlyList<(CaseStage? From, CaseStage To, CaseAction Action)> Transitions { get; } =
        [.. Actions.Where(a => a.To is not null).SelectMany(a => a.From.Count == 0
            ? [((CaseStage?)null, a.To!.Value, a)]
            : a.From.Where(f => f != a.To).Select(f => ((CaseStage?)f, a.To!.Value, a)))];

    /// <summary>The actions that keep the case in <paramref name="stage"/> (steps taken within it).</summary>
    public static IReadOnlyList<CaseAction> StepsWithin(CaseStage stage) =>
        [.. Actions.Where(a => a.From.Contains(stage) && (a.To is null || a.To == stage))];
}
