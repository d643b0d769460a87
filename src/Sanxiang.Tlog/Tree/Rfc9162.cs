namespace Sanxiang.Tlog.Tree;

/// <summary>
/// The definitions of RFC 9162 §2.1 taken literally, over an in-memory list of leaf hashes
/// (H(0x00 || entry), already hashed). They recurse and allocate freely; use them as the reference in tests
/// and for small trees, and <see cref="MerkleLog"/> for a stored log.
/// </summary>
public static class Rfc9162
{
    /// <summary>MTH(D[n]) of RFC 9162 §2.1.1: H("") for the empty list, else the recursive tree hash.</summary>
    public static byte[] MerkleTreeHash(HashSuite suite, IReadOnlyList<byte[]> leafHashes) =>
        leafHashes.Count == 0 ? suite.Hash([]) : Mth(suite, leafHashes, 0, leafHashes.Count);

    /// <summary>PATH(m, D[n]) of RFC 9162 §2.1.3.1: the inclusion proof of leaf m, from the leaf's sibling up.</summary>
    public static List<byte[]> InclusionPath(HashSuite suite, int m, IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(m, leafHashes.Count);
        var path = new List<byte[]>();
        Path(suite, m, leafHashes, 0, leafHashes.Count, path);
        return path;
    }

    /// <summary>
    /// PROOF(m, D[n]) of RFC 9162 §2.1.4.1: the consistency proof between the first m leaves and all n.
    /// Empty when m is 0 or n.
    /// </summary>
    public static List<byte[]> ConsistencyProof(HashSuite suite, int m, IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(m, leafHashes.Count);
        var proof = new List<byte[]>();
        if (m > 0)
        {
            SubProof(suite, m, leafHashes, 0, leafHashes.Count, true, proof);
        }

        return proof;
    }

    private static int Split(int n)
    {
        var k = 1;
        while (k << 1 < n)
        {
            k <<= 1;
        }

        return k;
    }

    private static byte[] Mth(HashSuite suite, IReadOnlyList<byte[]> d, int lo, int hi)
    {
        if (hi - lo == 1)
        {
            return d[lo];
        }

        var k = Split(hi - lo);
        return suite.NodeHash(Mth(suite, d, lo, lo + k), Mth(suite, d, lo + k, hi));
    }

    // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) for m < k; PATH(m - k, D[k:n]) : MTH(D[0:k]) otherwise.
    private static void Path(HashSuite suite, int m, IReadOnlyList<byte[]> d, int lo, int hi, List<byte[]> path)
    {
        if (hi - lo == 1)
        {
            return;
        }

        var k = Split(hi - lo);
        if (m < k)
        {
            Path(suite, m, d, lo, lo + k, path);
            path.Add(Mth(suite, d, lo + k, hi));
        }
        else
        {
            Path(suite, m - k, d, lo + k, hi, path);
            path.Add(Mth(suite, d, lo, lo + k));
        }
    }

    // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}; for m < n:
    // m <= k: SUBPROOF(m, D[0:k], b) : MTH(D[k:n]); m > k: SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k]).
    private static void SubProof(HashSuite suite, int m, IReadOnlyList<byte[]> d, int lo, int hi, bool b, List<byte[]> proof)
    {
        var n = hi - lo;
        if (m == n)
        {
            if (!b)
            {
                proof.Add(Mth(suite, d, lo, hi));
            }

            return;
        }

        var k = Split(n);
        if (m <= k)
        {
            SubProof(suite, m, d, lo, lo + k, b, proof);
            proof.Add(Mth(suite, d, lo + k, hi));
        }
        else
        {
            SubProof(suite, m - k, d, lo + k, hi, false, proof);
            proof.Add(Mth(suite, d, lo, lo + k));
        }
    }
}
