using FsCheck;
using FsCheck.Fluent;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Tlog.Tests.Tree;

public sealed class StoredHashTests
{
    private static readonly HashSuite Suite = HashSuite.Sha256;

    [Theory]
    [InlineData(0, 0L, 0L)]
    [InlineData(0, 1L, 1L)]
    [InlineData(1, 0L, 2L)]
    [InlineData(0, 2L, 3L)]
    [InlineData(0, 3L, 4L)]
    [InlineData(1, 1L, 5L)]
    [InlineData(2, 0L, 6L)]
    [InlineData(0, 4L, 7L)]
    public void StoredHashIndex_NumbersNodesInAppendOrder(int level, long n, long expected)
    {
        MerkleLog.StoredHashIndex(level, n).ShouldBe(expected);
        MerkleLog.SplitStoredHashIndex(expected).ShouldBe((level, n));
    }

    [Fact]
    public void SplitStoredHashIndex_InvertsStoredHashIndex_ForTheFirstHashesAndLargeOnes()
    {
        // Walking the numbering in order, as Go's TestSplitStoredHashIndex does.
        long next = 0;
        for (long n = 0; n < 5000; n++)
        {
            for (var level = 0; level <= System.Numerics.BitOperations.TrailingZeroCount((ulong)(n + 1)); level++)
            {
                var index = MerkleLog.StoredHashIndex(level, (n + 1 - (1L << level)) >> level);
                index.ShouldBe(next++);
                MerkleLog.SplitStoredHashIndex(index).ShouldBe((level, (n + 1 - (1L << level)) >> level));
            }
        }

        foreach (var (level, n) in new[] { (0, 10_000_000L), (7, 123_456L), (20, 9L), (40, 3L) })
        {
            MerkleLog.SplitStoredHashIndex(MerkleLog.StoredHashIndex(level, n)).ShouldBe((level, n));
        }
    }

    [Fact]
    public void StoredHashCount_IsTheIndexOfTheNextLeaf()
    {
        MerkleLog.StoredHashCount(0).ShouldBe(0);
        for (long n = 1; n < 2000; n++)
        {
            MerkleLog.StoredHashCount(n).ShouldBe(MerkleLog.StoredHashIndex(0, n));
        }
    }

    [Fact]
    public void StoredHashes_ReadOnlyEarlierHashes_AndStoreEveryCompletedSubtree()
    {
        var store = MemoryHashStore.WithRecords(Suite, 64);
        for (var level = 0; level <= 6; level++)
        {
            for (long n = 0; n < 64 >> level; n++)
            {
                var lo = (int)(n << level);
                var expected = Rfc9162.MerkleTreeHash(Suite, store.LeafHashes.GetRange(lo, 1 << level));
                store.Hashes[(int)MerkleLog.StoredHashIndex(level, n)].ShouldBe(expected);
            }
        }
    }

    [Fact]
    public async Task TreeHash_OfTheEmptyTree_IsTheHashOfTheEmptyString()
    {
        var store = new MemoryHashStore(Suite);
        (await MerkleLog.TreeHash(Suite, 0, store)).ShouldBe(Convert.FromHexString("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        store.Calls.ShouldBe(0);
    }

    [Fact]
    public void TreeHash_EqualsMth_ForEverySize_InOneRead()
    {
        var store = MemoryHashStore.WithRecords(Suite, 300);
        for (var n = 1; n <= 300; n++)
        {
            store.ResetCounters();
            var root = MemoryHashStore.Sync(MerkleLog.TreeHash(Suite, n, store));
            root.ShouldBe(Rfc9162.MerkleTreeHash(Suite, store.LeafHashes.GetRange(0, n)));
            store.Calls.ShouldBe(1);
            store.MaxIndexRead.ShouldBeLessThan(MerkleLog.StoredHashCount(n));
        }
    }

    [Fact]
    public void Rfc9162_MerkleTreeHash_MatchesTheRfc6962TestVector()
    {
        // The eight inputs of the RFC 6962 reference test (certificate-transparency merkle_tree_test.cc).
        string[] inputs = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];
        var leaves = inputs.Select(h => Suite.LeafHash(Convert.FromHexString(h))).ToList();
        Convert.ToHexStringLower(Rfc9162.MerkleTreeHash(Suite, leaves))
            .ShouldBe("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        Convert.ToHexStringLower(Rfc9162.MerkleTreeHash(Suite, leaves.GetRange(0, 3)))
            .ShouldBe("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77");
    }

    [Fact]
    public void StoredHashes_ForRandomAppendSequences_GiveTheReferenceRoot()
    {
        Prop.ForAll(Gen.Choose(1, 300).ToArbitrary(), n =>
        {
            var store = MemoryHashStore.WithRecords(Suite, n);
            var root = MemoryHashStore.Sync(MerkleLog.TreeHash(Suite, n, store));
            return root.AsSpan().SequenceEqual(Rfc9162.MerkleTreeHash(Suite, store.LeafHashes));
        }).QuickCheckThrowOnFailure();
    }
}
