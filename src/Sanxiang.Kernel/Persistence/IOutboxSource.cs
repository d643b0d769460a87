using Microsoft.EntityFrameworkCore;

namespace Sanxiang.Kernel.Persistence;

/// <summary>
/// How the Ledger reads a module's outbox without touching its tables: each module registers one source
/// over its own DbContext. Pending messages come in outbox order; marking them processed is bookkeeping only
/// (the Ledger deduplicates by event ID, so a crash between the two steps never loses or doubles an event).
/// </summary>
public interface IOutboxSource
{
    string Module { get; }

    Task<IReadOnlyList<OutboxMessage>> ReadPendingAsync(int max, CancellationToken ct = default);

    Task MarkProcessedAsync(IReadOnlyCollection<Guid> eventIds, DateTimeOffset at, CancellationToken ct = default);
}

/// <summary>The outbox source of a module whose DbContext derives from <see cref="ModuleDbContext"/>.</summary>
public sealed class ModuleOutboxSource<TContext>(TContext db) : IOutboxSource
    where TContext : ModuleDbContext
{
    public string Module => db.ModuleName;

    public async Task<IReadOnlyList<OutboxMessage>> ReadPendingAsync(int max, CancellationToken ct = default) =>
        await db.Outbox.AsNoTracking().Where(m => m.ProcessedAt == null).OrderBy(m => m.Sequence).Take(max).ToListAsync(ct);

    public async Task MarkProcessedAsync(IReadOnlyCollection<Guid> eventIds, DateTimeOffset at, CancellationToken ct = default)
    {
        var ids = eventIds.ToList();
        await db.Outbox.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, at), ct);
    }
}
