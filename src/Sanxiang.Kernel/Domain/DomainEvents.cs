namespace Sanxiang.Kernel.Domain;

/// <summary>
/// A fact that happened inside an aggregate. Events carry IDs and codes, never personal data in clear,
/// because every event becomes a ledger entry.
/// </summary>
public interface IDomainEvent
{
    /// <summary>A stable name such as "registry.officer.registered".</summary>
    string EventType { get; }

    Guid AggregateId { get; }
}

/// <summary>Base for aggregates: collects domain events that the module's DbContext moves to its outbox on save.</summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _events = [];

    public IReadOnlyList<IDomainEvent> DomainEvents => _events;

    protected void Raise(IDomainEvent domainEvent) => _events.Add(domainEvent);

    public void ClearDomainEvents() => _events.Clear();
}
