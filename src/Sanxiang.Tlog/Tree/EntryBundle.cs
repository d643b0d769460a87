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
        var entries = new List<byte[]>();
        while (!bundle.IsEmpty)
        {
            if (bundle.Length < 2)
            {
                throw new FormatException($"Entry bundle truncated in the length of entry {entries.Count}.");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bundle);
            if (bundle.Length < 2 + length)
            {
                throw new FormatException($"Entry bundle truncated in entry {entries.Count} ({length} bytes announced, {bundle.Length - 2} left).");
            }

            entries.Add(bundle.Slice(2, length).ToArray());
            bundle = bundle[(2 + length)..];
        }

        return entries;
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
