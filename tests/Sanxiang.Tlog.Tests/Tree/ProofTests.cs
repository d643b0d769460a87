using FsCheck;
using FsCheck.Fluent;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Tlog.Tests.Tree;

/// <summary>
/// The stored-hash provers against the literal RFC 9162 definitions, and the RFC 9162 verifiers against
/// every single-point alteration of a proof.
/// </summary>
public sealed class ProofTests
{
    private static readonly HashSuite Suite = HashSuite.Sha256;
    private static readonly MemoryHashStore Store = MemoryHashStore.WithRecords(Suite, 300);

    private static byte[] Root(int size) => Rfc9162.MerkleTreeHash(Suite, Store.LeafHashes.GetRange(0, size));

    private static byte[] Flip(byte[] hash, int bit)
    {
        var copy = (byte[])hash.Clone();
        copy[(bit / 8) % copy.Length] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    private static byte[][] Replace(byte[][] proof, int i, byte[] hash)
    {
        var copy = (byte[][])proof.Clone();
        copy[i] = hash;
        return copy;
    }

    private static Arbitrary<(int Size, int Index, int Bit)> SizeAndIndex() =>
        (from size in Gen.Choose(1, 300)
         from index in Gen.Choose(0, size - 1)
         from bit in Gen.Choose(0, 255)
         select (size, index, bit)).ToArbitrary();

    private static Arbitrary<(int NewSize, int OldSize, int Bit)> TwoSizes() =>
        (from newSize in Gen.Choose(1, 300)
         from oldSize in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(newSize)), (8, Gen.Choose(1, newSize)))
         from bit in Gen.Choose(0, 255)
         select (newSize, oldSize, bit)).ToArbitrary();

    [Fact]
    public void ProveRecord_EqualsPath_InOneRead_AndVerifies()
    {
        Prop.ForAll(SizeAndIndex(), c =>
        {
            Store.ResetCounters();
            var proof = MemoryHashStore.Sync(MerkleLog.ProveRecord(Suite, c.Size, c.Index, Store));
            var reference = Rfc9162.InclusionPath(Suite, c.Index, Store.LeafHashes.GetRange(0, c.Size));
            proof.ShouldBe(reference);
            Store.Calls.ShouldBe(proof.Length == 0 ? 0 : 1);
            Store.MaxIndexRead.ShouldBeLessThan(MerkleLog.StoredHashCount(c.Size));
            MerkleLog.CheckRecord(Suite, proof, c.Size, Root(c.Size), c.Index, Store.LeafHashes[c.Index]).ShouldBeTrue();
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void CheckRecord_FailsForAnyFlippedBit_HashOrIndex()
    {
        Prop.ForAll(SizeAndIndex(), c =>
        {
            var proof = MemoryHashStore.Sync(MerkleLog.ProveRecord(Suite, c.Size, c.Index, Store));
            var root = Root(c.Size);
            var leaf = Store.LeafHashes[c.Index];
            bool Check(IReadOnlyList<byte[]> p, byte[] r, long i, byte[] l) => MerkleLog.CheckRecord(Suite, p, c.Size, r, i, l);

            Check(proof, Flip(root, c.Bit), c.Index, leaf).ShouldBeFalse();
            Check(proof, root, c.Index, Flip(leaf, c.Bit)).ShouldBeFalse();
            for (var i = 0; i < proof.Length; i++)
            {
                Check(Replace(proof, i, Flip(proof[i], c.Bit)), root, c.Index, leaf).ShouldBeFalse();
            }

            for (var other = -1; other <= c.Size; other++)
            {
                if (other != c.Index)
                {
                    Check(proof, root, other, leaf).ShouldBeFalse();
                }
            }

            Check([.. proof, root], root, c.Index, leaf).ShouldBeFalse();
            if (proof.Length > 0)
            {
                Check(proof[..^1], root, c.Index, leaf).ShouldBeFalse();
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ProveTree_EqualsProof_InOneRead_AndVerifies()
    {
        Prop.ForAll(TwoSizes(), c =>
        {
            Store.ResetCounters();
            var proof = MemoryHashStore.Sync(MerkleLog.ProveTree(Suite, c.NewSize, c.OldSize, Store));
            proof.ShouldBe(Rfc9162.ConsistencyProof(Suite, c.OldSize, Store.LeafHashes.GetRange(0, c.NewSize)));
            Store.Calls.ShouldBeLessThanOrEqualTo(1);
            Store.MaxIndexRead.ShouldBeLessThan(MerkleLog.StoredHashCount(c.NewSize));
            MerkleLog.CheckTree(Suite, proof, c.NewSize, Root(c.NewSize), c.OldSize, Root(c.OldSize)).ShouldBeTrue();
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void CheckTree_FailsForAnyFlippedBit_HashOrSize()
    {
        Prop.ForAll(TwoSizes(), c =>
        {
            var proof = MemoryHashStore.Sync(MerkleLog.ProveTree(Suite, c.NewSize, c.OldSize, Store));
            var (newRoot, oldRoot) = (Root(c.NewSize), Root(c.OldSize));
            bool Check(IReadOnlyList<byte[]> p, long n, byte[] nr, long o, byte[] or) => MerkleLog.CheckTree(Suite, p, n, nr, o, or);

            // Every tree extends the empty one, so its new root is not checked (RFC 9162 has no proof for it).
            Check(proof, c.NewSize, Flip(newRoot, c.Bit), c.OldSize, oldRoot).ShouldBe(c.OldSize == 0);
            Check(proof, c.NewSize, newRoot, c.OldSize, Flip(oldRoot, c.Bit)).ShouldBeFalse();
            for (var i = 0; i < proof.Length; i++)
            {
                Check(Replace(proof, i, Flip(proof[i], c.Bit)), c.NewSize, newRoot, c.OldSize, oldRoot).ShouldBeFalse();
            }

            for (var other = -1; other <= c.NewSize + 1; other++)
            {
                if (other != c.OldSize)
                {
                    Check(proof, c.NewSize, newRoot, other, oldRoot).ShouldBeFalse();
                }
            }

            Check([.. proof, newRoot], c.NewSize, newRoot, c.OldSize, oldRoot).ShouldBeFalse();
            if (proof.Length > 0)
            {
                Check(proof[..^1], c.NewSize, newRoot, c.OldSize, oldRoot).ShouldBeFalse();
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task Provers_RejectImpossibleArguments()
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(async () => await MerkleLog.ProveRecord(Suite, 10, 10, Store));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(async () => await MerkleLog.ProveRecord(Suite, 10, -1, Store));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(async () => await MerkleLog.ProveTree(Suite, 10, 11, Store));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(async () => await MerkleLog.ProveTree(Suite, 10, -1, Store));
    }

    [Fact]
    public async Task Provers_FailWhenTheReaderReturnsTooFewHashes()
    {
        var reader = new ShortReader();
        await Should.ThrowAsync<InvalidOperationException>(async () => await MerkleLog.ProveRecord(Suite, 10, 3, reader));
        await Should.ThrowAsync<InvalidOperationException>(async () => await MerkleLog.ProveTree(Suite, 10, 3, reader));
        await Should.ThrowAsync<InvalidOperationException>(async () => await MerkleLog.TreeHash(Suite, 10, reader));
    }

    private sealed class ShortReader : IHashReader
    {
        public ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<byte[]>>([]);
    }
}
