namespace Sanxiang.Tlog.Tests;

public sealed class HashSuiteTests
{
    [Fact]
    public void Sha256_LeafAndNodeHashes_FollowRfc6962()
    {
        // RFC 6962 §2.1: the hash of an empty leaf is SHA-256(0x00).
        Convert.ToHexStringLower(HashSuite.Sha256.LeafHash([])).ShouldBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        var left = HashSuite.Sha256.LeafHash([]);
        var node = HashSuite.Sha256.NodeHash(left, left);
        node.ShouldBe(HashSuite.Sha256.Hash([0x01, .. left, .. left]));
    }
}
