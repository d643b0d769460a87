using System.Security.Cryptography;
using Sanxiang.Media.Uploads;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The upload's resumable SHA-256: OpenSSL's context saved after some bytes and restored in a fresh hasher gives the
/// digest of the whole file, equal to .NET's SHA-256 and to the openssl command line (FIPS 180-4).
/// </summary>
public sealed class MediaHashTests
{
    [Fact]
    public async Task ResumableSha256_SavedAndRestoredAtRandomOffsets_EqualsOpensslDgst()
    {
        ResumableSha256.IsResumable.ShouldBeTrue("libcrypto.so.3 is on every supported machine");
        var random = new Random(1804);
        var data = new byte[1_000_003];
        random.NextBytes(data);
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, data);
            var openssl = (await ExternalTools.RunAsync("openssl", ["dgst", "-sha256", "-r", path])).Split(' ')[0];
            openssl.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(data)));
            for (var i = 0; i < 20; i++)
            {
                // Three pieces, the state saved and restored between them (as between PATCH requests).
                var a = random.Next(0, data.Length);
                var b = random.Next(a, data.Length + 1);
                string? state;
                using (var first = ResumableSha256.Create())
                {
                    first.Append(data.AsSpan(0, a));
                    state = first.Export();
                }

                using var second = ResumableSha256.Restore(state, a).ShouldNotBeNull();
                second.Append(data.AsSpan(a, b - a));
                using var third = ResumableSha256.Restore(second.Export(), b).ShouldNotBeNull();
                third.Append(data.AsSpan(b));
                Convert.ToHexStringLower(third.Finish()).ShouldBe(openssl, $"split at {a} and {b}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AStateOfAnotherLength_OrNotAState_IsNotUsed()
    {
        using var h = ResumableSha256.Create();
        h.Append(new byte[100]);
        var state = h.Export();
        ResumableSha256.Restore(state, 100).ShouldNotBeNull().Dispose();
        ResumableSha256.Restore(state, 99).ShouldBeNull();
        ResumableSha256.Restore("openssl-sha256-ctx-v1:not base64!", 100).ShouldBeNull();
        ResumableSha256.Restore(null, 100).ShouldBeNull();
    }
}
