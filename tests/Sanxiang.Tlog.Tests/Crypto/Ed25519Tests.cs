using System.Text;
using Sanxiang.Tlog.Crypto;

namespace Sanxiang.Tlog.Tests.Crypto;

public sealed class Ed25519Tests
{
    // RFC 8032 §7.1: TEST 1, TEST 2, TEST 3 and TEST SHA(abc) (secret key, public key, message, signature).
    public static TheoryData<string, string, string, string> Rfc8032Vectors => new()
    {
        {
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        {
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
        {
            "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
            "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void SignAndVerify_MatchRfc8032Vectors(string secret, string publicKey, string message, string signature)
    {
        var seed = Convert.FromHexString(secret);
        var data = Convert.FromHexString(message);
        Convert.ToHexStringLower(Ed25519.PublicKeyFromSeed(seed)).ShouldBe(publicKey);
        Convert.ToHexStringLower(Ed25519.Sign(seed, data)).ShouldBe(signature);
        Ed25519.Verify(Convert.FromHexString(publicKey), data, Convert.FromHexString(signature)).ShouldBeTrue();
        Ed25519.Verify(Convert.FromHexString(publicKey), [.. data, 0], Convert.FromHexString(signature)).ShouldBeFalse();
    }

    [Fact]
    public void TestShaAbc_MessageIsSha512OfAbc()
    {
        Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData("abc"u8)).ShouldBe(
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    }

    [Fact]
    public void GeneratedKey_SignsAndVerifies_AndRejectsTamperingAndBadSizes()
    {
        var seed = Ed25519.GenerateSeed();
        var publicKey = Ed25519.PublicKeyFromSeed(seed);
        var signature = Ed25519.Sign(seed, "checkpoint"u8);
        Ed25519.Verify(publicKey, "checkpoint"u8, signature).ShouldBeTrue();
        signature[5] ^= 1;
        Ed25519.Verify(publicKey, "checkpoint"u8, signature).ShouldBeFalse();
        Ed25519.Verify(publicKey.AsSpan(1), "checkpoint"u8, signature).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => Ed25519.Sign(seed.AsSpan(1), "x"u8));
    }

    [OpenSslFact]
    public void CrossCheck_WithOpensslPkeyutl_BothWays()
    {
        var directory = Directory.CreateTempSubdirectory("ed25519-");
        try
        {
            string F(string name) => Path.Combine(directory.FullName, name);
            OpenSsl.Run("genpkey", "-algorithm", "ed25519", "-out", F("key.pem"));
            OpenSsl.Run("pkey", "-in", F("key.pem"), "-pubout", "-out", F("pub.pem"));
            OpenSsl.Run("pkey", "-in", F("key.pem"), "-outform", "DER", "-out", F("key.der"));
            OpenSsl.Run("pkey", "-in", F("key.pem"), "-pubout", "-outform", "DER", "-out", F("pub.der"));
            var seed = File.ReadAllBytes(F("key.der"))[^32..];
            var publicKey = File.ReadAllBytes(F("pub.der"))[^32..];
            Ed25519.PublicKeyFromSeed(seed).ShouldBe(publicKey);
            var message = Encoding.UTF8.GetBytes("example.com/log\n42\nAAAA\n");
            File.WriteAllBytes(F("msg"), message);

            // openssl signs, we verify; and the signatures agree, Ed25519 being deterministic.
            OpenSsl.Run("pkeyutl", "-sign", "-rawin", "-inkey", F("key.pem"), "-in", F("msg"), "-out", F("openssl.sig"));
            var opensslSignature = File.ReadAllBytes(F("openssl.sig"));
            Ed25519.Verify(publicKey, message, opensslSignature).ShouldBeTrue();
            Ed25519.Sign(seed, message).ShouldBe(opensslSignature);

            // We sign, openssl verifies.
            File.WriteAllBytes(F("ours.sig"), Ed25519.Sign(seed, message));
            OpenSsl.Run("pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", F("pub.pem"), "-in", F("msg"), "-sigfile", F("ours.sig"))
                .ShouldContain("Signature Verified Successfully");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
