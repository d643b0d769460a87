using System.Collections.Concurrent;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Ledger.Persistence;

/// <summary>
/// The committed stored hashes at tree level 8 and above (those of level 1+ tiles), kept in memory: a stored hash
/// never changes once committed (the log only grows), they are about one in 128 of all stored hashes, and every
/// proof needs a dozen of them. <see cref="DbHashReader"/> adds hashes only from reads outside a transaction, so an
/// uncommitted batch's hashes are never kept. Bounded; when full it stops adding.
/// </summary>
internal sealed class StoredHashCache
{
    /// <summary>Enough for the upper levels of a log of about 25 million entries (a few tens of MB).</summary>
    public const int Capacity = 200_000;

    private const int MinLevel = 8;
    private readonly ConcurrentDictionary<long, byte[]> _hashes = new();

    // ConcurrentDictionary.Count takes every lock of the table, so the bound keeps its own count.
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public bool TryGet(long index, out byte[] hash) => _hashes.TryGetValue(index, out hash!);

    /// <summary>Keeps a committed stored hash if it is at tree level 8 or above and there is room.</summary>
    public void AddCommitted(long index, byte[] hash)
    {
        if (Count < Capacity && MerkleLog.SplitStoredHashIndex(index).Level >= MinLevel && _hashes.TryAdd(index, hash))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
