using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using static Sanxiang.Bench.Stats;

namespace Sanxiang.Bench.Media;

/// <summary>
/// A large resumable upload through the real app: a generated stream (no source file on disk) sent in PATCHes, the
/// connection dropped mid-chunk at random offsets, each time resumed from the offset the server reports; first a chunk
/// with a wrong Upload-Checksum (must commit nothing) and the same chunk with the right one. The server's SHA-256 must
/// equal the client's, computed as the bytes were sent. The server is warmed up by one small upload first, as for the ingest.
/// </summary>
internal static class ResumeBench
{
    public static async Task<int> RunAsync(string hostDll, string work, long size, long chunk, int drops, int seed, int port)
    {
        Console.Error.WriteLine($"== starting the host on port {port}");
        await using var app = await App.StartAsync(hostDll, Path.Combine(work, "app"), port);
        using var client = await app.SignInAsync("officer.market", "Sanxiang@2026");
        await Tus.WarmUpAsync(client, app.MediaRoot);
        var data = (ulong)seed * 0x100000001B3UL;
        var random = new Random(seed);
        var dropPoints = Enumerable.Range(0, drops).Select(_ => random.NextInt64(16L << 20, size)).Order().ToList();
        var events = new List<string>();
        using var sent = new SentHash();

        var upload = await Tus.CreateAsync(client, size, "resume-check.bin", "video/mp4");
        using var sampler = new MemorySampler(app.Pid, TimeSpan.FromMilliseconds(50));
        var clock = Stopwatch.StartNew();

        // The checksum extension: a first chunk with a wrong digest commits nothing (460), the right one commits it.
        var first = Math.Min(8L << 20, size);
        var bytes = new byte[first];
        Generated.Fill(data, 0, bytes);
        var digest = SHA256.HashData(bytes);
        var wrong = (byte[])digest.Clone();
        wrong[0] ^= 1;
        var refused = await Tus.PatchAsync(client, upload, 0, new GeneratedBody(data, 0, first, sent), first, Convert.ToBase64String(wrong));
        var afterRefusal = await Tus.OffsetAsync(client, upload);
        Require(refused.Status == (HttpStatusCode)460 && afterRefusal == 0, $"wrong checksum: {(int)refused.Status}, offset {afterRefusal} (expected 460 and 0)");
        var accepted = await Tus.PatchAsync(client, upload, 0, new GeneratedBody(data, 0, first, sent), first, Convert.ToBase64String(digest));
        Require(accepted.Status == HttpStatusCode.NoContent && accepted.Offset == first, $"right checksum: {(int)accepted.Status}, offset {accepted.Offset}");
        events.Add($"wrong Upload-Checksum on the first {first >> 20} MiB: 460, offset stays 0; right checksum: 204, offset {first}");

        var offset = first;
        Guid? item = null;
        var patches = 2;
        var failures = 0;
        while (item is null)
        {
            var end = Math.Min(offset + chunk, size);
            var dropAt = dropPoints.FirstOrDefault(d => d > offset && d < end, -1);
            patches++;
            try
            {
                var r = await Tus.PatchAsync(client, upload, offset, new GeneratedBody(data, offset, end, sent, dropAt), end - offset);
                Console.Error.WriteLine($"== PATCH {patches} to {r.Offset:N0}: server RSS {App.Memory(app.Pid).Rss / 1048576.0:F1} MiB, peak so far {sampler.Peak / 1048576.0:F1} MiB");
                switch (r.Status)
                {
                    case HttpStatusCode.NoContent:
                        offset = r.Offset;
                        item = r.Item;
                        break;
                    case HttpStatusCode.Conflict when r.Offset >= 0:
                        // The HEAD after a drop can come before the server has committed what arrived: take its offset.
                        events.Add($"409 at {offset}: the server had committed {r.Offset}; continuing from there");
                        offset = r.Offset;
                        break;
                    case HttpStatusCode.Locked:
                        await Task.Delay(1000);
                        break;
                    default:
                        throw new InvalidOperationException($"PATCH at {offset}: {(int)r.Status} {r.Problem}");
                }

                Require(dropAt < 0 || r.Status != HttpStatusCode.NoContent, $"the drop at {dropAt} did not happen");
            }
            catch (Exception e) when (dropAt < 0 && e is HttpRequestException or IOException && ++failures <= 5)
            {
                // The server answered (409, 423) before the body was sent and closed the connection: ask again.
                var committed = await Tus.OffsetAsync(client, upload);
                events.Add($"PATCH from {offset:N0} failed ({e.GetBaseException().Message}); HEAD: {committed:N0}");
                offset = committed;
            }
            catch (Exception e) when (dropAt >= 0 && e is HttpRequestException or IOException or TaskCanceledException)
            {
                dropPoints.Remove(dropAt);

                // The server notices the drop, flushes what arrived and commits it; until then HEAD shows the old offset.
                var committed = await Tus.OffsetAsync(client, upload);
                for (var wait = Stopwatch.StartNew(); committed == offset && wait.Elapsed < TimeSpan.FromSeconds(15);)
                {
                    await Task.Delay(100);
                    committed = await Tus.OffsetAsync(client, upload);
                }

                Require(committed >= offset && committed <= dropAt, $"after the drop at {dropAt} the server reports {committed} (the PATCH started at {offset})");
                events.Add($"connection dropped at byte {dropAt:N0} (PATCH from {offset:N0}); HEAD: the server kept {committed - offset:N0} bytes of it, resuming from {committed:N0}");
                offset = committed;
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var (peak, hwm) = sampler.Stop();
        var (serverSha, stored) = await Tus.ItemAsync(client, item.Value);
        var clientSha = sent.Finish();
        Tus.DeleteObject(app.MediaRoot, serverSha);
        Require(sent.Hashed == size && stored == size, $"sizes: sent {sent.Hashed}, stored {stored}, declared {size}");

        Console.WriteLine($"Resumable upload of a {size / 1073741824.0:0.##} GiB generated stream in PATCHes of {chunk >> 20} MiB, {drops} deliberate drops (seed {seed})");
        Console.WriteLine();
        foreach (var e in events)
        {
            Console.WriteLine($"- {e}");
        }

        Console.WriteLine();
        Console.WriteLine("| bytes | PATCHes | seconds | MB/s | server peak extra RSS (MiB) | VmHWM − RSS before (MiB) | server SHA-256 = client's |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var hwmExtra = sampler.HwmBefore <= sampler.Before ? F((hwm - sampler.Before) / 1048576.0, 1) : "–";
        Console.WriteLine($"| {size:N0} | {patches} | {F(seconds, 1)} | {F(size / seconds / 1e6, 0)} | {F((peak - sampler.Before) / 1048576.0, 1)} | {hwmExtra} | {(serverSha == clientSha ? "yes" : "NO")} ({serverSha}) |");
        if (serverSha != clientSha)
        {
            Console.Error.WriteLine($"the server's SHA-256 {serverSha} is not the client's {clientSha}");
            return 1;
        }

        return 0;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
