using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Sanxiang.Tlog.Crypto;

namespace Sanxiang.Tlog.Tests.Crypto;

/// <summary>The SHA-256 suite through libcrypto with a reused context (OpenSslSha256), against published vectors and openssl.</summary>
public sealed class Sha256Tests
{
    [Theory]
    // FIPS 180-2 Appendix B.1, B.2 and B.3; NIST's examples of the empty and the 896-bit message.
    [InlineData("abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [InlineData("a", 1_000_000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")]
    [InlineData("", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", 1, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
    public void Hash_MatchesThePublishedVectors(string message, int repeat, string expected)
    {
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(message, repeat)));
        Convert.ToHexStringLower(HashSuite.Sha256.Hash(data)).ShouldBe(expected);
        if (OpenSslSha256.IsAvailable)
        {
            var digest = new byte[32];
            OpenSslSha256.Hash(data, digest);
            Convert.ToHexStringLower(digest).ShouldBe(expected);
        }
    }

    [Fact]
    public void NativePath_IsUsed_WhereLibcrypto3Loads()
    {
        // On Debian 12 (this project's platform) libcrypto.so.3 is present, so the fast path must be the one tested.
        var loads = OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libcrypto.so.3", out _);
        OpenSslSha256.IsAvailable.ShouldBe(loads);
    }

    [OpenSslFact]
    public void Hash_EqualsOpensslDgst_AroundTheBlockBoundaries()
    {
        var random = new Random(20261122);
        foreach (var length in new[] { 0, 1, 31, 55, 56, 63, 64, 65, 119, 120, 128, 151, 1000, 100_000 })
        {
            var data = new byte[length];
            random.NextBytes(data);
            var output = OpenSsl.Run(data, "dgst", "-sha256", "-r");
            Convert.ToHexStringLower(HashSuite.Sha256.Hash(data)).ShouldBe(output.Split(' ')[0], $"length {length}");
        }
    }

    [Fact]
    public void Hash_LeafAndNode_EqualDotNetsSha256_ForRandomInputs()
    {
        Prop.ForAll<byte[], byte[], byte[]>((data, a, b) =>
        {
            var left = SHA256.HashData(a);
            var right = SHA256.HashData(b);
            var node = new byte[32];
            HashSuite.Sha256.NodeHash(left, right, node);
            var aliased = (byte[])right.Clone();
            HashSuite.Sha256.NodeHash(left, aliased, aliased);
            var leaf = new byte[32];
            HashSuite.Sha256.LeafHash(data, leaf);
            return HashSuite.Sha256.Hash(data).AsSpan().SequenceEqual(SHA256.HashData(data))
                && leaf.AsSpan().SequenceEqual(SHA256.HashData([0x00, .. data]))
                && HashSuite.Sha256.LeafHash(data).AsSpan().SequenceEqual(leaf)
                && node.AsSpan().SequenceEqual(SHA256.HashData([0x01, .. left, .. right]))
                && aliased.AsSpan().SequenceEqual(node)
                && HashSuite.Sha256.NodeHash(left, right).AsSpan().SequenceEqual(node);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task Hash_GivesTheSameResults_OnManyThreadsAtOnce()
    {
        var inputs = Enumerable.Range(0, 4000).Select(i => Encoding.ASCII.GetBytes($"entry {i} " + new string('x', i % 200))).ToArray();
        var expected = inputs.Select(SHA256.HashData).ToArray();
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(() =>
        {
            for (var round = 0; round < 5; round++)
            {
                for (var i = w; i < inputs.Length; i += 3)
                {
                    if (!HashSuite.Sha256.Hash(inputs[i]).AsSpan().SequenceEqual(expected[i]))
                    {
                        return false;
                    }
                }
            }

            return true;
        }));
        (await Task.WhenAll(workers)).ShouldAllBe(ok => ok);
    }
}
