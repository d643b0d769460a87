using System.Diagnostics;
using System.Globalization;
using Sanxiang.Tlog;
using Sanxiang.Tlog.Crypto;
using Sanxiang.Tlog.Note;
using Sanxiang.Tlog.Tree;
using Sanxiang.Tlog.Verify;

namespace Sanxiang.Bench.Ledger;

/// <summary>
/// Full verification (<see cref="LogVerifier.VerifyAsync"/>) of a log published in memory in the tlog-tiles layout
/// (checkpoint, entry bundles, hash tiles), as bytes hashed per second against <c>openssl speed -evp {sha256,sm3}
/// -bytes 64</c> run alternately in the same process.
/// </summary>
internal static class VerifyBench
{
    public static async Task RunAsync(Args args)
    {
        var size = args.Long("size", 10_000_000);
        var runs = args.Int("runs", 3);
        var suites = args.Get("suites", "sha256,sm3").Split(',');
        var rows = new List<string>();
        foreach (var name in suites)
        {
            var suite = HashSuites.FromName(name)!;
            var (files, leafBytes, signer) = await PublishAsync(suite, size);
            var nodeHashes = size - 1;
            var bytes = leafBytes + (nodeHashes * (1 + (2 * HashSuite.Size)));
            Task<byte[]?> Fetch(string path, CancellationToken ct) => Task.FromResult(files.GetValueOrDefault(path));
            var verifySeconds = new List<double>();
            var openssl = new List<double>();
            var loop = new List<double>();
            for (var r = 0; r < runs; r++)
            {
                openssl.Add(OpensslSpeed(name));
                var sw = Stopwatch.StartNew();
                var result = await LogVerifier.VerifyAsync(Fetch, signer.Verifier, suite);
                verifySeconds.Add(sw.Elapsed.TotalSeconds);
                if (!result.Ok || result.TreeSize != size)
                {
                    throw new InvalidOperationException("verification failed: " + result.Message);
                }

                loop.Add(NodeHashLoop(suite));
                Console.Error.WriteLine($"   {name}: verified {size} entries in {verifySeconds[^1]:F1} s; openssl {openssl[^1] / 1e6:F0} MB/s");
            }

            var seconds = Stats.Median(verifySeconds);
            var rate = bytes / seconds;
            var ssl = Stats.Median(openssl);
            var hashes = (size + nodeHashes) / seconds;
            var label = size == 10_000_000 ? "10M" : size.ToString("N0", CultureInfo.InvariantCulture);
            rows.Add($"| {name} | baseline: `openssl speed -evp {name} -bytes 64` | {Stats.F(ssl / 1e6, 1)} | {Stats.F(ssl / 64 / 1e6, 2)} | – | 1.00 | |");
            rows.Add($"| {name} | LogVerifier.VerifyAsync, {label} entries ({Stats.F(seconds, 1)} s) | {Stats.F(rate / 1e6, 1)} | {Stats.F(hashes / 1e6, 2)} | {Stats.F(seconds, 1)} | {Stats.F(rate / ssl, 2)} | {(rate / ssl >= 0.5 ? "met" : "missed")} |");
            rows.Add($"| {name} | (diagnostic) HashSuite.NodeHash in a loop, 65-byte inputs | {Stats.F(Stats.Median(loop) / 1e6, 1)} | {Stats.F(Stats.Median(loop) / 65 / 1e6, 2)} | – | {Stats.F(Stats.Median(loop) / ssl, 2)} | |");
            Console.WriteLine($"RESULT verify {name} size={size} seconds={seconds:F2} bytes={bytes} rate_MBps={rate / 1e6:F1} openssl_MBps={ssl / 1e6:F1} ratio={rate / ssl:F2}");
            files.Clear();
            GC.Collect();
        }

        Console.WriteLine($"### Full verification of a {size:N0}-entry log ({runs} runs each, medians)");
        Console.WriteLine();
        Console.WriteLine("| suite | measurement | MB/s hashed | M hashes/s | seconds | ratio to openssl | goal ≥ 0.5 |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            Console.WriteLine(r);
        }

        Console.WriteLine();
    }

    /// <summary>The published files of a log of synthetic entries, and the bytes its leaf hashes cover (0x00 || entry).</summary>
    private static async Task<(Dictionary<string, byte[]> Files, long LeafBytes, Ed25519NoteSigner Signer)> PublishAsync(HashSuite suite, long size)
    {
        var sw = Stopwatch.StartNew();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        long leafBytes = 0;
        var tree = await MemoryHashes.BuildAsync(suite, size, (start, entries) =>
        {
            for (var i = 0; i < entries.Count; i += Tile.FullWidth)
            {
                var chunk = entries.GetRange(i, Math.Min(Tile.FullWidth, entries.Count - i));
                var tile = new Tile(0, (start + i) / Tile.FullWidth, chunk.Count);
                files[tile.ToEntries().Path] = EntryBundle.Encode(chunk);
                leafBytes += chunk.Sum(e => 1L + e.Length);
            }
        });
        foreach (var tile in Tiles.NewTiles(0, size))
        {
            files[tile.Path] = await Tiles.ReadTileData(tile, tree);
        }

        var root = await MerkleLog.TreeHash(suite, size, tree);
        var signer = Ed25519NoteSigner.Generate($"bench.sanxiang.localhost/ledger/{suite.Name}");
        files["checkpoint"] = System.Text.Encoding.UTF8.GetBytes(SignedNote.Sign(new Checkpoint(signer.Name, size, root).Format(), signer));
        Console.Error.WriteLine($"   {suite.Name}: published {size} entries in memory in {sw.Elapsed.TotalSeconds:F1} s");
        return (files, leafBytes, signer);
    }

    /// <summary>Bytes per second from <c>openssl speed -evp NAME -bytes 64</c> (its figure is in 1000s of bytes per second).</summary>
    public static double OpensslSpeed(string name)
    {
        var output = Run("openssl", $"speed -seconds 3 -evp {name} -bytes 64");
        var line = output.Split('\n').Last(l => l.StartsWith(name + " ", StringComparison.Ordinal) || l.StartsWith(name.ToUpperInvariant() + " ", StringComparison.Ordinal));
        var figure = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].TrimEnd('k');
        return double.Parse(figure, CultureInfo.InvariantCulture) * 1000;
    }

    public static string Run(string file, string arguments)
    {
        using var p = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var stdout = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {p.ExitCode}");
        }

        return stdout;
    }

    private static double NodeHashLoop(HashSuite suite)
    {
        var left = new byte[HashSuite.Size];
        var right = new byte[HashSuite.Size];
        var n = 0L;
        var sw = Stopwatch.StartNew();
        while (sw.ElapsedMilliseconds < 1000)
        {
            for (var i = 0; i < 1000; i++)
            {
                right = suite.NodeHash(left, right);
            }

            n += 1000;
        }

        return n * 65 / sw.Elapsed.TotalSeconds;
    }
}
