using Sanxiang.Tlog.Note;

namespace Sanxiang.Tlog.Tests.Note;

public sealed class CheckpointTests
{
    // The example of C2SP tlog-checkpoint.
    private const string Example = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    [Fact]
    public void Parse_TheSpecExample_AndFormatRoundTrips()
    {
        var checkpoint = Checkpoint.Parse(Example);
        checkpoint.Origin.ShouldBe("example.com/behind-the-sofa");
        checkpoint.Size.ShouldBe(20852163);
        checkpoint.RootHash.ToArray().ShouldBe(Convert.FromBase64String("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));
        checkpoint.Extensions.ShouldBeEmpty();
        checkpoint.Format().ShouldBe(Example);
        checkpoint.ShouldBe(new Checkpoint("example.com/behind-the-sofa", 20852163, checkpoint.RootHash.Span));
    }

    [Fact]
    public void ExtensionLines_AndTheEmptyTree_RoundTrip()
    {
        var root = HashSuite.Sha256.Hash([]);
        var checkpoint = new Checkpoint("sanxiang.example/ledger", 0, root, ["sm3-root abc", "x"]);
        var text = checkpoint.Format();
        text.ShouldBe($"sanxiang.example/ledger\n0\n{Convert.ToBase64String(root)}\nsm3-root abc\nx\n");
        Checkpoint.Parse(text).ShouldBe(checkpoint);
    }

    [Theory]
    [InlineData("\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")] // empty origin
    [InlineData("o\n020852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")] // leading zero
    [InlineData("o\n00\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("o\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("o\n+1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("o\n1 \nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("o\n\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("o\n99999999999999999999\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")] // beyond int64
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==\n")] // 31 bytes
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n")] // unpadded
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")] // no final newline
    [InlineData("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\nx\n")] // empty extension line
    [InlineData("o\n1\n")]
    public void Parse_RejectsInvalidCheckpoints(string text)
    {
        Checkpoint.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => Checkpoint.Parse(text));
    }

    [Fact]
    public void Constructor_RejectsInvalidFields()
    {
        var root = new byte[32];
        Should.Throw<ArgumentException>(() => new Checkpoint("", 1, root));
        Should.Throw<ArgumentException>(() => new Checkpoint("a\nb", 1, root));
        Should.Throw<ArgumentException>(() => new Checkpoint("o", -1, root));
        Should.Throw<ArgumentException>(() => new Checkpoint("o", 1, new byte[31]));
        Should.Throw<ArgumentException>(() => new Checkpoint("o", 1, root, [""]));
    }

    [Fact]
    public void SignedCheckpoint_OpensAndParses()
    {
        var log = Ed25519NoteSigner.Generate("example.com/behind-the-sofa");
        var signed = SignedNote.Sign(Example, log);
        var note = SignedNote.Open(signed, [log.Verifier]);
        Checkpoint.Parse(note.Text).Size.ShouldBe(20852163);
    }
}
