using System.Buffers.Binary;

namespace Sanxiang.Tlog.Tree;

/// <summary>
/// Entry bundles of C2SP tlog-tiles ("Log entries", https://c2sp.org/tlog-tiles): the entries of a level 0
/// tile, each prefixed by its length as a big-endian uint16, served at tile/entries/N[.p/W].
/// </summary>
public static class EntryBundle
{
    /// <summary>The largest entry the uint16 length prefix allows.</summary>
    public const int MaxEntrySize = ushort.MaxValue;

    /// <summary>Concatenates the entries with their length prefixes; an entry over 65,535 bytes is an error.</summary>
    public static byte[] Encode(IReadOnlyList<byte[]> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var size = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Length > MaxEntrySize)
            {
                throw new ArgumentException($"Entry {i} is {entries[i].Length} bytes; a bundle entry is at most {MaxEntrySize}.", nameof(entries));
            }

            size += 2 + entries[i].Length;
        }

        var bundle = new byte[size];
        var position = 0;
        foreach (var entry in entries)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bundle.AsSpan(position), (ushort)entry.Length);
            entry.CopyTo(bundle, position + 2);
            position += 2 + entry.Length;
        }

        return bundle;
    }

    /// <summary>Splits a bundle into its entries; a truncated length or entry is a <see cref="FormatException"/>.</summary>
    public static List<byte[]> Decode(ReadOnlySpan<byte> bundle)
    {
        var ranges = new List<Range>();
        Split(bundle, ranges);
        var entries = new List<byte[]>(ranges.Count);
        foreach (var range in ranges)
        {
            entries.Add(bundle[range].ToArray());
        }

        return entries;
    }

    /// <summary>
    /// Where each entry of a bundle lies (replacing the contents of <paramref name="ranges"/>), without copying;
    /// a truncated length or entry is a <see cref="FormatException"/>.
    /// </summary>
    internal static void Split(ReadOnlySpan<byte> bundle, List<Range> ranges)
    {
        ranges.Clear();
        var position = 0;
        while (position < bundle.Length)
        {
            if (bundle.Length - position < 2)
            {
                throw new FormatException($"Entry bundle truncated in the length of entry {ranges.Count}.");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bundle[position..]);
            if (bundle.Length - position < 2 + length)
            {
                throw new FormatException($"Entry bundle truncated in entry {ranges.Count} ({length} bytes announced, {bundle.Length - position - 2} left).");
            }

            ranges.Add(new Range(position + 2, position + 2 + length));
            position += 2 + length;
        }
    }

    /// <summary>
    /// Decodes the bundle of <paramref name="tile"/> and checks that it holds exactly
    /// <see cref="Tile.Width"/> entries.
    /// </summary>
    public static List<byte[]> Decode(Tile tile, ReadOnlySpan<byte> bundle)
    {
        ArgumentNullException.ThrowIfNull(tile);
        var entries = Decode(bundle);
        if (entries.Count != tile.Width)
        {
            throw new FormatException($"Entry bundle {tile} holds {entries.Count} entries, not {tile.Width}.");
        }

        return entries;
    }
}
