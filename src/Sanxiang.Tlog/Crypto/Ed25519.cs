using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

namespace Sanxiang.Tlog.Crypto;

/// <summary>
/// Ed25519 signatures (RFC 8032 §5.1, pure Ed25519 without context) through Portable.BouncyCastle. Private keys
/// are the 32-byte seed of RFC 8032 §5.1.5; public keys the 32-byte encoding of §5.1.2.
/// </summary>
public static class Ed25519
{
    /// <summary>Size of a private key seed in bytes.</summary>
    public const int SeedSize = 32;

    /// <summary>Size of a public key in bytes.</summary>
    public const int PublicKeySize = 32;

    /// <summary>Size of a signature in bytes.</summary>
    public const int SignatureSize = 64;

    /// <summary>A new random private key seed from the operating system's CSPRNG.</summary>
    public static byte[] GenerateSeed() => RandomNumberGenerator.GetBytes(SeedSize);

    /// <summary>The public key of a private key seed (RFC 8032 §5.1.5).</summary>
    public static byte[] PublicKeyFromSeed(ReadOnlySpan<byte> seed) => PrivateKey(seed).GeneratePublicKey().GetEncoded();

    /// <summary>Signs a message (RFC 8032 §5.1.6). Ed25519 is deterministic: the same input gives the same signature.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> message)
    {
        var signer = new Org.BouncyCastle.Crypto.Signers.Ed25519Signer();
        signer.Init(forSigning: true, PrivateKey(seed));
        var data = message.ToArray();
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    /// <summary>Verifies a signature (RFC 8032 §5.1.7); false for keys or signatures of the wrong size.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeySize || signature.Length != SignatureSize)
        {
            return false;
        }

        var verifier = new Org.BouncyCastle.Crypto.Signers.Ed25519Signer();
        verifier.Init(forSigning: false, new Ed25519PublicKeyParameters(publicKey.ToArray(), 0));
        var data = message.ToArray();
        verifier.BlockUpdate(data, 0, data.Length);
        return verifier.VerifySignature(signature.ToArray());
    }

    private static Ed25519PrivateKeyParameters PrivateKey(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedSize)
        {
            throw new ArgumentException($"An Ed25519 private key seed is {SeedSize} bytes.", nameof(seed));
        }

        return new Ed25519PrivateKeyParameters(seed.ToArray(), 0);
    }
}
