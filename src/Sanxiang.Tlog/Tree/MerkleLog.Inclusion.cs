namespace Sanxiang.Tlog.Tree;

/// <summary>Inclusion proofs (RFC 9162 §2.1.3, "audit paths" of RFC 6962 §2.1.1).</summary>
public static partial class MerkleLog
{
    /// <summary>
    /// The inclusion proof PATH(index, D[treeSize]) of RFC 9162 §2.1.3.1: the hashes from the leaf's sibling
    /// up to the root's child, computed from stored hashes fetched in one <see cref="IHashReader"/> call.
    /// </summary>
    public static async ValueTask<byte[][]> ProveRecord(
        HashSuite suite, long treeSize, long index, IHashReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, treeSize);
        var (length, indexes) = InclusionIndexes(treeSize, index);
        if (length == 0)
        {
            return [];
        }

        var hashes = await ReadAsync(reader, indexes, cancellationToken);
        return AssembleInclusion(suite, treeSize, index, length, hashes);
    }

    /// <summary>
    /// Verifies an inclusion proof with the algorithm of RFC 9162 §2.1.3.2: that the record at
    /// <paramref name="index"/> with leaf hash <paramref name="leafHash"/> is in the tree of
    /// <paramref name="treeSize"/> records whose root is <paramref name="rootHash"/>.
    /// </summary>
    public static bool CheckRecord(
        HashSuite suite, IReadOnlyList<byte[]> proof, long treeSize, ReadOnlySpan<byte> rootHash, long index, ReadOnlySpan<byte> leafHash)
    {
        if (index < 0 || index >= treeSize || proof.Count > 64
            || rootHash.Length != HashSuite.Size || leafHash.Length != HashSuite.Size)
        {
            return false;
        }

        var fn = index;
        var sn = treeSize - 1;
        Span<byte> r = stackalloc byte[HashSuite.Size];
        leafHash.CopyTo(r);
        for (var i = 0; i < proof.Count; i++)
        {
            var p = proof[i];
            if (sn == 0 || p is not { Length: HashSuite.Size })
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                NodeHash(suite, p, r, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                NodeHash(suite, r, p, r);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.SequenceEqual(rootHash);
    }

    /// <summary>
    /// Walks from the root towards the leaf (as PATH recurses) and lists the stored hashes of each sibling
    /// subtree, top sibling first. Returns the proof length and the indexes.
    /// </summary>
    private static (int Length, long[] Indexes) InclusionIndexes(long treeSize, long index)
    {
        var length = 0;
        var count = 0;
        for (long lo = 0, hi = treeSize; hi - lo > 1; length++)
        {
            var k = SplitPoint(hi - lo);
            if (index < lo + k)
            {
                count += SubtreeIndexCount(lo + k, hi);
                hi = lo + k;
            }
            else
            {
                count++;
                lo += k;
            }
        }

        var indexes = new long[count];
        var position = 0;
        for (long lo = 0, hi = treeSize; hi - lo > 1;)
        {
            var k = SplitPoint(hi - lo);
            if (index < lo + k)
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

        return (length, indexes);
    }

    private static byte[][] AssembleInclusion(HashSuite suite, long treeSize, long index, int length, IReadOnlyList<byte[]> hashes)
    {
        var proof = new byte[length][];
        var position = 0;
        var depth = 0;
        for (long lo = 0, hi = treeSize; hi - lo > 1; depth++)
        {
            var k = SplitPoint(hi - lo);
            if (index < lo + k)
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

        return proof;
    }
}
