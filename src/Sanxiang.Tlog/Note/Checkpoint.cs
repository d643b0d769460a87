using System.Globalization;
using System.Text;

namespace Sanxiang.Tlog.Note;

/// <summary>
/// The note text of a C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint, "Note text"): the origin line, the
/// tree size in ASCII decimal without leading zeroes, the base64 root hash (32 bytes, RFC 6962 tree of SHA-256 or
/// SM3), then optional non-empty extension lines; every line ends in a newline.
/// </summary>
public sealed record Checkpoint
{
    public Checkpoint(string origin, long size, ReadOnlySpan<byte> rootHash, IReadOnlyList<string>? extensions = null)
    {
        if (string.IsNullOrEmpty(origin) || origin.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("The origin is a non-empty single line.", nameof(origin));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (rootHash.Length != HashSuite.Size)
        {
            throw new ArgumentException($"A root hash is {HashSuite.Size} bytes.", nameof(rootHash));
        }

        extensions ??= [];
        if (extensions.Any(line => line.Length == 0 || line.Contains('\n', StringComparison.Ordinal)))
        {
            throw new ArgumentException("Extension lines are non-empty single lines.", nameof(extensions));
        }

        Origin = origin;
        Size = size;
        RootHash = rootHash.ToArray();
        Extensions = [.. extensions];
    }

    /// <summary>The log's origin (its identity; SHOULD be a schema-less URL).</summary>
    public string Origin { get; }

    /// <summary>The number of leaves in the tree.</summary>
    public long Size { get; }

    /// <summary>The RFC 6962 root hash at <see cref="Size"/>.</summary>
    public ReadOnlyMemory<byte> RootHash { get; }

    /// <summary>Opaque extension lines (NOT RECOMMENDED by the spec).</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>The note text: origin, size, base64 root and extension lines, each followed by a newline.</summary>
    public string Format()
    {
        var builder = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash.Span)).Append('\n');
        foreach (var line in Extensions)
        {
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Parses a checkpoint note text (not a signed note: open that first with <see cref="SignedNote.Open(string, IEnumerable{INoteVerifier})"/>).</summary>
    /// <exception cref="FormatException">The text is not a valid checkpoint.</exception>
    public static Checkpoint Parse(string text) =>
        TryParse(text, out var checkpoint) ? checkpoint : throw new FormatException("Not a valid tlog-checkpoint note text.");

    /// <summary>Parses a checkpoint note text; false if it is not valid.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Checkpoint? checkpoint)
    {
        checkpoint = null;
        if (text is null || !text.EndsWith('\n'))
        {
            return false;
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length < 3 || lines[0].Length == 0 || !IsCanonicalSize(lines[1], out var size) || lines.Skip(3).Any(line => line.Length == 0))
        {
            return false;
        }

        var root = NoteText.FromBase64(lines[2]);
        if (root is not { Length: HashSuite.Size } || Convert.ToBase64String(root) != lines[2])
        {
            return false;
        }

        checkpoint = new Checkpoint(lines[0], size, root, lines[3..]);
        return true;
    }

    public bool Equals(Checkpoint? other) =>
        other is not null && Origin == other.Origin && Size == other.Size && RootHash.Span.SequenceEqual(other.RootHash.Span)
        && Extensions.SequenceEqual(other.Extensions, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Origin, Size, Convert.ToBase64String(RootHash.Span));

    private static bool IsCanonicalSize(string line, out long size)
    {
        size = 0;
        return line.Length > 0 && line.All(char.IsAsciiDigit) && (line == "0" || line[0] != '0')
            && long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out size);
    }
}
