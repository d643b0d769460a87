using System.Diagnostics;
using Sanxiang.Tlog.Crypto;

namespace Sanxiang.Bench.Ledger;

/// <summary>
/// SM3 throughput of <see cref="Sm3Hasher"/> (reading the file in 1 MiB pieces) against <c>openssl dgst -sm3</c> on the
/// same file, alternating, both timed from this process (openssl including its process start). Digests must match.
/// </summary>
internal static class Sm3Bench
{
    public static void Run(Args args)
    {
        var file = args.Get("file", "/tmp/sanxiang-sm3-1g.bin");
        var runs = args.Int("runs", 5);
        var length = new FileInfo(file).Length;
        var ours = new List<double>();
        var theirs = new List<double>();
        var buffer = new byte[1 << 20];
        var hasher = new Sm3Hasher();
        for (var r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            var output = VerifyBench.Run("openssl", $"dgst -sm3 -r {file}");
            theirs.Add(length / sw.Elapsed.TotalSeconds);
            var expected = output.Split(' ')[0].Trim();

            sw.Restart();
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
            {
                int n;
                while ((n = stream.Read(buffer)) > 0)
                {
                    hasher.Append(buffer.AsSpan(0, n));
                }
            }

            var digest = Convert.ToHexStringLower(hasher.Finish());
            ours.Add(length / sw.Elapsed.TotalSeconds);
            if (!string.Equals(digest, expected, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"SM3 digests differ: ours {digest}, openssl {expected}");
            }

            Console.Error.WriteLine($"   sm3 run {r + 1}: Sm3Hasher {ours[^1] / 1e6:F0} MB/s, openssl {theirs[^1] / 1e6:F0} MB/s");
        }

        var ratio = Stats.Median(ours) / Stats.Median(theirs);
        Console.WriteLine($"### SM3 throughput on a {length / (1 << 20)} MiB file ({runs} alternating runs, medians)");
        Console.WriteLine();
        Console.WriteLine("| measurement | median MB/s | min | max | ratio | goal ≥ 0.9 |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine($"| baseline: `openssl dgst -sm3` (process included) | {Stats.F(Stats.Median(theirs) / 1e6, 1)} | {Stats.F(theirs.Min() / 1e6, 1)} | {Stats.F(theirs.Max() / 1e6, 1)} | 1.00 | |");
        Console.WriteLine($"| Sanxiang.Tlog.Crypto.Sm3Hasher (1 MiB reads) | {Stats.F(Stats.Median(ours) / 1e6, 1)} | {Stats.F(ours.Min() / 1e6, 1)} | {Stats.F(ours.Max() / 1e6, 1)} | {Stats.F(ratio, 2)} | {(ratio >= 0.9 ? "met" : "missed")} |");
        Console.WriteLine();
        Console.WriteLine($"RESULT sm3 ours_MBps={Stats.Median(ours) / 1e6:F1} openssl_MBps={Stats.Median(theirs) / 1e6:F1} ratio={ratio:F2}");
        Console.WriteLine();
    }
}
