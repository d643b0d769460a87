using Sanxiang.Tlog.Crypto;

namespace Sanxiang.Tlog.Note;

/// <summary>An Ed25519 note verifier, signature type 0x01 (C2SP signed-note "Ed25519 signatures").</summary>
public sealed class Ed25519NoteVerifier : INoteVerifier
{
    private readonly byte[] _publicKey;

    public Ed25519NoteVerifier(string name, ReadOnlySpan<byte> publicKey)
    {
        Name = NoteKeys.RequireName(name);
        _publicKey = publicKey.Length == Ed25519.PublicKeySize ? publicKey.ToArray() : throw new FormatException("An Ed25519 public key is 32 bytes.");
        KeyId = NoteKeys.ComputeKeyId(name, [NoteKeys.Ed25519Type, .. _publicKey]);
    }

    public string Name { get; }

    public uint KeyId { get; }

    /// <summary>The verifier key string <c>name+keyID+base64(0x01 || public key)</c>.</summary>
    public string VerifierKey => NoteKeys.FormatVerifierKey(Name, [NoteKeys.Ed25519Type, .. _publicKey]);

    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) => Ed25519.Verify(_publicKey, message, signature);
}

/// <summary>An Ed25519 note signer, signature type 0x01.</summary>
public sealed class Ed25519NoteSigner : INoteSigner
{
    private readonly byte[] _seed;

    public Ed25519NoteSigner(string name, ReadOnlySpan<byte> seed)
    {
        _seed = seed.Length == Ed25519.SeedSize ? seed.ToArray() : throw new FormatException("An Ed25519 private key seed is 32 bytes.");
        Verifier = new Ed25519NoteVerifier(name, Ed25519.PublicKeyFromSeed(_seed));
    }

    public string Name => Verifier.Name;

    public uint KeyId => Verifier.KeyId;

    /// <summary>The matching verifier (publish its <see cref="Ed25519NoteVerifier.VerifierKey"/>).</summary>
    public Ed25519NoteVerifier Verifier { get; }

    /// <summary>The signer key string <c>PRIVATE+KEY+name+keyID+base64(0x01 || seed)</c>; keep it secret.</summary>
    public string SignerKey => NoteKeys.FormatSignerKey(Name, KeyId, [NoteKeys.Ed25519Type, .. _seed]);

    /// <summary>A new random key.</summary>
    public static Ed25519NoteSigner Generate(string name) => new(name, Ed25519.GenerateSeed());

    public byte[] Sign(ReadOnlySpan<byte> message) => Ed25519.Sign(_seed, message);
}

/// <summary>
/// An SM2 note verifier (GB/T 32918.2 with SM3 and the default user ID "1234567812345678"). Its signature type is
/// 0xff followed by "sanxiang/sm2" (<see cref="NoteKeys.Sm2TypePrefix"/>): key ID =
/// SHA-256(name || 0x0A || 0xff || "sanxiang/sm2" || 65-byte uncompressed public key)[:4]; the signature is r || s.
/// </summary>
public sealed class Sm2NoteVerifier : INoteVerifier
{
    private readonly byte[] _publicKey;

    public Sm2NoteVerifier(string name, ReadOnlySpan<byte> publicKey)
    {
        Name = NoteKeys.RequireName(name);
        _publicKey = publicKey.Length == Sm2.PublicKeySize && publicKey[0] == 0x04
            ? publicKey.ToArray()
            : throw new FormatException("An SM2 public key is the 65-byte uncompressed point.");
        KeyId = NoteKeys.ComputeKeyId(name, [.. NoteKeys.Sm2TypePrefix, .. _publicKey]);
    }

    public string Name { get; }

    public uint KeyId { get; }

    /// <summary>The verifier key string <c>name+keyID+base64(0xff || "sanxiang/sm2" || public key)</c>.</summary>
    public string VerifierKey => NoteKeys.FormatVerifierKey(Name, [.. NoteKeys.Sm2TypePrefix, .. _publicKey]);

    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) => Sm2.Verify(_publicKey, message, signature);
}

/// <summary>An SM2 note signer; see <see cref="Sm2NoteVerifier"/> for the line format.</summary>
public sealed class Sm2NoteSigner : INoteSigner
{
    private readonly byte[] _privateKey;

    public Sm2NoteSigner(string name, ReadOnlySpan<byte> privateKey)
    {
        _privateKey = privateKey.ToArray();
        try
        {
            Verifier = new Sm2NoteVerifier(name, Sm2.PublicKeyFromPrivateKey(_privateKey));
        }
        catch (ArgumentException exception) when (exception.ParamName == "privateKey")
        {
            throw new FormatException("Invalid SM2 private key.", exception);
        }
    }

    public string Name => Verifier.Name;

    public uint KeyId => Verifier.KeyId;

    /// <summary>The matching verifier.</summary>
    public Sm2NoteVerifier Verifier { get; }

    /// <summary>The signer key string <c>PRIVATE+KEY+name+keyID+base64(0xff || "sanxiang/sm2" || d)</c>.</summary>
    public string SignerKey => NoteKeys.FormatSignerKey(Name, KeyId, [.. NoteKeys.Sm2TypePrefix, .. _privateKey]);

    /// <summary>A new random key.</summary>
    public static Sm2NoteSigner Generate(string name) => new(name, Sm2.GeneratePrivateKey());

    public byte[] Sign(ReadOnlySpan<byte> message) => Sm2.Sign(_privateKey, message);
}
