using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Sanxiang.Tlog.Tree;

/// <summary>
/// A tile of the C2SP tlog-tiles layout (https://c2sp.org/tlog-tiles, "Merkle Tree"): at level L, tile N holds
/// the hashes MTH(D[(N·256 + i)·256^L : (N·256 + i + 1)·256^L]) for i below its width W (256 when full).
/// Level <see cref="EntriesLevel"/> (-1, Go's "data" tile) denotes the entry bundle of the level 0 tile N.
/// </summary>
public sealed record Tile
{
    /// <summary>The tile height: each tile spans 8 tree levels, 256 hashes (Go's sumdb/tlog H = 8).</summary>
    public const int Height = 8;

    /// <summary>The width of a full tile, 2^<see cref="Height"/>.</summary>
    public const int FullWidth = 1 << Height;

    /// <summary>The level of entry bundles, served at tile/entries/N.</summary>
    public const int EntriesLevel = -1;

    private const string Prefix = "tile/";
    private const string EntriesName = "entries";

    public Tile(int level, long index, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, EntriesLevel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 63);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, FullWidth);
        Level = level;
        Index = index;
        Width = width;
    }

    /// <summary>L: 0 for leaf hashes, 1 for hashes of full level 0 tiles, ...; -1 for an entry bundle.</summary>
    public int Level { get; }

    /// <summary>N: the tile's position within its level.</summary>
    public long Index { get; }

    /// <summary>W: the number of hashes (or entries), 1 to 256.</summary>
    public int Width { get; }

    public bool IsPartial => Width < FullWidth;

    public bool IsEntries => Level == EntriesLevel;

    /// <summary>
    /// The path below the log prefix: <c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> or
    /// <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c>, N in zero-padded groups of three digits, all but the last
    /// prefixed by "x" (1234067 is x001/x234/067), and ".p/W" only for a partial tile.
    /// </summary>
    public string Path
    {
        get
        {
            var builder = new StringBuilder(Prefix);
            builder.Append(IsEntries ? EntriesName : Level.ToString(CultureInfo.InvariantCulture)).Append('/');
            AppendIndex(builder, Index);
            if (IsPartial)
            {
                builder.Append(".p/").Append(Width.ToString(CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }
    }

    /// <summary>The entry bundle with the same index and width as this level 0 tile.</summary>
    public Tile ToEntries() =>
        Level == 0 ? new Tile(EntriesLevel, Index, Width) : throw new InvalidOperationException("Only level 0 tiles have entry bundles.");

    public override string ToString() => Path;

    /// <summary>Parses a canonical tile or entry bundle path, as produced by <see cref="Path"/>.</summary>
    public static Tile ParsePath(string path) =>
        TryParsePath(path, out var tile) ? tile : throw new FormatException($"Not a tlog-tiles path: '{path}'.");

    /// <summary>
    /// Parses a tile path strictly as the spec writes it: no leading zeroes in L and W, W from 1 to 255,
    /// three-digit groups for N with "x" on all but the last and no leading "x000" group.
    /// </summary>
    public static bool TryParsePath(string? path, [NotNullWhen(true)] out Tile? tile)
    {
        tile = null;
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = path[Prefix.Length..].Split('/');
        if (parts.Length < 2)
        {
            return false;
        }

        var width = FullWidth;
        var last = parts.Length - 1;
        if (parts.Length >= 3 && parts[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!TryParseDecimal(parts[^1], 255, out var w) || w < 1)
            {
                return false;
            }

            width = (int)w;
            last--;
            parts[last] = parts[last][..^2];
        }

        int level;
        if (parts[0] == EntriesName)
        {
            level = EntriesLevel;
        }
        else if (TryParseDecimal(parts[0], 63, out var l))
        {
            level = (int)l;
        }
        else
        {
            return false;
        }

        if (!TryParseIndex(parts.AsSpan(1, last), out var index))
        {
            return false;
        }

        tile = new Tile(level, index, width);
        return true;
    }

    private static void AppendIndex(StringBuilder builder, long n)
    {
        Span<long> groups = stackalloc long[7];
        var count = 0;
        do
        {
            groups[count++] = n % 1000;
            n /= 1000;
        }
        while (n > 0);

        for (var i = count - 1; i >= 0; i--)
        {
            builder.Append(i > 0 ? "x" : string.Empty).Append(groups[i].ToString("D3", CultureInfo.InvariantCulture));
            if (i > 0)
            {
                builder.Append('/');
            }
        }
    }

    private static bool TryParseIndex(ReadOnlySpan<string> groups, out long index)
    {
        index = 0;
        if (groups.Length is 0 or > 7 || (groups.Length > 1 && groups[0] == "x000"))
        {
            return false;
        }

        for (var i = 0; i < groups.Length; i++)
        {
            var group = groups[i].AsSpan();
            if (i < groups.Length - 1)
            {
                if (group.Length != 4 || group[0] != 'x')
                {
                    return false;
                }

                group = group[1..];
            }

            if (group.Length != 3 || !char.IsAsciiDigit(group[0]) || !char.IsAsciiDigit(group[1]) || !char.IsAsciiDigit(group[2]))
            {
                return false;
            }

            var value = ((group[0] - '0') * 100) + ((group[1] - '0') * 10) + (group[2] - '0');
            if (index > (long.MaxValue - value) / 1000)
            {
                return false;
            }

            index = (index * 1000) + value;
        }

        return true;
    }

    private static bool TryParseDecimal(string text, long max, out long value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 19 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
            if (value > max)
            {
                return false;
            }
        }

        return true;
    }
}
