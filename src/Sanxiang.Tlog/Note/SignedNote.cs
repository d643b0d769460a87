using System.Buffers.Binary;
using System.Text;

namespace Sanxiang.Tlog.Note;

/// <summary>A signature line of a note: key name, key ID and the signature bytes after the key ID.</summary>
public sealed record NoteSignature(string Name, uint KeyId, ReadOnlyMemory<byte> Signature)
{
    /// <summary>The line's payload, base64(key ID || signature).</summary>
    public string Base64
    {
        get
        {
            var bytes = new byte[4 + Signature.Length];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, KeyId);
            Signature.Span.CopyTo(bytes.AsSpan(4));
            return Convert.ToBase64String(bytes);
        }
    }

    /// <summary>The signature line without its newline: "— name base64".</summary>
    public override string ToString() => $"{SignedNote.SignaturePrefix}{Name} {Base64}";
}

/// <summary>
/// An opened note: its text (ending in a newline) and its signatures, split into those verified by a known key and
/// those from unknown keys (kept so that they can be passed on, e.g. cosignatures).
/// </summary>
public sealed record OpenedNote(string Text, IReadOnlyList<NoteSignature> Signatures, IReadOnlyList<NoteSignature> UnverifiedSignatures);

/// <summary>
/// C2SP signed-note (https://c2sp.org/signed-note): text, a blank line, then lines "— name base64(keyID || sig)".
/// Parsing follows Go's golang.org/x/mod/sumdb/note.Open.
/// </summary>
public static class SignedNote
{
    /// <summary>The start of a signature line: em dash U+2014 and a space.</summary>
    public const string SignaturePrefix = "\u2014 ";

    /// <summary>At most this many signature lines are accepted (signed-note "Format": verifiers SHOULD limit).</summary>
    public const int MaxSignatures = 100;

    /// <summary>Signs a text (which must end in a newline) with each signer and returns the signed note.</summary>
    public static string Sign(string text, params IEnumerable<INoteSigner> signers) =>
        Sign(new OpenedNote(text, [], []), signers);

    /// <summary>
    /// Signs the note's text with each signer, keeping the note's existing signatures (verified and unverified)
    /// except those from the same name and key ID as a new signer; e.g. a witness adding its cosignature.
    /// </summary>
    public static string Sign(OpenedNote note, params IEnumerable<INoteSigner> signers)
    {
        var text = NoteText.Encode(note.Text);
        if (text.Length == 0 || text[^1] != '\n' || !NoteText.IsValid(text))
        {
            throw new NoteException(NoteError.Malformed, "A note text is non-empty, ends in a newline and has no control characters but newline.");
        }

        var fresh = signers.Select(signer => new NoteSignature(NoteKeys.RequireName(signer.Name), signer.KeyId, signer.Sign(text))).ToList();
        var kept = note.Signatures.Concat(note.UnverifiedSignatures)
            .Where(old => !fresh.Exists(s => s.Name == old.Name && s.KeyId == old.KeyId));
        var builder = new StringBuilder(note.Text).Append('\n');
        foreach (var signature in kept.Concat(fresh))
        {
            builder.Append(signature).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Opens a signed note given as a string; see <see cref="Open(ReadOnlySpan{byte}, IEnumerable{INoteVerifier})"/>.</summary>
    public static OpenedNote Open(string message, IEnumerable<INoteVerifier> verifiers) => Open(NoteText.Encode(message), verifiers);

    /// <summary>
    /// Parses and verifies a signed note. Signatures whose name and key ID match a known verifier must verify; the
    /// others are returned as unverified. At least one verified signature is required.
    /// </summary>
    /// <exception cref="NoteException">The note is malformed, a known key's signature is invalid, or none verified.</exception>
    public static OpenedNote Open(ReadOnlySpan<byte> message, IEnumerable<INoteVerifier> verifiers)
    {
        var known = new Dictionary<(string, uint), INoteVerifier>();
        foreach (var verifier in verifiers)
        {
            if (!known.TryAdd((verifier.Name, verifier.KeyId), verifier))
            {
                throw new ArgumentException($"Two verifiers have the name {verifier.Name} and key ID {verifier.KeyId:x8}.", nameof(verifiers));
            }
        }

        var (text, lines) = Parse(message);
        var textBytes = message[..Encoding.UTF8.GetByteCount(text)];
        List<NoteSignature> verified = [], unverified = [];
        foreach (var line in lines)
        {
            if (!known.TryGetValue((line.Name, line.KeyId), out var verifier))
            {
                if (!unverified.Contains(line, NoteSignatureComparer.Instance))
                {
                    unverified.Add(line);
                }
            }
            else if (!verified.Exists(s => s.Name == line.Name && s.KeyId == line.KeyId))
            {
                // Repeated signatures by one key are dropped, as Go does.
                verified.Add(verifier.Verify(textBytes, line.Signature.Span)
                    ? line
                    : throw new NoteException(NoteError.InvalidSignature, $"Invalid signature for key {line.Name}+{line.KeyId:x8}."));
            }
        }

        return verified.Count > 0
            ? new OpenedNote(text, verified, unverified)
            : throw new NoteException(NoteError.Unverified, "The note has no signature from a known key.");
    }

    /// <summary>Parses a signed note without verifying anything: its text and its signature lines.</summary>
    /// <exception cref="NoteException">The note is malformed.</exception>
    public static (string Text, IReadOnlyList<NoteSignature> Signatures) Parse(ReadOnlySpan<byte> message)
    {
        static NoteException Malformed(string why) => new(NoteError.Malformed, "Malformed note: " + why);

        if (!NoteText.IsValid(message))
        {
            throw Malformed("not UTF-8, or a control character other than newline.");
        }

        var split = message.LastIndexOf("\n\n"u8);
        if (split < 0 || split + 2 == message.Length || message[^1] != '\n')
        {
            throw Malformed("no blank line before the signatures, or no final newline.");
        }

        var text = Encoding.UTF8.GetString(message[..(split + 1)]);
        var block = Encoding.UTF8.GetString(message[(split + 2)..]);
        var lines = block[..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            throw Malformed($"more than {MaxSignatures} signatures.");
        }

        var signatures = new List<NoteSignature>(lines.Length);
        foreach (var line in lines)
        {
            var space = line.StartsWith(SignaturePrefix, StringComparison.Ordinal) ? line.IndexOf(' ', SignaturePrefix.Length) : -1;
            if (space < 0)
            {
                throw Malformed("a signature line is not \"— name base64\".");
            }

            var name = line[SignaturePrefix.Length..space];
            var bytes = NoteText.FromBase64(line[(space + 1)..]);
            if (!NoteKeys.IsValidName(name) || bytes is not { Length: >= 5 })
            {
                throw Malformed("a signature line has an invalid name or signature.");
            }

            signatures.Add(new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes.AsMemory(4)));
        }

        return (text, signatures);
    }

    private sealed class NoteSignatureComparer : IEqualityComparer<NoteSignature>
    {
        public static readonly NoteSignatureComparer Instance = new();

        public bool Equals(NoteSignature? x, NoteSignature? y) =>
            x is not null && y is not null && x.Name == y.Name && x.KeyId == y.KeyId && x.Signature.Span.SequenceEqual(y.Signature.Span);

        public int GetHashCode(NoteSignature obj) => HashCode.Combine(obj.Name, obj.KeyId);
    }
}
