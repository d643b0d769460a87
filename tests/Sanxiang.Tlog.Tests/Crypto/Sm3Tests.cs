using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Sanxiang.Tlog.Crypto;

namespace Sanxiang.Tlog.Tests.Crypto;

public sealed class Sm3Tests
{
    [Theory]
    // GB/T 32905-2016 Appendix A.1 and A.2.
    [InlineData("abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    [InlineData("abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd", "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")]
    // The empty message, as computed by openssl dgst -sm3.
    [InlineData("", "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b")]
    public void Hash_MatchesTheStandardsExamples(string message, string expected)
    {
        Convert.ToHexStringLower(Sm3.HashData(Encoding.ASCII.GetBytes(message))).ShouldBe(expected);
        Convert.ToHexStringLower(HashSuites.Sm3.Hash(Encoding.ASCII.GetBytes(message))).ShouldBe(expected);
    }

    [Fact]
    public void Suite_IsNamedSm3_AndHashesTreeNodesWithSm3()
    {
        HashSuites.Sm3.Name.ShouldBe("sm3");
        HashSuites.FromName("sm3").ShouldBeSameAs(HashSuites.Sm3);
        HashSuites.FromName("sha256").ShouldBeSameAs(HashSuite.Sha256);
        HashSuites.Sm3.LeafHash([1, 2]).ShouldBe(Sm3.HashData([0, 1, 2]));
        var leaf = HashSuites.Sm3.LeafHash([]);
        HashSuites.Sm3.NodeHash(leaf, leaf).ShouldBe(Sm3.HashData([0x01, .. leaf, .. leaf]));
    }

    [Fact]
    public void Incremental_EqualsOneShot_ForRandomSplits()
    {
        Prop.ForAll<byte[], int[]>((data, cuts) =>
        {
            using var hasher = HashSuites.Sm3.CreateIncremental();
            var position = 0;
            foreach (var cut in cuts)
            {
                var length = Math.Min(Math.Abs(cut % 200), data.Length - position);
                hasher.Append(data.AsSpan(position, length));
                position += length;
            }

            hasher.Append(data.AsSpan(position));
            return hasher.Finish().AsSpan().SequenceEqual(Sm3.HashData(data));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Incremental_IsReusableAfterFinish_AndCrossesBlockBoundaries()
    {
        var data = new byte[1000];
        new Random(7).NextBytes(data);
        var hasher = new Sm3Hasher();
        for (var length = 0; length <= 200; length++)
        {
            hasher.Append(data.AsSpan(0, length / 2));
            hasher.Append(data.AsSpan(length / 2, length - (length / 2)));
            hasher.Finish().ShouldBe(Sm3.HashData(data.AsSpan(0, length)), $"length {length}");
        }
    }

    [Fact]
    public void ExportedState_ContinuesInAnotherHasher_ForRandomSplits_AndAMalformedStateIsRefused()
    {
        var random = new Random(2016);
        var data = new byte[10_000];
        random.NextBytes(data);
        for (var i = 0; i < 50; i++)
        {
            var split = random.Next(0, data.Length + 1);
            var first = new Sm3Hasher();
            first.Append(data.AsSpan(0, split));
            var state = first.ExportState();
            var second = Sm3Hasher.ImportState(state);
            second.Length.ShouldBe((ulong)split);
            second.Append(data.AsSpan(split));
            second.Finish().ShouldBe(Sm3.HashData(data), $"split at {split}");
        }

        var valid = new Sm3Hasher();
        valid.Append(data.AsSpan(0, 70));
        var good = valid.ExportState();
        Should.Throw<ArgumentException>(() => Sm3Hasher.ImportState(good.AsSpan(0, 40)));
        var wrongCount = (byte[])good.Clone();
        wrongCount[39] ^= 1; // the byte count no longer matches the buffered bytes
        Should.Throw<ArgumentException>(() => Sm3Hasher.ImportState(wrongCount));
    }

    [OpenSslFact]
    public void Hash_EqualsOpensslDgstSm3_OnRandomData()
    {
        var random = new Random(32905);
        foreach (var length in new[] { 0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 100_003 })
        {
            var data = new byte[length];
            random.NextBytes(data);
            var path = Path.GetTempFileName();
            try
            {
                File.WriteAllBytes(path, data);
                var output = OpenSsl.Run("dgst", "-sm3", "-r", path);
                output.Split(' ')[0].ShouldBe(Convert.ToHexStringLower(Sm3.HashData(data)), $"length {length}");
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
