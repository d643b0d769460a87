using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Sanxiang.Tlog.Tree;

/// <summary>
/// A C2SP transparency log proof (https://c2sp.org/tlog-proof, <c>c2sp.org/tlog-proof@v1</c>): an offline
/// verifiable proof that an entry is in a log, stored in a <c>.tlog-proof</c> file. Its text is, line by line:
/// the header <c>c2sp.org/tlog-proof@v1</c>; optionally <c>extra &lt;base64&gt;</c> (opaque, unauthenticated
/// application data); <c>index &lt;decimal&gt;</c>; the inclusion proof (RFC 6962 §2.1.1, leaf's sibling first),
/// one standard base64 hash a line; an empty line; then the signed checkpoint note, verbatim
/// (c2sp.org/tlog-checkpoint with its signatures and cosignatures). The checkpoint is kept here as raw text;
/// parse and verify it with the note and checkpoint types.
/// </summary>
/// <remarks>Equality is by reference for <see cref="Hashes"/> and <see cref="ExtraData"/>, as for any record.</remarks>
public sealed record TlogProof
{
    /// <summary>The first line of every proof.</summary>
    public const string Header = "c2sp.org/tlog-proof@v1";

    /// <summary>The file extension the spec recommends.</summary>
    public const string FileExtension = ".tlog-proof";

    private const string ExtraPrefix = "extra ";
    private const string IndexPrefix = "index ";

    /// <summary>Creates a proof; <paramref name="checkpoint"/> is the signed note text, ending in a newline.</summary>
    public TlogProof(long index, IReadOnlyList<byte[]> hashes, string checkpoint, byte[]? extraData = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentNullException.ThrowIfNull(hashes);
        ArgumentException.ThrowIfNullOrEmpty(checkpoint);
        foreach (var hash in hashes)
        {
            MerkleLog.CheckHash(hash, nameof(hashes));
        }

        Index = index;
        Hashes = hashes;
        Checkpoint = checkpoint;
        ExtraData = extraData;
    }

    /// <summary>The zero-based index of the entry in the log.</summary>
    public long Index { get; }

    /// <summary>The inclusion proof in the checkpoint's tree, from the leaf's sibling up to the root's child.</summary>
    public IReadOnlyList<byte[]> Hashes { get; }

    /// <summary>The signed checkpoint note, verbatim.</summary>
    public string Checkpoint { get; }

    /// <summary>Optional opaque data; not authenticated by the proof, so never trust it implicitly.</summary>
    public byte[]? ExtraData { get; }

    /// <summary>
    /// Checks the inclusion proof (RFC 9162 §2.1.3.2) for the entry with leaf hash <paramref name="leafHash"/>
    /// against the size and root of the checkpoint, which the caller has parsed and whose signatures it has
    /// verified.
    /// </summary>
    public bool CheckInclusion(HashSuite suite, long treeSize, ReadOnlySpan<byte> rootHash, ReadOnlySpan<byte> leafHash) =>
        MerkleLog.CheckRecord(suite, Hashes, treeSize, rootHash, Index, leafHash);

    /// <summary>The text of the proof, as the spec lays it out.</summary>
    public string Format()
    {
        var builder = new StringBuilder(Header).Append('\n');
        if (ExtraData is not null)
        {
            builder.Append(ExtraPrefix).Append(Convert.ToBase64String(ExtraData)).Append('\n');
        }

        builder.Append(IndexPrefix).Append(Index.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in Hashes)
        {
            builder.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        return builder.Append('\n').Append(Checkpoint).ToString();
    }

    /// <summary>Parses a proof; malformed text is a <see cref="FormatException"/> naming the problem.</summary>
    public static TlogProof Parse(string text) =>
        TryParse(text, out var proof, out var error) ? proof : throw new FormatException(error);

    /// <summary>
    /// Parses a proof strictly: the exact header, canonical standard base64 (no whitespace), an index in
    /// decimal without leading zeroes, 32-byte hashes, the empty line, and a non-empty checkpoint.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TlogProof? proof, [NotNullWhen(false)] out string? error)
    {
        proof = null;
        var rest = text.AsSpan();
        if (text is null || !NextLine(ref rest, out var line) || !line.SequenceEqual(Header))
        {
            error = "The proof does not start with the line " + Header + ".";
            return false;
        }

        byte[]? extra = null;
        if (!NextLine(ref rest, out line))
        {
            error = "The proof ends before its index.";
            return false;
        }

        if (line.StartsWith(ExtraPrefix, StringComparison.Ordinal))
        {
            if (!TryDecodeBase64(line[ExtraPrefix.Length..], out extra) || !NextLine(ref rest, out line))
            {
                error = "The extra data is not canonical base64, or the proof ends after it.";
                return false;
            }
        }

        if (!line.StartsWith(IndexPrefix, StringComparison.Ordinal) || !TryParseIndex(line[IndexPrefix.Length..], out var index))
        {
            error = "The proof has no valid 'index' line.";
            return false;
        }

        var hashes = new List<byte[]>();
        while (true)
        {
            if (!NextLine(ref rest, out line))
            {
                error = "The proof has no empty line before its checkpoint.";
                return false;
            }

            if (line.IsEmpty)
            {
                break;
            }

            if (!TryDecodeBase64(line, out var hash) || hash.Length != HashSuite.Size)
            {
                error = $"Proof line {hashes.Count + 1} is not a base64 hash of {HashSuite.Size} bytes.";
                return false;
            }

            hashes.Add(hash);
        }

        if (rest.IsEmpty)
        {
            error = "The proof has no checkpoint.";
            return false;
        }

        proof = new TlogProof(index, hashes, rest.ToString(), extra);
        error = null;
        return true;
    }

    /// <summary>Takes the next newline-terminated line; false when no complete line is left.</summary>
    private static bool NextLine(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> line)
    {
        var end = rest.IndexOf('\n');
        if (end < 0)
        {
            line = default;
            return false;
        }

        line = rest[..end];
        rest = rest[(end + 1)..];
        return true;
    }

    private static bool TryDecodeBase64(ReadOnlySpan<char> text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        var buffer = new byte[(text.Length / 4 * 3) + 3];
        if (text.ContainsAny(" \t\r\n") || !Convert.TryFromBase64Chars(text, buffer, out var written))
        {
            return false;
        }

        // Reject non-canonical encodings (stray bits in the last character) by encoding again.
        bytes = buffer[..written];
        return text.SequenceEqual(Convert.ToBase64String(bytes));
    }

    private static bool TryParseIndex(ReadOnlySpan<char> text, out long index)
    {
        index = 0;
        return text.Length > 0 && (text.Length == 1 || text[0] != '0') && !text.ContainsAnyExcept("0123456789")
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
