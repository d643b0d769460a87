using System.Numerics;

namespace Sanxiang.Tlog.Tree;

/// <summary>Consistency proofs (RFC 9162 §2.1.4, RFC 6962 §2.1.2).</summary>
public static partial class MerkleLog
{
    /// <summary>
    /// The consistency proof PROOF(oldSize, D[newSize]) of RFC 9162 §2.1.4.1, computed from stored hashes
    /// fetched in one <see cref="IHashReader"/> call. It is empty when the sizes are equal or
    /// <paramref name="oldSize"/> is 0 (as the C2SP tlog-witness protocol expects).
    /// </summary>
    public static async ValueTask<byte[][]> ProveTree(
        HashSuite suite, long newSize, long oldSize, IHashReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, newSize);
        if (oldSize == 0 || oldSize == newSize)
        {
            return [];
        }

        var (length, indexes) = ConsistencyIndexes(newSize, oldSize);
        var hashes = await ReadAsync(reader, indexes, cancellationToken);
        return AssembleConsistency(suite, newSize, oldSize, length, hashes);
    }

    /// <summary>
    /// Verifies a consistency proof with the algorithm of RFC 9162 §2.1.4.2: that the tree of
    /// <paramref name="oldSize"/> records with root <paramref name="oldRoot"/> is a prefix of the tree of
    /// <paramref name="newSize"/> records with root <paramref name="newRoot"/>. Equal sizes need an empty proof
    /// and equal roots; an old size of 0 needs an empty proof and the empty tree's root, H("").
    /// </summary>
    public static bool CheckTree(
        HashSuite suite, IReadOnlyList<byte[]> proof, long newSize, ReadOnlySpan<byte> newRoot, long oldSize, ReadOnlySpan<byte> oldRoot)
    {
        if (oldSize < 0 || oldSize > newSize || proof.Count > 128
            || newRoot.Length != HashSuite.Size || oldRoot.Length != HashSuite.Size)
        {
            return false;
        }

        if (oldSize == 0)
        {
            return proof.Count == 0 && oldRoot.SequenceEqual(suite.Hash([]));
        }

        if (oldSize == newSize)
        {
            return proof.Count == 0 && oldRoot.SequenceEqual(newRoot);
        }

        if (proof.Count == 0)
        {
            return false;
        }

        // Step 2: a power-of-two old tree is itself a node of the new one; its root starts the path.
        var prepend = BitOperations.IsPow2(oldSize) ? 1 : 0;
        var fn = oldSize - 1;
        var sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var start = prepend == 1 ? oldRoot : proof[0];
        if (start.Length != HashSuite.Size)
        {
            return false;
        }

        Span<byte> fr = stackalloc byte[HashSuite.Size];
        Span<byte> sr = stackalloc byte[HashSuite.Size];
        start.CopyTo(fr);
        start.CopyTo(sr);
        for (var i = 1 - prepend; i < proof.Count; i++)
        {
            var c = proof[i];
            if (sn == 0 || c is not { Length: HashSuite.Size })
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                NodeHash(suite, c, fr, fr);
                NodeHash(suite, c, sr, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                NodeHash(suite, sr, c, sr);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.SequenceEqual(oldRoot) && sr.SequenceEqual(newRoot);
    }

    /// <summary>
    /// Walks SUBPROOF's recursion (as Go's treeProofIndex) from the root, listing the stored hashes of each
    /// sibling subtree, then those of the final subtree when it is not the whole old tree.
    /// </summary>
    private static (int Length, long[] Indexes) ConsistencyIndexes(long newSize, long oldSize)
    {
        long lo = 0, hi = newSize;
        var length = 0;
        var count = 0;
        while (oldSize != hi)
        {
            var k = SplitPoint(hi - lo);
            count += oldSize <= lo + k ? SubtreeIndexCount(lo + k, hi) : 1;
            (lo, hi) = oldSize <= lo + k ? (lo, lo + k) : (lo + k, hi);
            length++;
        }

        if (lo != 0)
        {
            count += SubtreeIndexCount(lo, hi);
            length++;
        }

        var indexes = new long[count];
        var position = 0;
        (lo, hi) = (0, newSize);
        while (oldSize != hi)
        {
            var k = SplitPoint(hi - lo);
            if (oldSize <= lo + k)
            {
                position = AddSubtreeIndexes(lo + k, hi, indexes, position);
                hi = lo + k;
            }
            else
            {
                position = AddSubtreeIndexes(lo, lo + k, indexes, position);
                lo += k;
            }
        }

        if (lo != 0)
        {
            AddSubtreeIndexes(lo, hi, indexes, position);
        }

        return (length, indexes);
    }

    private static byte[][] AssembleConsistency(HashSuite suite, long newSize, long oldSize, int length, IReadOnlyList<byte[]> hashes)
    {
        var proof = new byte[length][];
        var position = 0;
        var depth = 0;
        long lo = 0, hi = newSize;
        for (; oldSize != hi; depth++)
        {
            var k = SplitPoint(hi - lo);
            if (oldSize <= lo + k)
            {
                proof[length - 1 - depth] = SubtreeHash(suite, lo + k, hi, hashes, ref position);
                hi = lo + k;
            }
            else
            {
                proof[length - 1 - depth] = SubtreeHash(suite, lo, lo + k, hashes, ref position);
                lo += k;
            }
        }

        if (lo != 0)
        {
            proof[0] = SubtreeHash(suite, lo, hi, hashes, ref position);
        }

        return proof;
    }
}
