using System.Globalization;
using System.Text;
using Sanxiang.Tlog.Note;

namespace Sanxiang.Tlog.Witness;

/// <summary>
/// The body of a C2SP tlog-witness <c>add-checkpoint</c> request (https://c2sp.org/tlog-witness): the line
/// <c>old &lt;size&gt;</c>, zero or more lines of base64 consistency proof hashes (at most 63), an empty line,
/// then the signed checkpoint note.
/// </summary>
public sealed record AddCheckpointRequest(long OldSize, IReadOnlyList<byte[]> Proof, string SignedCheckpoint)
{
    /// <summary>The largest number of proof lines a witness accepts (tlog-witness: at most 63).</summary>
    public const int MaxProofLines = 63;

    /// <summary>The request body.</summary>
    public string Format()
    {
        var builder = new StringBuilder("old ").Append(OldSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in Proof)
        {
            builder.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        return builder.Append('\n').Append(SignedCheckpoint).ToString();
    }

    /// <summary>Parses a request body; false if it is malformed.</summary>
    public static bool TryParse(string? body, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AddCheckpointRequest? request)
    {
        request = null;
        if (body is null || !body.StartsWith("old ", StringComparison.Ordinal))
        {
            return false;
        }

        var end = body.IndexOf('\n', StringComparison.Ordinal);
        if (end < 0 || !TryParseSize(body[4..end], out var oldSize))
        {
            return false;
        }

        var proof = new List<byte[]>();
        var position = end + 1;
        while (true)
        {
            var next = body.IndexOf('\n', position);
            if (next < 0)
            {
                return false;
            }

            if (next == position)
            {
                position = next + 1;
                break;
            }

            var hash = NoteText.FromBase64(body[position..next]);
            if (hash is not { Length: HashSuite.Size } || proof.Count == MaxProofLines)
            {
                return false;
            }

            proof.Add(hash);
            position = next + 1;
        }

        var note = body[position..];
        if (note.Length == 0)
        {
            return false;
        }

        request = new AddCheckpointRequest(oldSize, proof, note);
        return true;
    }

    /// <summary>A canonical ASCII decimal size (no sign, no leading zeroes), as in checkpoints.</summary>
    public static bool TryParseSize(string text, out long size)
    {
        size = 0;
        return text.Length > 0 && text.All(char.IsAsciiDigit) && (text == "0" || text[0] != '0')
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size);
    }
}
