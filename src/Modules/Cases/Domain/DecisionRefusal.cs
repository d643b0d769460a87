using Sanxiang.Kernel.Domain;

namespace Sanxiang.Cases.Domain;

/// <summary>
/// A decision the legal-review gate refused (APL-58): who tried, when, on which case and which proposed decision.
/// Recorded so that supervisors see every attempt to decide a major case without a passed review; never changed.
/// </summary>
internal sealed class DecisionRefusal : AggregateRoot
{
    private DecisionRefusal()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string CaseNumber { get; private set; } = string.Empty;

    public string Actor { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    public string Fingerprint { get; private set; } = string.Empty;

    /// <summary>The refusal as the user saw it (names the catalog rules; no personal data).</summary>
    public string Reason { get; private set; } = string.Empty;

    public static DecisionRefusal Record(CaseFile c, string actor, string fingerprint, string reason, DateTimeOffset now)
    {
        var r = new DecisionRefusal
        {
            Id = Guid.CreateVersion7(now),
            CaseId = c.Id,
            AgencyId = c.AgencyId,
            CaseNumber = c.Number,
            Actor = actor,
            At = now.ToUniversalTime(),
            Fingerprint = fingerprint,
            Reason = reason.Length > 1000 ? reason[..1000] : reason,
        };
        r.Raise(new DecisionRefusedEvent(r.Id, c.Id, c.AgencyId, fingerprint));
        return r;
    }
}

/// <summary>The gate refused a decision (APL-58); IDs and the decision's fingerprint only (SEC-PI-1).</summary>
internal sealed record DecisionRefusedEvent(Guid RefusalId, Guid AggregateId, Guid AgencyId, string Fingerprint) : IDomainEvent
{
    public string EventType => "cases.case.decision-refused";
}
