using System.Numerics;

namespace Sanxiang.Tlog.Tree;

/// <summary>Helpers shared by the tree hash and the provers: subtrees, batched reads, node hashing.</summary>
public static partial class MerkleLog
{
    /// <summary>
    /// The largest power of two strictly less than <paramref name="n"/> (n ≥ 2): the split point k of
    /// RFC 9162 §2.1.1.
    /// </summary>
    internal static long SplitPoint(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    /// <summary>
    /// How many complete subtrees make up the records [lo, hi) when lo is aligned (lo is a multiple of the
    /// largest power of two ≤ hi - lo): one per one bit of hi - lo.
    /// </summary>
    internal static int SubtreeIndexCount(long lo, long hi) => BitOperations.PopCount((ulong)(hi - lo));

    /// <summary>
    /// Writes the stored hash indexes of the complete subtrees covering [lo, hi), largest (leftmost) first,
    /// as Go's subTreeIndex does; returns the next free position.
    /// </summary>
    internal static int AddSubtreeIndexes(long lo, long hi, Span<long> indexes, int position)
    {
        while (lo < hi)
        {
            var level = 63 - BitOperations.LeadingZeroCount((ulong)(hi - lo));
            var k = 1L << level;
            if ((lo & (k - 1)) != 0)
            {
                throw new InvalidOperationException("Unaligned subtree.");
            }

            indexes[position++] = StoredHashIndex(level, lo >> level);
            lo += k;
        }

        return position;
    }

    /// <summary>
    /// MTH(D[lo:hi]) from the hashes of the complete subtrees written by <see cref="AddSubtreeIndexes"/>,
    /// consumed from <paramref name="hashes"/> at <paramref name="position"/>. Returns a new array.
    /// </summary>
    internal static byte[] SubtreeHash(HashSuite suite, long lo, long hi, IReadOnlyList<byte[]> hashes, ref int position)
    {
        var count = SubtreeIndexCount(lo, hi);
        var first = position;
        position += count;
        if (count == 1)
        {
            return (byte[])hashes[first].Clone();
        }

        // MTH splits at the largest power of two, so fold the pieces right to left.
        Span<byte> hash = stackalloc byte[HashSuite.Size];
        hashes[first + count - 1].CopyTo(hash);
        for (var i = count - 2; i >= 0; i--)
        {
            NodeHash(suite, hashes[first + i], hash, hash);
        }

        return hash.ToArray();
    }

    /// <summary>H(0x01 || left || right) into <paramref name="destination"/>, which may alias an input.</summary>
    internal static void NodeHash(HashSuite suite, ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination) =>
        suite.NodeHash(left, right, destination);

    internal static async ValueTask<IReadOnlyList<byte[]>> ReadAsync(
        IHashReader reader, long[] indexes, CancellationToken cancellationToken)
    {
        var hashes = await reader.ReadHashesAsync(indexes, cancellationToken);
        if (hashes.Count != indexes.Length)
        {
            throw new InvalidOperationException($"Hash reader returned {hashes.Count} hashes for {indexes.Length} indexes.");
        }

        for (var i = 0; i < hashes.Count; i++)
        {
            if (hashes[i] is not { Length: HashSuite.Size })
            {
                throw new InvalidOperationException($"Hash reader returned a malformed hash for stored index {indexes[i]}.");
            }
        }

        return hashes;
    }

    internal static void CheckHash(byte[] hash, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(hash, parameterName);
        if (hash.Length != HashSuite.Size)
        {
            throw new ArgumentException($"A hash is {HashSuite.Size} bytes.", parameterName);
        }
    }
}
