namespace Sanxiang.Cases.Domain;

/// <summary>
/// One written exception to the recording-required list (GB118-REC-2/3) as supervisors and heads list them across
/// cases: a copy of the <see cref="RecordingException"/> kept in the case, written in the same save. Never changed.
/// </summary>
internal sealed class RecordingExceptionEntry
{
    private RecordingExceptionEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string CaseNumber { get; private set; } = string.Empty;

    public string StepCode { get; private set; } = string.Empty;

    /// <summary>The head's written reason (no personal data is asked for; it is the head's own text).</summary>
    public string Reason { get; private set; } = string.Empty;

    public string ApprovedBy { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    /// <summary>The entry for the exception the case last approved.</summary>
    public static RecordingExceptionEntry Of(CaseFile c)
    {
        var e = c.Details.RecordingExceptions[^1];
        return new RecordingExceptionEntry
        {
            Id = Guid.CreateVersion7(e.At),
            CaseId = c.Id,
            AgencyId = c.AgencyId,
            CaseNumber = c.Number,
            StepCode = e.StepCode,
            Reason = e.Reason,
            ApprovedBy = e.ApprovedBy,
            At = e.At.ToUniversalTime(),
        };
    }
}
