using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Kernel.Tests.Security;

/// <summary>Runs only where the openssl, printf and xxd commands exist; otherwise xunit reports the test as skipped with the reason.</summary>
public sealed class OpensslFactAttribute : FactAttribute
{
    public OpensslFactAttribute()
    {
        if (OpensslTotp.MissingTool() is { } missing)
        {
            Skip = $"'{missing}' is not installed: cannot cross-check TOTP against a second implementation (apt-get install openssl xxd).";
        }
    }
}

/// <summary>
/// An independent HMAC-SHA1 TOTP: the counter is written by the shell (printf + xxd), the MAC is computed by
/// the openssl command line, and only the RFC 4226 dynamic truncation is done here.
/// </summary>
internal static class OpensslTotp
{
    public static string? MissingTool()
    {
        foreach (var tool in new[] { "sh", "openssl", "xxd" })
        {
            var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            if (!path.Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool))))
            {
                return tool;
            }
        }

        return null;
    }

    public static string Compute(byte[] key, long unixSeconds)
    {
        var counter = (unixSeconds / 30).ToString(CultureInfo.InvariantCulture);
        var script = $"printf '%016x' {counter} | xxd -r -p | openssl dgst -sha1 -mac HMAC -macopt hexkey:{Convert.ToHexStringLower(key)}";
        var start = new ProcessStartInfo("sh", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, error);

        // "HMAC-SHA1(stdin)= 1f86...": the hex after the last space.
        var mac = Convert.FromHexString(output.Trim().Split(' ')[^1]);
        var offset = mac[^1] & 0x0f;
        var binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }
}

public sealed class TotpOpensslCrossCheckTests
{
    [OpensslFact]
    public void Compute_AgreesWithOpensslHmacSha1_OnRfcSeedAndRandomKeys()
    {
        var keys = new List<byte[]> { "12345678901234567890"u8.ToArray() };
        var random = new Random(6238);
        for (var i = 0; i < 3; i++)
        {
            keys.Add(RandomNumberGenerator.GetBytes(20));
        }

        long[] times = [59, 1_111_111_109, 1_234_567_890, 2_000_000_000, 20_000_000_000, random.NextInt64(0, 4_000_000_000)];
        foreach (var key in keys)
        {
            foreach (var t in times)
            {
                Totp.Compute(key, t).ShouldBe(OpensslTotp.Compute(key, t), $"key {Convert.ToHexString(key)} at t={t}");
            }
        }
    }
}
