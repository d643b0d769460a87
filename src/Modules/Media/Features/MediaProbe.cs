using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Sanxiang.Media.Domain;

namespace Sanxiang.Media.Features;

/// <summary>
/// Reads duration, codec and resolution with ffprobe when it is installed (optional: without it, or for a file that is
/// not audio-video, the facts stay empty). ffprobe reads the container's headers, not the whole file.
/// </summary>
internal sealed class MediaProbe(IOptions<MediaOptions> options)
{
    public async Task<ProbeFacts> ProbeAsync(string path, CancellationToken ct)
    {
        var empty = new ProbeFacts(null, null, null, null);
        try
        {
            var start = new ProcessStartInfo(options.Value.FfprobePath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path })
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return empty;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            _ = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0 ? Parse(await output) : empty;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or OperationCanceledException or JsonException or InvalidOperationException)
        {
            return empty;
        }
    }

    internal static ProbeFacts Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        double? duration = root.TryGetProperty("format", out var f) && f.TryGetProperty("duration", out var d)
            && double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var secs) ? secs : null;
        string? codec = null;
        int? width = null, height = null;
        if (root.TryGetProperty("streams", out var streams))
        {
            foreach (var s in streams.EnumerateArray())
            {
                var type = s.TryGetProperty("codec_type", out var t) ? t.GetString() : null;
                if (type == "video" && width is null)
                {
                    codec = s.TryGetProperty("codec_name", out var c) ? c.GetString() : codec;
                    width = s.TryGetProperty("width", out var w) ? w.GetInt32() : null;
                    height = s.TryGetProperty("height", out var h) ? h.GetInt32() : null;
                }
                else if (type == "audio" && codec is null)
                {
                    codec = s.TryGetProperty("codec_name", out var c) ? c.GetString() : null;
                }
            }
        }

        return new ProbeFacts(duration, codec?.Length > 40 ? codec[..40] : codec, width, height);
    }
}
