using System.Numerics;

namespace Sanxiang.Tlog.Tree;

/// <summary>
/// An append-only Merkle tree log (RFC 9162 §2.1, RFC 6962 §2.1) kept as "stored hashes", as in Go's
/// golang.org/x/mod/sumdb/tlog: every complete subtree hash is stored once, numbered in the order in which
/// appends complete it. Record n at level 0, its parent at level 1 when n is odd, and so on. Proofs and tree
/// hashes are then computed from a handful of stored hashes read in one batch.
/// </summary>
public static partial class MerkleLog
{
    /// <summary>
    /// The stored hash index of the hash at <paramref name="level"/> (0 = leaves) and position
    /// <paramref name="n"/> within that level (the subtree over records [n·2^level, (n+1)·2^level)).
    /// </summary>
    public static long StoredHashIndex(int level, long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 62);
        ArgumentOutOfRangeException.ThrowIfNegative(n);

        // The last leaf below this node is ((n+1) << level) - 1; everything up to and including it has been
        // stored (2m - popcount(m) hashes for m leaves, summing m >> j over j), then the level hashes above it.
        var last = ((n + 1) << level) - 1;
        return (2 * last) - BitOperations.PopCount((ulong)last) + level;
    }

    /// <summary>The inverse of <see cref="StoredHashIndex"/>: the level and position of a stored hash.</summary>
    public static (int Level, long N) SplitStoredHashIndex(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);

        // Find the largest record n whose leaf hash is stored at or before index; the hashes stored after it
        // are its ancestors at levels 1, 2, ... (as many as n + 1 has trailing zero bits).
        var n = index / 2;
        var indexN = StoredHashIndex(0, n);
        while (indexN > index)
        {
            n--;
            indexN = StoredHashIndex(0, n);
        }

        while (true)
        {
            var next = indexN + 1 + BitOperations.TrailingZeroCount((ulong)(n + 1));
            if (next > index)
            {
                break;
            }

            n++;
            indexN = next;
        }

        var level = (int)(index - indexN);
        return (level, n >> level);
    }

    /// <summary>The number of stored hashes of a tree of <paramref name="treeSize"/> records.</summary>
    public static long StoredHashCount(long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        return (2 * treeSize) - BitOperations.PopCount((ulong)treeSize);
    }

    /// <summary>
    /// The hashes to store when appending record <paramref name="n"/> (whose content is
    /// <paramref name="data"/>) to a tree of n records: its RFC 6962 leaf hash, then the hash of every subtree
    /// it completes. They belong at stored hash indexes <c>StoredHashCount(n)</c> onwards.
    /// </summary>
    public static ValueTask<byte[][]> StoredHashes(
        HashSuite suite, long n, ReadOnlyMemory<byte> data, IHashReader readHashes, CancellationToken cancellationToken = default) =>
        StoredHashesForRecordHash(suite, n, suite.LeafHash(data.Span), readHashes, cancellationToken);

    /// <summary>As <see cref="StoredHashes"/>, given the leaf hash H(0x00 || entry) of record n.</summary>
    public static async ValueTask<byte[][]> StoredHashesForRecordHash(
        HashSuite suite, long n, byte[] recordHash, IHashReader readHashes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckHash(recordHash, nameof(recordHash));

        // Appending record n completes one subtree per trailing one bit of n (trailing zero bit of n + 1);
        // each needs the stored left sibling at that level.
        var m = BitOperations.TrailingZeroCount((ulong)(n + 1));
        var result = new byte[m + 1][];
        result[0] = recordHash;
        if (m == 0)
        {
            return result;
        }

        var indexes = new long[m];
        for (var i = 0; i < m; i++)
        {
            indexes[m - 1 - i] = StoredHashIndex(i, (n >> i) - 1);
        }

        var old = await ReadAsync(readHashes, indexes, cancellationToken);
        for (var i = 0; i < m; i++)
        {
            result[i + 1] = suite.NodeHash(old[m - 1 - i], result[i]);
        }

        return result;
    }

    /// <summary>
    /// The root hash MTH(D[n]) (RFC 9162 §2.1.1) of the tree of the first <paramref name="treeSize"/> records,
    /// from at most 64 stored hashes read in one call. The empty tree's hash is the hash of the empty string.
    /// </summary>
    public static async ValueTask<byte[]> TreeHash(
        HashSuite suite, long treeSize, IHashReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        if (treeSize == 0)
        {
            return suite.Hash([]);
        }

        var indexes = new long[SubtreeIndexCount(0, treeSize)];
        var written = AddSubtreeIndexes(0, treeSize, indexes, 0);
        System.Diagnostics.Debug.Assert(written == indexes.Length, "index count");
        var hashes = await ReadAsync(reader, indexes, cancellationToken);
        var position = 0;
        return SubtreeHash(suite, 0, treeSize, hashes, ref position);
    }
}
