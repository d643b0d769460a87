using FsCheck;
using FsCheck.Fluent;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Tlog.Tests.Tree;

public sealed class EntryBundleTests
{
    [Fact]
    public void Encode_PrefixesEachEntryWithItsBigEndianLength()
    {
        EntryBundle.Encode([[0xAA], [], new byte[300]]).ShouldBe([0, 1, 0xAA, 0, 0, 1, 44, .. new byte[300]]);
    }

    [Fact]
    public void Decode_InvertsEncode()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[][]>(), entries =>
        {
            entries = [.. entries.Where(e => e is not null)];
            EntryBundle.Decode(EntryBundle.Encode(entries)).ShouldBe(entries);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Encode_AcceptsTheLargestEntry_AndRejectsOneByteMore()
    {
        var largest = new byte[65_535];
        EntryBundle.Decode(EntryBundle.Encode([largest])).Single().Length.ShouldBe(65_535);
        Should.Throw<ArgumentException>(() => EntryBundle.Encode([new byte[65_536]]));
    }

    [Theory]
    [InlineData(new byte[] { 0 })]
    [InlineData(new byte[] { 0, 2, 1 })]
    [InlineData(new byte[] { 0, 1, 7, 0 })]
    [InlineData(new byte[] { 0, 1, 7, 0, 1 })]
    public void Decode_RejectsTruncatedBundles(byte[] bundle)
    {
        Should.Throw<FormatException>(() => EntryBundle.Decode(bundle));
    }

    [Fact]
    public void Decode_ForATile_ChecksTheEntryCount()
    {
        var bundle = EntryBundle.Encode([[1], [2], [3]]);
        EntryBundle.Decode(new Tile(Tile.EntriesLevel, 0, 3), bundle).Count.ShouldBe(3);
        Should.Throw<FormatException>(() => EntryBundle.Decode(new Tile(Tile.EntriesLevel, 0, 4), bundle));
    }
}
