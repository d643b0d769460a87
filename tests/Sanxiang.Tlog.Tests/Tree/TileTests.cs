using FsCheck;
using FsCheck.Fluent;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Tlog.Tests.Tree;

public sealed class TileTests
{
    private static readonly HashSuite Suite = HashSuite.Sha256;

    // A tree with three tile levels: 273 full level 0 tiles, a full and a partial level 1 tile, a level 2 tile.
    private static readonly Lazy<MemoryHashStore> Large = new(() => MemoryHashStore.WithRecords(Suite, 70_000));

    [Theory]
    [InlineData(0, 1234067L, 8, "tile/0/x001/x234/067.p/8")]
    [InlineData(-1, 1234067L, 256, "tile/entries/x001/x234/067")]
    [InlineData(0, 0L, 256, "tile/0/000")]
    [InlineData(1, 999L, 1, "tile/1/999.p/1")]
    [InlineData(2, 1000L, 255, "tile/2/x001/000.p/255")]
    [InlineData(63, 1234567890123L, 256, "tile/63/x001/x234/x567/x890/123")]
    [InlineData(-1, 5L, 17, "tile/entries/005.p/17")]
    public void Path_FollowsTheSpec_AndParsesBack(int level, long index, int width, string path)
    {
        var tile = new Tile(level, index, width);
        tile.Path.ShouldBe(path);
        Tile.ParsePath(path).ShouldBe(tile);
    }

    [Theory]
    [InlineData("tile/0/x001/x234/067.p/256")]
    [InlineData("tile/0/x001/x234/067.p/0")]
    [InlineData("tile/0/x001/x234/067.p/08")]
    [InlineData("tile/00/067")]
    [InlineData("tile/64/067")]
    [InlineData("tile/0/67")]
    [InlineData("tile/0/0067")]
    [InlineData("tile/0/x067")]
    [InlineData("tile/0/001/067")]
    [InlineData("tile/0/x000/067")]
    [InlineData("tile/0/x001/x234/067/")]
    [InlineData("tile/0/x001/x234/067.p")]
    [InlineData("tile/data/067")]
    [InlineData("tile/-1/067")]
    [InlineData("tile/0/x009/x223/x372/x036/x854/x775/808")]
    [InlineData("tiles/0/067")]
    [InlineData("tile/0/")]
    [InlineData("")]
    public void TryParsePath_RejectsNonCanonicalPaths(string path)
    {
        Tile.TryParsePath(path, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => Tile.ParsePath(path));
    }

    [Fact]
    public void NewTiles_ForTheSpecExamples()
    {
        // "a tree of size 70,000 will be represented by 273 full level 0 tiles, one partial level 0 tile of
        // width 112, one full level 1 tile, one partial level 1 tile of width 17, and one partial level 2 tile
        // of width 1. Note that a tree of size 256 will be represented by a full level 0 tile and a partial
        // level 1 tile of width 1."
        var tiles = Tiles.NewTiles(0, 70_000);
        tiles.Count(t => t.Level == 0 && !t.IsPartial).ShouldBe(273);
        tiles.Where(t => t.IsPartial || t.Level > 0).ShouldBe(
        [
            new Tile(0, 273, 112), new Tile(1, 0, 256), new Tile(1, 1, 17), new Tile(2, 0, 1),
        ]);
        Tiles.NewTiles(0, 256).ShouldBe([new Tile(0, 0, 256), new Tile(1, 0, 1)]);
        Tiles.NewTiles(256, 256).ShouldBeEmpty();
        Tiles.NewTiles(256, 300).ShouldBe([new Tile(0, 1, 44)]);
    }

    [Fact]
    public void NewTiles_AreTheTilesOfTheNewTreeNotInTheOldOne()
    {
        static HashSet<Tile> All(long size) => [.. Tiles.NewTiles(0, size)];

        var sizes = Gen.Choose(0, 200_000).Two().Select(p => (Math.Min(p.Item1, p.Item2), Math.Max(p.Item1, p.Item2)));
        Prop.ForAll(sizes.ToArbitrary(), p =>
        {
            var expected = All(p.Item2);
            expected.ExceptWith(All(p.Item1));
            Tiles.NewTiles(p.Item1, p.Item2).ShouldBe(expected, ignoreOrder: true);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TilesFromStoredHashes_AreTheLevelsOfTheReferenceTree()
    {
        var store = Large.Value;
        foreach (var tile in Tiles.NewTiles(0, store.Size))
        {
            var data = MemoryHashStore.Sync(Tiles.ReadTileData(tile, store));
            data.Length.ShouldBe(tile.Width * HashSuite.Size);

            // tlog-tiles: hash i of tile N at level L is MTH(D[(N·256 + i)·256^L : (N·256 + i + 1)·256^L]).
            var span = 1 << (8 * tile.Level);
            foreach (var i in new[] { 0, tile.Width / 2, tile.Width - 1 }.Distinct())
            {
                var lo = (int)(((tile.Index * 256) + i) * span);
                var expected = Rfc9162.MerkleTreeHash(Suite, store.LeafHashes.GetRange(lo, span));
                data.AsSpan(i * HashSuite.Size, HashSuite.Size).ToArray().ShouldBe(expected, $"{tile} hash {i}");
            }
        }
    }

    [Fact]
    public void HashFromTile_RecomputesEveryStoredHash()
    {
        var store = MemoryHashStore.WithRecords(Suite, 1000);
        for (long index = 0; index < store.Hashes.Count; index++)
        {
            var tile = Tiles.TileForIndex(index);
            var data = MemoryHashStore.Sync(Tiles.ReadTileData(tile, store));
            Tiles.HashFromTile(Suite, tile, data, index).ShouldBe(store.Hashes[(int)index]);

            // A wider version of the tile, as published at a later tree size, works as well.
            var full = new Tile(tile.Level, tile.Index, Tile.FullWidth);
            if ((full.Index + 1) * Tile.FullWidth << (8 * full.Level) <= store.Size)
            {
                Tiles.HashFromTile(Suite, full, MemoryHashStore.Sync(Tiles.ReadTileData(full, store)), index).ShouldBe(store.Hashes[(int)index]);
            }
        }
    }

    [Fact]
    public void HashFromTile_RejectsTheWrongTileOrShortData()
    {
        var store = MemoryHashStore.WithRecords(Suite, 20);
        var index = MerkleLog.StoredHashIndex(0, 10);
        var tile = Tiles.TileForIndex(index);
        tile.ShouldBe(new Tile(0, 0, 11));
        var data = MemoryHashStore.Sync(Tiles.ReadTileData(tile, store));
        Should.Throw<ArgumentException>(() => Tiles.HashFromTile(Suite, new Tile(0, 0, 10), data, index));
        Should.Throw<ArgumentException>(() => Tiles.HashFromTile(Suite, new Tile(0, 1, 11), data, index));
        Should.Throw<ArgumentException>(() => Tiles.HashFromTile(Suite, tile, data.AsSpan(1), index));
    }
}
