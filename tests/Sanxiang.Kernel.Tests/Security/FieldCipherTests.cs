using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Kernel.Tests.Security;

/// <summary>
/// SEC-CRYPTO-1 groundwork (issue 15): SM4 against the GB/T 32907-2016 test vectors and the openssl command line;
/// SM4-GCM's keystream cross-checked with openssl's SM4-CTR; field values round-trip under AES-256-GCM and SM4-GCM,
/// carry their key version, fail loudly when altered, and an older version stays readable after a new key is added.
/// </summary>
public sealed class FieldCipherTests
{
    private static readonly byte[] VectorKey = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");

    [Fact]
    public void SEC_CRYPTO_1_Sm4_MatchesTheGbt32907Vector()
    {
        // GB/T 32907-2016 appendix A, example 1: key = plaintext = 0123456789abcdeffedcba9876543210.
        Convert.ToHexStringLower(FieldCipher.Sm4EncryptBlock(VectorKey, VectorKey)).ShouldBe("681edf34d206965e86b3e94f536e4246");

        // Example 2: the same block encrypted 1,000,000 times.
        var block = VectorKey;
        for (var i = 0; i < 1_000_000; i++)
        {
            block = FieldCipher.Sm4EncryptBlock(VectorKey, block);
        }

        Convert.ToHexStringLower(block).ShouldBe("595298c7c6fd271f0402f804c33d3f66");
    }

    [OpensslFact]
    public void SEC_CRYPTO_1_Sm4_AgreesWithOpenssl_OnABlock_AndSm4GcmsKeystreamWithOpensslsCtr()
    {
        var openssl = Openssl(VectorKey, "enc", "-sm4-ecb", "-nopad", "-K", Convert.ToHexStringLower(VectorKey));
        Convert.ToHexStringLower(openssl).ShouldBe("681edf34d206965e86b3e94f536e4246");

        // GCM with a 96-bit nonce encrypts with CTR from the counter block nonce ‖ 00000002.
        var key = new FieldKey(1, FieldAlgorithm.Sm4Gcm, RandomNumberGenerator.GetBytes(16));
        var plaintext = Encoding.UTF8.GetBytes("110105199003070017 安平县城关镇解放路12号 13900000000");
        var sealedValue = FieldCipher.Encrypt(key, plaintext);
        var nonce = sealedValue[..12];
        var ciphertext = sealedValue[12..^16];
        var counter = Convert.ToHexStringLower([.. nonce, 0, 0, 0, 2]);
        Openssl(plaintext, "enc", "-sm4-ctr", "-K", Convert.ToHexStringLower(key.Key), "-iv", counter).ShouldBe(ciphertext);
    }

    [Theory]
    [InlineData(FieldAlgorithm.Aes256Gcm, 32)]
    [InlineData(FieldAlgorithm.Sm4Gcm, 16)]
    public void SEC_CRYPTO_1_AValue_RoundTrips_CarriesItsVersion_AndAnAlteredOneFails(FieldAlgorithm algorithm, int keyBytes)
    {
        var cipher = new FieldCipher([new FieldKey(3, algorithm, RandomNumberGenerator.GetBytes(keyBytes))], 3);
        var stored = cipher.Protect("110105199003070017")!;
        stored.ShouldStartWith("enc:v3:");
        stored.ShouldNotContain("110105");
        FieldCipher.VersionOf(stored).ShouldBe(3);
        cipher.Unprotect(stored).ShouldBe("110105199003070017");
        cipher.Protect("110105199003070017").ShouldNotBe(stored, "a fresh nonce for every value");
        cipher.Unprotect("plain text from before").ShouldBe("plain text from before");

        var bytes = Convert.FromBase64String(stored["enc:v3:".Length..]);
        bytes[^1] ^= 1;
        Should.Throw<CryptographicException>(() => cipher.Unprotect("enc:v3:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void SEC_CRYPTO_1_AfterANewKey_OldValuesStayReadable_AndTheKeyFileRoundTrips()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("sanxiang-keys-").FullName, "crypto", "field.keys");
        var keys = FieldKeyFile.LoadOrCreate(path, FieldAlgorithm.Sm4Gcm);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var old = new FieldCipher(keys.All, keys.Current).Protect("13900000000");
        var rotated = FieldKeyFile.WithNewKey(keys, FieldAlgorithm.Aes256Gcm);
        FieldKeyFile.Save(path, rotated);
        var reloaded = FieldKeyFile.LoadOrCreate(path, FieldAlgorithm.Sm4Gcm);
        reloaded.Current.ShouldBe(2);
        reloaded.IndexKey.ShouldBe(keys.IndexKey);
        var cipher = new FieldCipher(reloaded.All, reloaded.Current);
        cipher.Unprotect(old).ShouldBe("13900000000");
        FieldCipher.VersionOf(cipher.Protect("13900000000")).ShouldBe(2);
    }

    private static byte[] Openssl(byte[] input, params string[] args)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        p.StandardInput.BaseStream.Write(input);
        p.StandardInput.Close();
        using var output = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(output);
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, p.StandardError.ReadToEnd());
        return output.ToArray();
    }
}
