using System.Text;
using Sanxiang.Tlog.Note;
using Sanxiang.Tlog.Tree;
using Sanxiang.Tlog.Verify;

namespace Sanxiang.Tlog.Tests.Verify;

public sealed class LogVerifierTests
{
    private sealed class MemoryReader(List<byte[]> hashes) : IHashReader
    {
        public ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<byte[]>>([.. indexes.Select(i => hashes[(int)i])]);
    }

    /// <summary>Publishes a log of n entries in the tlog-tiles layout, as the app's endpoints do.</summary>
    private static async Task<(Dictionary<string, byte[]> Files, Ed25519NoteSigner Key)> PublishAsync(int n)
    {
        var suite = HashSuite.Sha256;
        var entries = Enumerable.Range(0, n).Select(i => Encoding.UTF8.GetBytes($"entry {i}")).ToList();
        var stored = new List<byte[]>();
        var reader = new MemoryReader(stored);
        for (var i = 0; i < n; i++)
        {
            stored.AddRange(await MerkleLog.StoredHashes(suite, i, entries[i], reader));
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var tile in Tiles.NewTiles(0, n))
        {
            files[tile.Path] = await Tiles.ReadTileData(tile, reader);
            if (tile.Level == 0)
            {
                var first = (int)(tile.Index * Tile.FullWidth);
                files[tile.ToEntries().Path] = EntryBundle.Encode(entries.GetRange(first, tile.Width));
            }
        }

        var key = Ed25519NoteSigner.Generate("example.test/log/sha256");
        var root = await MerkleLog.TreeHash(suite, n, reader);
        files["checkpoint"] = Encoding.UTF8.GetBytes(SignedNote.Sign(new Checkpoint(key.Name, n, root).Format(), key));
        return (files, key);
    }

    private static Task<VerificationResult> VerifyAsync(Dictionary<string, byte[]> files, INoteVerifier key) =>
        LogVerifier.VerifyAsync((path, _) => Task.FromResult(files.TryGetValue(path, out var b) ? b : null), key, HashSuite.Sha256);

    [Theory]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(70_000)]
    public async Task AnIntactLog_Verifies(int n)
    {
        var (files, key) = await PublishAsync(n);
        var result = await VerifyAsync(files, key.Verifier);
        result.Ok.ShouldBeTrue(result.Message);
        result.TreeSize.ShouldBe(n);
    }

    [Fact]
    public async Task AnAlteredEntry_IsFound_AtItsIndex()
    {
        var (files, key) = await PublishAsync(600);
        var path = new Tile(0, 1, 256).ToEntries().Path;
        var entries = EntryBundle.Decode(files[path]);
        entries[10] = Encoding.UTF8.GetBytes("entry 266 (altered)");
        files[path] = EntryBundle.Encode(entries);
        var result = await VerifyAsync(files, key.Verifier);
        result.Ok.ShouldBeFalse();
        result.FirstBadIndex.ShouldBe(266);
    }

    [Fact]
    public async Task AnAlteredUpperTile_IsFound_AtTheFirstIndexItCovers()
    {
        var (files, key) = await PublishAsync(70_000);
        var path = new Tile(1, 0, 256).Path;
        files[path][5 * 32] ^= 1;
        var result = await VerifyAsync(files, key.Verifier);
        result.FirstBadIndex.ShouldBe(5 * 256);
    }

    [Fact]
    public async Task AForgedCheckpoint_IsRefused()
    {
        var (files, _) = await PublishAsync(10);
        var other = Ed25519NoteSigner.Generate("example.test/log/sha256");
        var result = await VerifyAsync(files, other.Verifier);
        result.Ok.ShouldBeFalse();
        result.Message.ShouldContain("签名");
    }
}
