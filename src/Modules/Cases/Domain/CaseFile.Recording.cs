using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Domain;

/// <summary>The head's written approval to complete a listed step of this case without linked audio-video records.</summary>
internal sealed record RecordingException(string StepCode, string Reason, string ApprovedBy, DateTimeOffset At);

internal sealed partial class CaseFile
{
    /// <summary>A written exception states its reason in at least this many characters.</summary>
    public const int MinExceptionReasonLength = 10;

    /// <summary>The evidence kind whose record (勘验笔录、现场笔录) is the record of an on-site inspection.</summary>
    public const string OnSiteRecordKind = "勘验笔录、现场笔录";

    /// <summary>The recording step of a measure: seal-up and seizure (GB118-REC-2) or evidence preservation (GB118-REC-3).</summary>
    public static string RecordingStepOf(MeasureKind kind) =>
        kind == MeasureKind.EvidencePreservation ? RecordingSteps.EvidenceCollection : RecordingSteps.SealUpSeizure;

    /// <summary>The recording step of a service: by leaving or by public notice (GB118-REC-3); other methods have none.</summary>
    public static string? RecordingStepOf(ServiceMethod method) => method switch
    {
        ServiceMethod.LeftAtResidence => RecordingSteps.ServiceByLeaving,
        ServiceMethod.PublicNotice => RecordingSteps.ServiceByNotice,
        _ => null,
    };

    /// <summary>The recording step of a piece of evidence: an on-site inspection record; other kinds have none.</summary>
    public static string? RecordingStepOfEvidence(string? kind) => kind == OnSiteRecordKind ? RecordingSteps.OnSiteInspection : null;

    /// <summary>The steps a head may except (every step the list can name, except "other", which no case step asks about).</summary>
    public static IReadOnlyList<string> ExceptableSteps { get; } = [.. RecordingSteps.All.Where(s => s != RecordingSteps.Other)];

    public bool HasRecordingException(string stepCode) => Details.RecordingExceptions.Exists(e => e.StepCode == stepCode);

    /// <summary>
    /// GB118-REC-2/3: a step on the agency's recording-required list (for an on-site inspection: of a listed power)
    /// completes only with audio-video records linked to this case and step, or with the head's written exception for
    /// this case and step. The handler passes the list and the linked count in the context; without them the defaults
    /// apply and nothing counts as linked.
    /// </summary>
    private void RequireRecording(string? stepCode, CaseContext ctx)
    {
        if (stepCode is null || !ctx.Recordings.Requires(stepCode, Power.Code))
        {
            return;
        }

        if (ctx.LinkedRecordings is { } linked && linked.TryGetValue(stepCode, out var count) && count > 0)
        {
            return;
        }

        if (HasRecordingException(stepCode))
        {
            return;
        }

        var rule = RecordingSteps.Rule(stepCode);
        throw new DomainRuleException(rule, $"{RecordingSteps.Label(stepCode)}须有同步音像记录（{rule}）：请先上传并关联执法记录仪视频，或经行政机关负责人书面批准例外", "Recording");
    }

    /// <summary>
    /// The head approves in writing that this step of this case may complete without linked audio-video records
    /// (GB118-REC-2/3). Once per case and step; the reason is kept in the case and shown to supervisors.
    /// </summary>
    public void ApproveRecordingException(string stepCode, string reason, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.ApproveRecordingException);
        var known = ExceptableSteps.Contains(stepCode);
        var rule = known ? RecordingSteps.Rule(stepCode) : "GB118-REC-3";
        RequireHead(ctx, rule, "不进行音像记录的例外");
        new Check()
            .That(known, "StepCode", "GB118-REC-3", "请选择需要例外的执法环节")
            .Required("Reason", "例外理由", reason, 1000)
            .That((reason ?? string.Empty).Trim().Length >= MinExceptionReasonLength, "Reason", rule, $"例外理由须写明不能音像记录的原因（至少{MinExceptionReasonLength}个字）")
            .That(!known || !HasRecordingException(stepCode), "StepCode", rule, "本案该环节已批准例外")
            .ThrowIfAny();
        Details.RecordingExceptions.Add(new RecordingException(stepCode, reason!.Trim(), ctx.Actor.UserId, ctx.Now));
        Step(ctx, "批准音像记录例外", $"{RecordingSteps.Label(stepCode)}：{reason.Trim()}", rule);
        Commit("cases.case.recording-exception-approved", ctx);
    }
}
