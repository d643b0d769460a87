using System.Diagnostics;
using Sanxiang.Media.Storage;
using static Sanxiang.Bench.Stats;

namespace Sanxiang.Bench.Media;

/// <summary>
/// Ingest throughput of one file through the real app's tus API over loopback against <c>cat file &gt; copy &amp;&amp;
/// sha256sum copy</c> on the same disk, in the same run, alternating; and the server's peak extra memory while it ingests.
/// </summary>
internal static class IngestBench
{
    public static async Task<int> RunAsync(string hostDll, string work, string file, int runs, long chunk, int port)
    {
        var size = new FileInfo(file).Length;
        var copy = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "baseline-copy.bin");
        var canDrop = Caches.CanDrop;
        Console.Error.WriteLine($"== starting the host on port {port}");
        await using var app = await App.StartAsync(hostDll, Path.Combine(work, "app"), port);
        using var client = await app.SignInAsync("officer.market", "Sanxiang@2026");

        await Tus.WarmUpAsync(client, app.MediaRoot);

        var rows = new List<(int Run, string Side, double Seconds, long? Extra, long? HwmExtra, long? Before)>();
        string? reference = null;
        for (var run = 1; run <= runs; run++)
        {
            // Alternate which side goes first, so that a slow moment of the shared machine does not always hit the same one.
            var order = run % 2 == 1 ? new[] { "baseline", "upload" } : ["upload", "baseline"];
            foreach (var side in order)
            {
                Caches.Drop();
                if (side == "baseline")
                {
                    var (seconds, sha) = Baseline(file, copy);
                    File.Delete(copy);
                    reference ??= sha;
                    if (sha != reference)
                    {
                        throw new InvalidOperationException($"sha256sum gave {sha}, before {reference}");
                    }

                    rows.Add((run, side, seconds, null, null, null));
                    Console.Error.WriteLine($"== run {run} baseline {seconds:F2} s");
                }
                else
                {
                    var location = await Tus.CreateAsync(client, size, Path.GetFileName(file), "video/mp4");
                    using var sampler = new MemorySampler(app.Pid, TimeSpan.FromMilliseconds(50));
                    var clock = Stopwatch.StartNew();
                    var item = await UploadFileAsync(client, location, file, size, chunk);
                    var seconds = clock.Elapsed.TotalSeconds;
                    var (peak, hwm) = sampler.Stop();
                    var (sha, stored) = await Tus.ItemAsync(client, item);
                    Tus.DeleteObject(app.MediaRoot, sha);
                    if (stored != size)
                    {
                        throw new InvalidOperationException($"the server stored {stored} bytes of {size}");
                    }

                    if (reference is not null && sha != reference)
                    {
                        throw new InvalidOperationException($"the server's SHA-256 {sha} is not sha256sum's {reference}");
                    }

                    reference ??= sha;
                    var hwmExtra = sampler.HwmBefore <= sampler.Before ? hwm - sampler.Before : (long?)null;
                    rows.Add((run, side, seconds, peak - sampler.Before, hwmExtra, sampler.Before));
                    Console.Error.WriteLine($"== run {run} upload {seconds:F2} s, peak extra RSS {(peak - sampler.Before) / 1048576.0:F1} MiB ({sampler.Samples} samples)");
                }
            }
        }

        var mode = chunk <= 0 || chunk >= size ? "one PATCH" : $"PATCHes of {chunk >> 20} MiB";
        var gib = size / 1073741824.0;
        Console.WriteLine($"Media ingest, {gib:0.##} GiB file, {runs} runs (alternating), {mode}, page cache {(canDrop ? "dropped (sync; echo 3 > drop_caches) before each side" : "NOT dropped (not root)")}; SHA-256 {reference}");
        Console.WriteLine();
        Console.WriteLine("| run | measurement | seconds | MB/s | server peak extra RSS (MiB) | VmHWM − RSS before (MiB) | server RSS before (MiB) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var name = r.Side == "baseline" ? "baseline: `cat file > copy && sha256sum copy`" : "tus upload over loopback (first byte → 204 of the last PATCH)";
            Console.WriteLine($"| {r.Run} | {name} | {F(r.Seconds, 2)} | {F(size / r.Seconds / 1e6, 0)} | {Mib(r.Extra)} | {Mib(r.HwmExtra)} | {Mib(r.Before)} |");
        }

        var baseline = Median(rows.Where(r => r.Side == "baseline").Select(r => r.Seconds));
        var upload = Median(rows.Where(r => r.Side == "upload").Select(r => r.Seconds));
        var extra = rows.Where(r => r.Side == "upload").Max(r => r.Extra!.Value);
        var ratio = baseline / upload;
        Console.WriteLine();
        Console.WriteLine("| median | seconds | MB/s | ratio (baseline time / upload time) | goal |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| baseline | {F(baseline, 2)} | {F(size / baseline / 1e6, 0)} | 1.00 | |");
        Console.WriteLine($"| upload | {F(upload, 2)} | {F(size / upload / 1e6, 0)} | {F(ratio, 2)} | ≥ 0.8: {(ratio >= 0.8 ? "met" : "missed")} |");
        Console.WriteLine();
        Console.WriteLine($"Largest peak extra RSS of the server over the uploads: {F(extra / 1048576.0, 1)} MiB (goal ≤ 64 MiB: {(extra <= 64L << 20 ? "met" : "missed")}).");
        return 0;
    }

    private static string Mib(long? bytes) => bytes is { } b ? F(b / 1048576.0, 1) : "–";

    private static async Task<Guid> UploadFileAsync(HttpClient client, Uri upload, string file, long size, long chunk)
    {
        var step = chunk <= 0 ? size : chunk;
        for (long offset = 0; offset < size;)
        {
            var length = Math.Min(step, size - offset);
            var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan | FileOptions.Asynchronous);
            source.Seek(offset, SeekOrigin.Begin);
            var r = await Tus.PatchAsync(client, upload, offset, new BoundedStream(source, length), length);
            if (r.Status != System.Net.HttpStatusCode.NoContent || r.Offset != offset + length)
            {
                throw new InvalidOperationException($"PATCH at {offset}: {(int)r.Status} offset {r.Offset} {r.Problem}");
            }

            offset += length;
            if (offset == size)
            {
                return r.Item ?? throw new InvalidOperationException("the last PATCH named no media item");
            }
        }

        throw new InvalidOperationException("empty file");
    }

    /// <summary>Runs the baseline in bash; returns its wall time and sha256sum's digest.</summary>
    private static (double Seconds, string Sha256) Baseline(string file, string copy)
    {
        var start = new ProcessStartInfo("bash", ["-c", "cat \"$1\" > \"$2\" && sha256sum \"$2\"", "baseline", file, copy])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the baseline failed with {process.ExitCode}");
        }

        return (seconds, output.Split(' ', 2)[0]);
    }
}

/// <summary>The page cache: dropped before each timed side when the benchmark runs as root.</summary>
internal static class Caches
{
    private const string DropFile = "/proc/sys/vm/drop_caches";

    public static bool CanDrop => OperatingSystem.IsLinux() && Environment.UserName == "root" && File.Exists(DropFile);

    public static void Drop()
    {
        using (var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false })!)
        {
            sync.WaitForExit();
        }

        if (CanDrop)
        {
            File.WriteAllText(DropFile, "3\n", System.Text.Encoding.ASCII);
        }
    }
}
