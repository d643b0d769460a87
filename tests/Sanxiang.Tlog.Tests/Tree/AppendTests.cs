using FsCheck;
using FsCheck.Fluent;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Tlog.Tests.Tree;

public sealed class AppendTests
{
    private static readonly HashSuite Suite = HashSuite.Sha256;
    private static readonly MemoryHashStore Store = MemoryHashStore.WithRecords(Suite, 600);

    [Fact]
    public void AppendStoredHashes_EqualsOneStoredHashesCallPerRecord_InAtMostOneRead()
    {
        var batches = from oldSize in Gen.Choose(0, 300)
                      from count in Gen.Choose(0, 300)
                      select (oldSize, count);
        Prop.ForAll(batches.ToArbitrary(), b =>
        {
            var records = Store.LeafHashes.GetRange(b.oldSize, b.count);
            Store.ResetCounters();
            var added = MemoryHashStore.Sync(MerkleLog.AppendStoredHashes(Suite, b.oldSize, records, Store));
            Store.Calls.ShouldBeLessThanOrEqualTo(1);
            Store.HashesRead.ShouldBeLessThanOrEqualTo(63);
            Store.MaxIndexRead.ShouldBeLessThan(MerkleLog.StoredHashCount(b.oldSize));

            var from = (int)MerkleLog.StoredHashCount(b.oldSize);
            var to = (int)MerkleLog.StoredHashCount(b.oldSize + b.count);
            added.ShouldBe(Store.Hashes.Skip(from).Take(to - from));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task AppendStoredHashes_RejectsMalformedRecordHashes()
    {
        await Should.ThrowAsync<ArgumentException>(async () => await MerkleLog.AppendStoredHashes(Suite, 0, [new byte[31]], Store));
    }
}
