using System.Numerics;

namespace Sanxiang.Tlog.Tree;

/// <summary>Appending a batch of records at once, for a sequencer.</summary>
public static partial class MerkleLog
{
    /// <summary>
    /// The hashes to store when appending the records with leaf hashes <paramref name="recordHashes"/> to a
    /// tree of <paramref name="oldSize"/> records: the same hashes as calling
    /// <see cref="StoredHashesForRecordHash"/> for each record in turn, for stored hash indexes
    /// <c>StoredHashCount(oldSize)</c> to <c>StoredHashCount(oldSize + count) - 1</c>. It reads only the old
    /// subtree hashes the batch completes (at most 63), in one call, and none when the batch needs none.
    /// </summary>
    public static async ValueTask<byte[][]> AppendStoredHashes(
        HashSuite suite, long oldSize, IReadOnlyList<byte[]> recordHashes, IHashReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentNullException.ThrowIfNull(recordHashes);
        foreach (var hash in recordHashes)
        {
            CheckHash(hash, nameof(recordHashes));
        }

        var oldCount = StoredHashCount(oldSize);
        var newSize = oldSize + recordHashes.Count;

        // Every stored node is the left sibling of exactly one node, so the old ones needed are distinct.
        var oldIndexes = new List<long>();
        for (var n = oldSize; n < newSize; n++)
        {
            var m = BitOperations.TrailingZeroCount((ulong)(n + 1));
            for (var i = 0; i < m; i++)
            {
                var sibling = StoredHashIndex(i, (n >> i) - 1);
                if (sibling < oldCount)
                {
                    oldIndexes.Add(sibling);
                }
            }
        }

        var indexes = oldIndexes.ToArray();
        var old = indexes.Length == 0 ? [] : await ReadAsync(reader, indexes, cancellationToken);
        return ComputeAppend(suite, oldSize, recordHashes, oldCount, indexes, old);
    }

    private static byte[][] ComputeAppend(
        HashSuite suite, long oldSize, IReadOnlyList<byte[]> recordHashes, long oldCount, long[] oldIndexes, IReadOnlyList<byte[]> old)
    {
        var result = new byte[StoredHashCount(oldSize + recordHashes.Count) - oldCount][];
        var position = 0;
        for (var j = 0; j < recordHashes.Count; j++)
        {
            var n = oldSize + j;
            var h = recordHashes[j];
            result[position++] = h;
            var m = BitOperations.TrailingZeroCount((ulong)(n + 1));
            for (var i = 0; i < m; i++)
            {
                var sibling = StoredHashIndex(i, (n >> i) - 1);
                var left = sibling >= oldCount ? result[sibling - oldCount] : old[Array.IndexOf(oldIndexes, sibling)];
                h = suite.NodeHash(left, h);
                result[position++] = h;
            }
        }

        return result;
    }
}
