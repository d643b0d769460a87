using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Sanxiang.Tlog.Crypto;

namespace Sanxiang.Tlog.Note;

/// <summary>
/// Timestamped Ed25519 witness cosignatures (c2sp.org/tlog-cosignature, "Format" and "Ed25519 signed message"):
/// signature type 0x04; the signature is timestamp (8 bytes, big-endian POSIX seconds, at most 2^63 - 1) || Ed25519
/// signature over "cosignature/v1\ntime &lt;timestamp&gt;\n" followed by the whole checkpoint note text.
/// </summary>
public static class Cosignature
{
    /// <summary>Size of a cosignature without the key ID: 8-byte timestamp and 64-byte Ed25519 signature.</summary>
    public const int Size = 8 + Ed25519.SignatureSize;

    /// <summary>The signed message: the cosignature/v1 header line, the time line, then the note text.</summary>
    public static byte[] SignedMessage(long timestamp, ReadOnlySpan<byte> noteText)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"cosignature/v1\ntime {timestamp}\n"));
        return [.. header, .. noteText];
    }

    /// <summary>The timestamp of a cosignature (without key ID), or null if it is not 72 bytes or exceeds 2^63 - 1.</summary>
    public static long? ReadTimestamp(ReadOnlySpan<byte> signature)
    {
        if (signature.Length != Size)
        {
            return null;
        }

        var timestamp = BinaryPrimitives.ReadUInt64BigEndian(signature);
        return timestamp > long.MaxValue ? null : (long)timestamp;
    }
}

/// <summary>Verifies tlog-cosignature/v1 Ed25519 cosignatures (type 0x04) of a witness.</summary>
public sealed class CosignatureVerifier : INoteVerifier
{
    private readonly byte[] _publicKey;

    public CosignatureVerifier(string name, ReadOnlySpan<byte> publicKey)
    {
        Name = NoteKeys.RequireName(name);
        _publicKey = publicKey.Length == Ed25519.PublicKeySize ? publicKey.ToArray() : throw new FormatException("An Ed25519 public key is 32 bytes.");
        KeyId = NoteKeys.ComputeKeyId(name, [NoteKeys.CosignatureType, .. _publicKey]);
    }

    public string Name { get; }

    public uint KeyId { get; }

    /// <summary>The verifier key string <c>name+keyID+base64(0x04 || public key)</c>.</summary>
    public string VerifierKey => NoteKeys.FormatVerifierKey(Name, [NoteKeys.CosignatureType, .. _publicKey]);

    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) => TryVerify(message, signature, out _);

    /// <summary>Verifies a cosignature and returns its timestamp (POSIX seconds).</summary>
    public bool TryVerify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, out long timestamp)
    {
        timestamp = Cosignature.ReadTimestamp(signature) ?? -1;
        return timestamp >= 0 && Ed25519.Verify(_publicKey, Cosignature.SignedMessage(timestamp, message), signature[8..]);
    }
}

/// <summary>Signs checkpoints as a witness with tlog-cosignature/v1 (type 0x04), stamping the current time.</summary>
public sealed class CosignatureSigner : INoteSigner
{
    private readonly byte[] _seed;
    private readonly TimeProvider _time;

    public CosignatureSigner(string name, ReadOnlySpan<byte> seed, TimeProvider? time = null)
    {
        _seed = seed.Length == Ed25519.SeedSize ? seed.ToArray() : throw new FormatException("An Ed25519 private key seed is 32 bytes.");
        _time = time ?? TimeProvider.System;
        Verifier = new CosignatureVerifier(name, Ed25519.PublicKeyFromSeed(_seed));
    }

    public string Name => Verifier.Name;

    public uint KeyId => Verifier.KeyId;

    /// <summary>The matching verifier.</summary>
    public CosignatureVerifier Verifier { get; }

    /// <summary>The signer key string <c>PRIVATE+KEY+name+keyID+base64(0x04 || seed)</c>.</summary>
    public string SignerKey => NoteKeys.FormatSignerKey(Name, KeyId, [NoteKeys.CosignatureType, .. _seed]);

    /// <summary>A new random witness key.</summary>
    public static CosignatureSigner Generate(string name, TimeProvider? time = null) => new(name, Ed25519.GenerateSeed(), time);

    /// <summary>Cosigns the note text at the current time.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => Sign(message, _time.GetUtcNow().ToUnixTimeSeconds());

    /// <summary>Cosigns the note text at the given time: timestamp (8 bytes big-endian) || Ed25519 signature.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message, long timestamp)
    {
        var signature = new byte[Cosignature.Size];
        BinaryPrimitives.WriteInt64BigEndian(signature, timestamp);
        Ed25519.Sign(_seed, Cosignature.SignedMessage(timestamp, message)).CopyTo(signature, 8);
        return signature;
    }
}
