namespace Sanxiang.Tlog.Tree;

/// <summary>
/// Tiles over stored hashes (C2SP tlog-tiles, https://c2sp.org/tlog-tiles; Go's sumdb/tlog tile.go with
/// height 8). A tile at level L holds stored hashes of tree level 8·L; the tree levels between two tile levels
/// are recomputed from the tile's hashes.
/// </summary>
public static class Tiles
{
    private const int H = Tile.Height;

    /// <summary>
    /// The smallest tile holding the stored hash at <paramref name="storedHashIndex"/>, either directly (tree
    /// level 8·L) or as the hash of a power-of-two run of its hashes (the tree levels in between).
    /// </summary>
    public static Tile TileForIndex(long storedHashIndex) => TileForIndex(storedHashIndex, out _, out _);

    /// <summary>
    /// The tiles that a tree growing from <paramref name="oldSize"/> to <paramref name="newSize"/> records
    /// adds or changes (tlog-tiles "Partial Tiles"): at each level, the full tiles completed and the partial
    /// tile at the new size, lowest level first.
    /// </summary>
    public static List<Tile> NewTiles(long oldSize, long newSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, newSize);
        var tiles = new List<Tile>();
        for (var level = 0; level * H < 63 && newSize >> (H * level) > 0; level++)
        {
            var oldN = oldSize >> (H * level);
            var newN = newSize >> (H * level);
            if (oldN == newN)
            {
                continue;
            }

            for (var n = oldN >> H; n < newN >> H; n++)
            {
                tiles.Add(new Tile(level, n, Tile.FullWidth));
            }

            var last = newN >> H;
            var width = (int)(newN - (last << H));
            if (width > 0)
            {
                tiles.Add(new Tile(level, last, width));
            }
        }

        return tiles;
    }

    /// <summary>
    /// The content of a hash tile: its <see cref="Tile.Width"/> hashes concatenated, read from stored hashes
    /// in one call (the tree must hold at least (N·256 + W)·256^L records).
    /// </summary>
    public static async ValueTask<byte[]> ReadTileData(Tile tile, IHashReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tile);
        if (tile.IsEntries)
        {
            throw new ArgumentException("An entry bundle holds entries, not stored hashes.", nameof(tile));
        }

        var indexes = new long[tile.Width];
        var start = tile.Index << H;
        for (var i = 0; i < indexes.Length; i++)
        {
            indexes[i] = MerkleLog.StoredHashIndex(H * tile.Level, start + i);
        }

        var hashes = await MerkleLog.ReadAsync(reader, indexes, cancellationToken);
        var data = new byte[tile.Width * HashSuite.Size];
        for (var i = 0; i < hashes.Count; i++)
        {
            hashes[i].CopyTo(data, i * HashSuite.Size);
        }

        return data;
    }

    /// <summary>
    /// The stored hash at <paramref name="storedHashIndex"/> computed from the content
    /// <paramref name="data"/> of <paramref name="tile"/>, which must be (a wider version of)
    /// <see cref="TileForIndex(long)"/> of that index.
    /// </summary>
    public static byte[] HashFromTile(HashSuite suite, Tile tile, ReadOnlySpan<byte> data, long storedHashIndex)
    {
        ArgumentNullException.ThrowIfNull(tile);
        if (tile.IsEntries)
        {
            throw new ArgumentException("An entry bundle holds entries, not hashes.", nameof(tile));
        }

        if (data.Length < tile.Width * HashSuite.Size)
        {
            throw new ArgumentException($"Tile data of {data.Length} bytes is too short for {tile}.", nameof(data));
        }

        var needed = TileForIndex(storedHashIndex, out var start, out var end);
        if (needed.Level != tile.Level || needed.Index != tile.Index || needed.Width > tile.Width)
        {
            throw new ArgumentException($"Stored hash {storedHashIndex} is in {needed}, not {tile}.", nameof(tile));
        }

        return HashRun(suite, data[(start * HashSuite.Size)..(end * HashSuite.Size)]);
    }

    /// <summary>Go's tileForIndex: the tile, and the run [start, end) of its hashes that hash to the index.</summary>
    private static Tile TileForIndex(long storedHashIndex, out int start, out int end)
    {
        var (level, n) = MerkleLog.SplitStoredHashIndex(storedHashIndex);
        var tileLevel = level / H;
        level -= tileLevel * H; // the level within the tile
        var tileIndex = n << level >> H;
        n -= tileIndex << H >> level; // the position within the tile at that level
        start = (int)(n << level);
        end = (int)((n + 1) << level);
        return new Tile(tileLevel, tileIndex, end);
    }

    /// <summary>MTH of a power-of-two run of hashes, reduced pairwise in a scratch buffer.</summary>
    private static byte[] HashRun(HashSuite suite, ReadOnlySpan<byte> run)
    {
        var count = run.Length / HashSuite.Size;
        if (count == 1)
        {
            return run.ToArray();
        }

        Span<byte> scratch = stackalloc byte[run.Length];
        run.CopyTo(scratch);
        for (; count > 1; count /= 2)
        {
            for (var i = 0; i < count / 2; i++)
            {
                MerkleLog.NodeHash(
                    suite,
                    scratch.Slice(2 * i * HashSuite.Size, HashSuite.Size),
                    scratch.Slice(((2 * i) + 1) * HashSuite.Size, HashSuite.Size),
                    scratch.Slice(i * HashSuite.Size, HashSuite.Size));
            }
        }

        return scratch[..HashSuite.Size].ToArray();
    }
}
