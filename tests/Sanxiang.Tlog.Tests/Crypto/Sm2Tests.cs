using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Security;
using Sanxiang.Tlog.Crypto;

namespace Sanxiang.Tlog.Tests.Crypto;

public sealed class Sm2Tests
{
    private static readonly byte[] MessageDigest = Encoding.ASCII.GetBytes("message digest");

    [Fact]
    public void Sign_ReproducesGbt32918Part2ExampleA2_WithItsFixedK()
    {
        // GB/T 32918.2-2016 Appendix A.2 (GM/T 0003.2-2012): the 256-bit test curve over Fp, ID "ALICE123@YAHOO.COM".
        var curve = new FpCurve(
            Hex("8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3"),
            Hex("787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498"),
            Hex("63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A"),
            Hex("8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7"),
            BigInteger.One);
        var g = curve.CreatePoint(Hex("421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D"), Hex("0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2"));
        var domain = new ECDomainParameters(curve, g, curve.Order, curve.Cofactor);
        var d = Convert.FromHexString("128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263");

        var publicKey = Sm2.PublicKeyFromPrivateKey(domain, d);
        Convert.ToHexString(publicKey).ShouldBe("04" + "0AE4C7798AA0F119471BEE11825BE46202BB79E2A5844495E97C04FF4DF2548A" + "7C0240F88F1CD4E16352A73C17B7F16F07353E53A176D684A9FE0C6BB798E857");
        var signature = Sm2.Sign(domain, d, MessageDigest, "ALICE123@YAHOO.COM", new FixedRandom("6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F"));
        Convert.ToHexString(signature).ShouldBe(
            "40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1" + "6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7");
        Sm2.Verify(domain, publicKey, MessageDigest, signature, "ALICE123@YAHOO.COM").ShouldBeTrue();
        Sm2.Verify(domain, publicKey, MessageDigest, signature, Sm2.DefaultUserId).ShouldBeFalse();
    }

    [Fact]
    public void Sign_ReproducesTheSm2p256v1Example_WithTheDefaultUserId()
    {
        // The widely used example on the recommended curve (GM/T 0003 / GB/T 32918.5 parameters, ID 1234567812345678).
        var d = Convert.FromHexString("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8");
        var publicKey = Sm2.PublicKeyFromPrivateKey(d);
        Convert.ToHexString(publicKey).ShouldBe("04" + "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020" + "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13");
        const string Expected = "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3" + "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA";
        Sm2.Verify(publicKey, MessageDigest, Convert.FromHexString(Expected)).ShouldBeTrue();
        var x9 = Org.BouncyCastle.Asn1.GM.GMNamedCurves.GetByName("sm2p256v1");
        var domain = new ECDomainParameters(x9.Curve, x9.G, x9.N, x9.H);
        var signature = Sm2.Sign(domain, d, MessageDigest, Sm2.DefaultUserId, new FixedRandom("59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21"));
        Convert.ToHexString(signature).ShouldBe(Expected);
    }

    [Fact]
    public void GeneratedKey_SignsAndVerifies_AndDerRoundTrips()
    {
        var d = Sm2.GeneratePrivateKey();
        var publicKey = Sm2.PublicKeyFromPrivateKey(d);
        publicKey.Length.ShouldBe(Sm2.PublicKeySize);
        var signature = Sm2.Sign(d, "note"u8);
        Sm2.Verify(publicKey, "note"u8, signature).ShouldBeTrue();
        Sm2.Verify(publicKey, "note!"u8, signature).ShouldBeFalse();
        Sm2.SignatureFromDer(Sm2.SignatureToDer(signature)).ShouldBe(signature);
        Sm2.Verify(publicKey.AsSpan(1), "note"u8, signature).ShouldBeFalse();
    }

    [OpenSslFact]
    public void CrossCheck_WithOpensslPkeyutl_BothWays()
    {
        var directory = Directory.CreateTempSubdirectory("sm2-");
        try
        {
            string F(string name) => Path.Combine(directory.FullName, name);
            OpenSsl.Run("genpkey", "-algorithm", "SM2", "-out", F("key.pem"));
            OpenSsl.Run("pkey", "-in", F("key.pem"), "-pubout", "-out", F("pub.pem"));
            var (d, publicKey) = ParseOpensslText(OpenSsl.Run("pkey", "-in", F("key.pem"), "-text", "-noout"));
            Sm2.PublicKeyFromPrivateKey(d).ShouldBe(publicKey);
            var message = Encoding.UTF8.GetBytes("example.com/log\n42\nAAAA\n");
            File.WriteAllBytes(F("msg"), message);
            string[] sm2Options = ["-rawin", "-digest", "sm3", "-pkeyopt", "distid:" + Sm2.DefaultUserId];

            OpenSsl.Run(["pkeyutl", "-sign", "-inkey", F("key.pem"), "-in", F("msg"), "-out", F("openssl.sig"), .. sm2Options]);
            Sm2.Verify(publicKey, message, Sm2.SignatureFromDer(File.ReadAllBytes(F("openssl.sig")))).ShouldBeTrue();

            File.WriteAllBytes(F("ours.sig"), Sm2.SignatureToDer(Sm2.Sign(d, message)));
            OpenSsl.Run(["pkeyutl", "-verify", "-pubin", "-inkey", F("pub.pem"), "-in", F("msg"), "-sigfile", F("ours.sig"), .. sm2Options])
                .ShouldContain("Signature Verified Successfully");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static (byte[] PrivateKey, byte[] PublicKey) ParseOpensslText(string text)
    {
        string Block(string label)
        {
            var start = text.IndexOf(label + ":\n", StringComparison.Ordinal) + label.Length + 2;
            var lines = text[start..].Split('\n').TakeWhile(line => line.StartsWith("    ", StringComparison.Ordinal));
            return string.Concat(lines).Replace(":", "").Replace(" ", "");
        }

        var d = Convert.FromHexString(Block("priv"));
        var padded = new byte[32];
        d[^Math.Min(32, d.Length)..].CopyTo(padded.AsSpan(32 - Math.Min(32, d.Length)));
        return (padded, Convert.FromHexString(Block("pub")));
    }

    private static BigInteger Hex(string value) => new(value, 16);

    /// <summary>A "random" source that always yields the k of a published example.</summary>
    private sealed class FixedRandom(string k) : SecureRandom
    {
        private readonly byte[] _k = Convert.FromHexString(k);

        public override void NextBytes(byte[] buf) => NextBytes(buf, 0, buf.Length);

        public override void NextBytes(byte[] buf, int off, int len) => _k.AsSpan(_k.Length - len).CopyTo(buf.AsSpan(off, len));

        // BouncyCastle.Cryptography 2.x draws k through the span overload.
        public override void NextBytes(Span<byte> buffer) => _k.AsSpan(_k.Length - buffer.Length).CopyTo(buffer);
    }
}
