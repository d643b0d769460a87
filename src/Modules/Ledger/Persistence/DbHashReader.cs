using Microsoft.EntityFrameworkCore;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Ledger.Persistence;

/// <summary>Reads stored hashes of the tree from ledger_hashes (inside the caller's transaction, if any).</summary>
internal sealed class DbHashReader(LedgerDbContext db) : IHashReader
{
    public async ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        if (indexes.Count == 0)
        {
            return [];
        }

        var wanted = indexes.Distinct().ToList();
        var rows = await db.Hashes.AsNoTracking().Where(h => wanted.Contains(h.Index)).Select(h => new { h.Index, h.Hash }).ToListAsync(cancellationToken);
        var map = rows.ToDictionary(r => r.Index, r => r.Hash);
        var result = new byte[indexes.Count][];
        for (var i = 0; i < indexes.Count; i++)
        {
            result[i] = map.TryGetValue(indexes[i], out var hash) ? hash : throw new InvalidOperationException($"stored hash {indexes[i]} is missing");
        }

        return result;
    }
}
