using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sanxiang.Tlog.Note;

/// <summary>
/// Key IDs and the text forms of note keys (C2SP signed-note "Signatures"; the vkey/skey strings of Go's
/// golang.org/x/mod/sumdb/note). A verifier key is <c>name+hex(keyID)+base64(type || public key)</c>; a signer key
/// is <c>PRIVATE+KEY+name+hex(keyID)+base64(type || private key)</c>. The "type" is the signature type byte, or for
/// 0xff the type byte followed by an identifier (see <see cref="Sm2TypePrefix"/>).
/// </summary>
public static class NoteKeys
{
    /// <summary>Signature type of Ed25519 note signatures (signed-note §"Ed25519 signatures").</summary>
    public const byte Ed25519Type = 0x01;

    /// <summary>Signature type of timestamped Ed25519 witness cosignatures (c2sp.org/tlog-cosignature).</summary>
    public const byte CosignatureType = 0x04;

    /// <summary>
    /// Sanxiang's SM2 signature type: the signed-note reserved byte 0xff followed by the ASCII identifier
    /// "sanxiang/sm2". Standard verifiers do not know it and skip such lines as unknown keys.
    /// </summary>
    /// <remarks>
    /// The key ID of an SM2 key is therefore SHA-256(name || 0x0A || 0xff || "sanxiang/sm2" || 65-byte uncompressed
    /// public key)[:4], and the signature is the 64-byte r || s of GB/T 32918.2 with SM3 and the user ID
    /// "1234567812345678" over the note text.
    /// </remarks>
    public static ReadOnlySpan<byte> Sm2TypePrefix => Sm2Prefix;

    // 0xff || ASCII "sanxiang/sm2".
    private static ReadOnlySpan<byte> Sm2Prefix => [0xff, 0x73, 0x61, 0x6e, 0x78, 0x69, 0x61, 0x6e, 0x67, 0x2f, 0x73, 0x6d, 0x32];

    private const string PrivateKeyPrefix = "PRIVATE+KEY+";

    /// <summary>Whether a key name is valid: non-empty, no Unicode space, no '+' (signed-note "Format").</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && !name.Any(c => char.IsWhiteSpace(c) || c == '+') && IsValidUtf16(name);

    /// <summary>Key ID = SHA-256(name || 0x0A || typed public key)[:4], big-endian (signed-note "Signatures").</summary>
    public static uint ComputeKeyId(string name, ReadOnlySpan<byte> typedPublicKey)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nameBytes.Length + 1 + typedPublicKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = 0x0A;
        typedPublicKey.CopyTo(input.AsSpan(nameBytes.Length + 1));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    /// <summary>Formats <c>name+hex(keyID)+base64(typed public key)</c>.</summary>
    public static string FormatVerifierKey(string name, ReadOnlySpan<byte> typedPublicKey) =>
        string.Create(CultureInfo.InvariantCulture, $"{RequireName(name)}+{ComputeKeyId(name, typedPublicKey):x8}+{Convert.ToBase64String(typedPublicKey)}");

    /// <summary>Formats <c>PRIVATE+KEY+name+hex(keyID)+base64(typed private key)</c>.</summary>
    public static string FormatSignerKey(string name, uint keyId, ReadOnlySpan<byte> typedPrivateKey) =>
        string.Create(CultureInfo.InvariantCulture, $"{PrivateKeyPrefix}{RequireName(name)}+{keyId:x8}+{Convert.ToBase64String(typedPrivateKey)}");

    /// <summary>Parses a verifier key of a known type (Ed25519, cosignature, Sanxiang SM2); checks its key ID.</summary>
    /// <exception cref="FormatException">The key is malformed, of an unknown type, or its key ID does not match.</exception>
    public static INoteVerifier ParseVerifier(string verifierKey)
    {
        var (name, keyId, key) = Split(verifierKey);
        INoteVerifier verifier = key switch
        {
            [Ed25519Type, .. var rest] => new Ed25519NoteVerifier(name, rest),
            [CosignatureType, .. var rest] => new CosignatureVerifier(name, rest),
            _ when key.AsSpan().StartsWith(Sm2Prefix) => new Sm2NoteVerifier(name, key[Sm2Prefix.Length..]),
            _ => throw new FormatException("Unknown verifier key type."),
        };
        return verifier.KeyId == keyId ? verifier : throw new FormatException("The key ID does not match the name and key.");
    }

    /// <summary>Parses a signer key of a known type; checks its key ID against the derived public key.</summary>
    /// <exception cref="FormatException">The key is malformed, of an unknown type, or its key ID does not match.</exception>
    public static INoteSigner ParseSigner(string signerKey)
    {
        if (!signerKey.StartsWith(PrivateKeyPrefix, StringComparison.Ordinal))
        {
            throw new FormatException("A signer key starts with PRIVATE+KEY+.");
        }

        var (name, keyId, key) = Split(signerKey[PrivateKeyPrefix.Length..]);
        INoteSigner signer = key switch
        {
            [Ed25519Type, .. var rest] => new Ed25519NoteSigner(name, rest),
            [CosignatureType, .. var rest] => new CosignatureSigner(name, rest),
            _ when key.AsSpan().StartsWith(Sm2Prefix) => new Sm2NoteSigner(name, key[Sm2Prefix.Length..]),
            _ => throw new FormatException("Unknown signer key type."),
        };
        return signer.KeyId == keyId ? signer : throw new FormatException("The key ID does not match the name and key.");
    }

    internal static string RequireName(string name) =>
        IsValidName(name) ? name : throw new ArgumentException("A key name is non-empty and has no spaces or '+'.", nameof(name));

    private static (string Name, uint KeyId, byte[] Key) Split(string text)
    {
        // Base64 may contain '+': only the first two separate fields, as in Go's note.NewVerifier.
        var parts = text.Split('+', 3);
        if (parts.Length != 3 || !IsValidName(parts[0]) || parts[1].Length != 8
            || !uint.TryParse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var keyId))
        {
            throw new FormatException("A note key is name+hex(keyID)+base64(key).");
        }

        try
        {
            var key = Convert.FromBase64String(parts[2]);
            return key.Length == 0 ? throw new FormatException("Empty key.") : (parts[0], keyId, key);
        }
        catch (FormatException exception)
        {
            throw new FormatException("The key is not valid base64.", exception);
        }
    }

    private static bool IsValidUtf16(string value)
    {
        try
        {
            _ = NoteText.StrictUtf8.GetByteCount(value);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
