using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace Sanxiang.Tlog.Crypto;

/// <summary>
/// SM2 digital signatures (GB/T 32918.2-2016, GM/T 0003.2) on the recommended curve sm2p256v1 (GB/T 32918.5), with
/// SM3 and the user identity Z_A of §5.5, through Portable.BouncyCastle. Private keys are the 32-byte big-endian
/// scalar d; public keys the 65-byte uncompressed point 04 || x || y (GB/T 32918.1 §4.2.9); signatures the 64-byte
/// r || s, each 32 bytes big-endian (use <see cref="SignatureToDer"/> for the ASN.1 form of GB/T 35276 that openssl uses).
/// </summary>
public static class Sm2
{
    /// <summary>The default user identity (distinguishing ID) of GB/T 35276 and GM/T 0009: "1234567812345678".</summary>
    public const string DefaultUserId = "1234567812345678";

    /// <summary>Size of a private key in bytes.</summary>
    public const int PrivateKeySize = 32;

    /// <summary>Size of an uncompressed public key in bytes.</summary>
    public const int PublicKeySize = 65;

    /// <summary>Size of a signature (r || s) in bytes.</summary>
    public const int SignatureSize = 64;

    private static readonly ECDomainParameters Curve = CreateCurve();

    /// <summary>A new random private key d in [1, n-2].</summary>
    public static byte[] GeneratePrivateKey()
    {
        var limit = Curve.N.Subtract(BigInteger.Two);
        while (true)
        {
            var d = new BigInteger(1, RandomNumberGenerator.GetBytes(PrivateKeySize));
            if (d.SignValue > 0 && d.CompareTo(limit) <= 0)
            {
                return d.ToByteArrayUnsigned().AsSpan().PadLeft(PrivateKeySize);
            }
        }
    }

    /// <summary>The public key P = dG, uncompressed.</summary>
    public static byte[] PublicKeyFromPrivateKey(ReadOnlySpan<byte> privateKey) => PublicKeyFromPrivateKey(Curve, privateKey);

    /// <summary>Signs a message (GB/T 32918.2 §6.1): e = SM3(Z_A || M) with Z_A from the user ID and public key.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> message, string userId = DefaultUserId) =>
        Sign(Curve, privateKey, message, userId, new SecureRandom());

    /// <summary>Verifies an r || s signature (GB/T 32918.2 §7.1); false for malformed keys or signatures.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, string userId = DefaultUserId) =>
        Verify(Curve, publicKey, message, signature, userId);

    /// <summary>Converts r || s to the DER SEQUENCE { INTEGER r, INTEGER s } of GB/T 35276 (as openssl writes it).</summary>
    public static byte[] SignatureToDer(ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureSize)
        {
            throw new ArgumentException($"An SM2 signature r || s is {SignatureSize} bytes.", nameof(signature));
        }

        var r = new DerInteger(new BigInteger(1, signature[..32].ToArray()));
        var s = new DerInteger(new BigInteger(1, signature[32..].ToArray()));
        return new DerSequence(r, s).GetEncoded();
    }

    /// <summary>Converts a DER-encoded signature to r || s.</summary>
    public static byte[] SignatureFromDer(ReadOnlySpan<byte> der)
    {
        var values = StandardDsaEncoding.Instance.Decode(Curve.N, der.ToArray());
        return [.. values[0].ToByteArrayUnsigned().AsSpan().PadLeft(32), .. values[1].ToByteArrayUnsigned().AsSpan().PadLeft(32)];
    }

    internal static byte[] PublicKeyFromPrivateKey(ECDomainParameters curve, ReadOnlySpan<byte> privateKey) =>
        curve.G.Multiply(PrivateScalar(curve, privateKey)).Normalize().GetEncoded(false);

    /// <summary>Signs with an explicit curve and random source; tests use it with the fixed k of the standard's examples.</summary>
    internal static byte[] Sign(ECDomainParameters curve, ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> message, string userId, SecureRandom random)
    {
        var signer = new SM2Signer(PlainDsaEncoding.Instance, new Org.BouncyCastle.Crypto.Digests.SM3Digest());
        var key = new ECPrivateKeyParameters(PrivateScalar(curve, privateKey), curve);
        signer.Init(forSigning: true, new ParametersWithID(new ParametersWithRandom(key, random), Encoding.UTF8.GetBytes(userId)));
        var data = message.ToArray();
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    internal static bool Verify(ECDomainParameters curve, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, string userId)
    {
        if (publicKey.Length != PublicKeySize || publicKey[0] != 0x04 || signature.Length != SignatureSize)
        {
            return false;
        }

        try
        {
            var point = curve.Curve.DecodePoint(publicKey.ToArray());
            var signer = new SM2Signer(PlainDsaEncoding.Instance, new Org.BouncyCastle.Crypto.Digests.SM3Digest());
            signer.Init(forSigning: false, new ParametersWithID(new ECPublicKeyParameters(point, curve), Encoding.UTF8.GetBytes(userId)));
            var data = message.ToArray();
            signer.BlockUpdate(data, 0, data.Length);
            return signer.VerifySignature(signature.ToArray());
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static BigInteger PrivateScalar(ECDomainParameters curve, ReadOnlySpan<byte> privateKey)
    {
        var d = privateKey.Length == PrivateKeySize ? new BigInteger(1, privateKey.ToArray()) : BigInteger.Zero;
        if (d.SignValue <= 0 || d.CompareTo(curve.N.Subtract(BigInteger.One)) >= 0)
        {
            throw new ArgumentException($"An SM2 private key is a {PrivateKeySize}-byte integer in [1, n-2].", nameof(privateKey));
        }

        return d;
    }

    private static ECDomainParameters CreateCurve()
    {
        var x9 = GMNamedCurves.GetByName("sm2p256v1");
        return new ECDomainParameters(x9.Curve, x9.G, x9.N, x9.H);
    }
}

internal static class SpanPadding
{
    /// <summary>Left-pads big-endian bytes with zeros to the given length.</summary>
    public static byte[] PadLeft(this Span<byte> value, int length)
    {
        var result = new byte[length];
        value.CopyTo(result.AsSpan(length - value.Length));
        return result;
    }
}
