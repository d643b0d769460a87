using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Ledger.Domain;
using Sanxiang.Ledger.Persistence;
using Sanxiang.Tlog;
using Sanxiang.Tlog.Crypto;
using Sanxiang.Tlog.Note;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Ledger.Sequencing;

/// <summary>
/// Integrates pending outbox events into the log in batches. One batch is one database transaction holding
/// the new entries, their stored hashes and the signed checkpoint, so a crash at any point leaves either the
/// whole batch or none of it; events are deduplicated by event ID, so marking them processed in their module's
/// outbox afterwards is bookkeeping that may safely be lost. A lock (PostgreSQL advisory lock; SQLite's single
/// writer) keeps exactly one sequencer per log even with several app instances.
/// </summary>
internal sealed class Sequencer(IServiceScopeFactory scopes, IOptions<LedgerOptions> options, IOptions<DatabaseOptions> database, LedgerKeys keys, StoredHashCache cache, TimeProvider clock)
{
    private const long AdvisoryLockKey = 727_002;

    public HashSuite Suite { get; } = HashSuites.FromName(options.Value.HashSuite) ?? throw new InvalidOperationException($"Unknown ledger hash suite '{options.Value.HashSuite}'");

    /// <summary>
    /// Integrates up to one batch. Returns how many pending events it handled: appended now, or found already
    /// appended by another instance's sequencer. Zero means nothing was pending, so every event committed before
    /// the call is in the log.
    /// </summary>
    public async Task<int> IntegrateOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sources = scope.ServiceProvider.GetServices<IOutboxSource>().OrderBy(s => s.Module, StringComparer.Ordinal).ToList();
        var pending = new List<OutboxMessage>();
        foreach (var source in sources)
        {
            pending.AddRange(await source.ReadPendingAsync(options.Value.BatchSize - pending.Count, ct));
            if (pending.Count >= options.Value.BatchSize)
            {
                break;
            }
        }

        if (pending.Count == 0)
        {
            return 0;
        }

        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        await AppendAsync(db, pending, ct);

        // Bookkeeping only: the entries are committed; a crash here means the next round sees them as present.
        var now = clock.GetUtcNow();
        foreach (var group in pending.GroupBy(p => p.Module, StringComparer.Ordinal))
        {
            var source = sources.First(s => string.Equals(s.Module, group.Key, StringComparison.Ordinal));
            await source.MarkProcessedAsync([.. group.Select(m => m.Id)], now, ct);
        }

        return pending.Count;
    }

    private async Task<int> AppendAsync(LedgerDbContext db, List<OutboxMessage> pending, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (database.Value.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        }

        // Exactly once: under the lock, skip events another sequencer (or an earlier, interrupted round) appended.
        var present = await BatchWriter.PresentAsync(db, [.. pending.Select(p => p.Id).Distinct()], ct);
        var fresh = pending.Where(p => !present.Contains(p.Id)).DistinctBy(p => p.Id).ToList();
        if (fresh.Count == 0)
        {
            await tx.CommitAsync(ct);
            return 0;
        }

        var oldSize = await db.Checkpoints.MaxAsync(c => (long?)c.Size, ct) ?? 0;
        var entries = fresh.Select(ToEntry).ToList();
        var rows = new EntryRow[entries.Count];
        var leaves = new byte[entries.Count][];
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            rows[i] = new EntryRow { Index = oldSize + i, EventId = e.EventId, Module = e.Module, EventType = e.EventType, AggregateId = e.AggregateId, OccurredAt = e.OccurredAt, Data = e.Encode() };
            leaves[i] = Suite.LeafHash(rows[i].Data);
        }

        var reader = new DbHashReader(db, cache);
        var newHashes = await MerkleLog.AppendStoredHashes(Suite, oldSize, leaves, reader, ct);
        await BatchWriter.InsertAsync(db, MerkleLog.StoredHashCount(oldSize), newHashes, rows, ct);
        for (var i = 0; i < entries.Count; i++)
        {
            db.Attachments.AddRange(entries[i].AttachmentHashes.DistinctBy(Convert.ToHexString).Select(h => new AttachmentRow { Hash = h, EntryIndex = rows[i].Index }));
        }
        var newSize = oldSize + entries.Count;
        var root = await MerkleLog.TreeHash(Suite, newSize, reader, ct);
        var body = new Checkpoint(options.Value.Origin, newSize, root).Format();
        db.Checkpoints.Add(new CheckpointRow { Size = newSize, RootHash = root, Note = SignedNote.Sign(body, keys.Signers), CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return entries.Count;
    }

    private LedgerEntry ToEntry(OutboxMessage m)
    {
        var actor = m.Actor.Length > 100 ? m.Actor[..100] : m.Actor;
        return new LedgerEntry(m.Module, m.EventType, m.Id, m.AggregateId, actor, m.OccurredAt, Suite.Name, Suite.Hash(Encoding.UTF8.GetBytes(m.Payload)), Attachments(m.Payload));
    }

    /// <summary>
    /// An event that concerns a file (an issued document, an evidence file) names its SHA-256 in the payload
    /// property "attachmentSha256"; the entry then commits to that hash, so the file can be checked against the log.
    /// </summary>
    internal static IReadOnlyList<byte[]> Attachments(string payload)
    {
        if (!payload.Contains("\"attachmentSha256\":\"", StringComparison.Ordinal))
        {
            return [];
        }

        using var doc = System.Text.Json.JsonDocument.Parse(payload);
        return doc.RootElement.TryGetProperty("attachmentSha256", out var p) && p.GetString() is { Length: 64 } hex && hex.All(char.IsAsciiHexDigit)
            ? [Convert.FromHexString(hex)]
            : [];
    }
}
