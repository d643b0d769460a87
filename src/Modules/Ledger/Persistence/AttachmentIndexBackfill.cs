using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Ledger.Domain;

namespace Sanxiang.Ledger.Persistence;

/// <summary>
/// Fills <c>ledger_attachments</c> once for entries written before the index existed (the sequencer indexes every new
/// entry as it appends it). Runs at start-up; after the first run it costs one primary-key read. Should two instances
/// start together, the second one's insert collides with the first one's rows and is dropped: the index is complete.
/// </summary>
internal sealed class AttachmentIndexBackfill(LedgerDbContext db, TimeProvider clock) : IReferenceDataLoader
{
    public const string Name = "attachments";

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (await db.Backfills.AnyAsync(b => b.Name == Name, ct))
        {
            return;
        }

        var rows = new List<AttachmentRow>();
        await foreach (var e in db.Entries.AsNoTracking().OrderBy(e => e.Index).Select(e => new { e.Index, e.Data }).AsAsyncEnumerable().WithCancellation(ct))
        {
            rows.AddRange(LedgerEntry.Decode(e.Data).AttachmentHashes.DistinctBy(Convert.ToHexString).Select(h => new AttachmentRow { Hash = h, EntryIndex = e.Index }));
        }

        var known = await db.Attachments.AsNoTracking().Select(a => new { a.Hash, a.EntryIndex }).ToListAsync(ct);
        var present = known.Select(a => (Convert.ToHexString(a.Hash), a.EntryIndex)).ToHashSet();
        db.Attachments.AddRange(rows.Where(r => !present.Contains((Convert.ToHexString(r.Hash), r.EntryIndex))));
        db.Backfills.Add(new BackfillRow { Name = Name, DoneAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another instance filled it at the same moment
        }
    }
}
