using Sanxiang.Tlog.Tree;

namespace Sanxiang.Tlog.Tests.Tree;

public sealed class TlogProofTests
{
    /// <summary>The example of https://c2sp.org/tlog-proof (its signatures are elided there as well).</summary>
    private const string SpecExample = """
        c2sp.org/tlog-proof@v1
        extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ
        index 73894
        gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
        B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=
        EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=
        RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=
        AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=

        example.com/fancylog
        109482
        sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=

        — example.com/fancylog hI2DJw[...]1roloI=
        — witness1.example mJirIklj[...]qY9v2B/5bg==
        — witness2.example TnKKVHLX[...]xwYwrSjgow==
        — witness3.example S4X82uH5[...]3oEcROGLFQ==

        """;

    [Fact]
    public void Parse_TheSpecExample_AndFormatItBackExactly()
    {
        var proof = TlogProof.Parse(SpecExample);
        proof.Index.ShouldBe(73894);
        proof.ExtraData.ShouldBe(Convert.FromBase64String("YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ"));
        proof.Hashes.Count.ShouldBe(5);
        proof.Hashes[0].ShouldBe(Convert.FromBase64String("gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ="));
        proof.Checkpoint.ShouldStartWith("example.com/fancylog\n109482\n");
        proof.Checkpoint.ShouldEndWith("3oEcROGLFQ==\n");
        proof.Format().ShouldBe(SpecExample);
    }

    [Fact]
    public void Format_WithoutExtraData_OrHashes()
    {
        var proof = new TlogProof(0, [], "log.example\n1\nAAAA\n\n— log.example sig\n");
        proof.Format().ShouldBe("c2sp.org/tlog-proof@v1\nindex 0\n\nlog.example\n1\nAAAA\n\n— log.example sig\n");
        var parsed = TlogProof.Parse(proof.Format());
        parsed.ExtraData.ShouldBeNull();
        parsed.Hashes.ShouldBeEmpty();
        parsed.Checkpoint.ShouldBe(proof.Checkpoint);
        TlogProof.Parse(new TlogProof(5, [], "c\n", []).Format()).ExtraData.ShouldBe([]);
    }

    [Fact]
    public async Task AProofFromTheLog_RoundTrips_AndVerifies()
    {
        var suite = HashSuite.Sha256;
        var store = MemoryHashStore.WithRecords(suite, 77);
        var root = await MerkleLog.TreeHash(suite, 77, store);
        var hashes = await MerkleLog.ProveRecord(suite, 77, 42, store);
        var text = new TlogProof(42, hashes, $"sanxiang.example/log\n77\n{Convert.ToBase64String(root)}\n\n— sig\n", [1, 2, 3]).Format();

        var proof = TlogProof.Parse(text);
        proof.Hashes.ShouldBe(hashes);
        proof.ExtraData.ShouldBe([1, 2, 3]);
        proof.CheckInclusion(suite, 77, root, store.LeafHashes[42]).ShouldBeTrue();
        proof.CheckInclusion(suite, 77, root, store.LeafHashes[41]).ShouldBeFalse();
    }

    [Theory]
    [InlineData("c2sp.org/tlog-proof@v2\nindex 1\n\ncp\n")]
    [InlineData(" c2sp.org/tlog-proof@v1\nindex 1\n\ncp\n")]
    [InlineData("c2sp.org/tlog-proof@v1\r\nindex 1\n\ncp\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 01\n\ncp\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex -1\n\ncp\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex +1\n\ncp\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 9223372036854775808\n\ncp\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex  1\n\ncp\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex\n\ncp\n")]
    [InlineData("c2sp.org/tlog-proof@v1\n\ncp\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nextra AQ\nindex 1\n\ncp\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nextra AR==\nindex 1\n\ncp\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\nAQID\n\ncp\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\ngSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ= \n\ncp\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\ngSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=\ncp\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\ngSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlR=\n\ncp\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\n")]
    [InlineData("")]
    public void Parse_RejectsMalformedProofs(string text)
    {
        TlogProof.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNullOrEmpty();
        Should.Throw<FormatException>(() => TlogProof.Parse(text));
    }

    [Fact]
    public void Constructor_RejectsHashesOfTheWrongSize()
    {
        Should.Throw<ArgumentException>(() => new TlogProof(1, [new byte[31]], "cp\n"));
        Should.Throw<ArgumentException>(() => new TlogProof(1, [], ""));
    }
}
