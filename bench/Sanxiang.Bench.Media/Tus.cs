using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Sanxiang.Bench.Media;

/// <summary>The tus 1.0 client side of /api/media/uploads, as a docking station or the upload page speaks it.</summary>
internal static class Tus
{
    private static readonly Uri Uploads = new("/api/media/uploads", UriKind.Relative);

    /// <summary>POST (creation): returns the upload's address.</summary>
    public static async Task<Uri> CreateAsync(HttpClient client, long length, string fileName, string fileType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Uploads);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Length", length.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("Upload-Metadata", $"filename {B64(fileName)},filetype {B64(fileType)}");
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created || response.Headers.Location is not { } location)
        {
            throw new InvalidOperationException($"POST {Uploads}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return location;
    }

    /// <summary>One PATCH of <paramref name="body"/> (its length known) at <paramref name="offset"/>.</summary>
    public static async Task<PatchResult> PatchAsync(HttpClient client, Uri upload, long offset, Stream body, long length, string? checksum = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, upload);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
        if (checksum is not null)
        {
            request.Headers.Add("Upload-Checksum", "sha256 " + checksum);
        }

        request.Content = new StreamContent(body, 1 << 20);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        request.Content.Headers.ContentLength = length;
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        var newOffset = response.Headers.TryGetValues("Upload-Offset", out var o) ? long.Parse(o.First(), CultureInfo.InvariantCulture) : -1;
        var item = response.Headers.TryGetValues("Sanxiang-Media-Item", out var i) ? Guid.Parse(i.First()) : (Guid?)null;
        var text = response.StatusCode == HttpStatusCode.NoContent ? string.Empty : await response.Content.ReadAsStringAsync();
        return new PatchResult(response.StatusCode, newOffset, item, text);
    }

    /// <summary>HEAD: the offset the server has committed.</summary>
    public static async Task<long> OffsetAsync(HttpClient client, Uri upload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, upload);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"HEAD {upload}: {(int)response.StatusCode}");
        }

        return long.Parse(response.Headers.GetValues("Upload-Offset").First(), CultureInfo.InvariantCulture);
    }

    /// <summary>GET /api/media/{id}: the stored item's SHA-256 and size.</summary>
    public static async Task<(string Sha256, long Size)> ItemAsync(HttpClient client, Guid item)
    {
        var json = await client.GetStringAsync(new Uri($"/api/media/{item}", UriKind.Relative));
        using var doc = JsonDocument.Parse(json);
        return (doc.RootElement.GetProperty("sha256").GetString()!, doc.RootElement.GetProperty("size").GetInt64());
    }

    /// <summary>
    /// One 64 MiB upload before anything is measured: the upload path's code is JIT-compiled, the pools and the
    /// database's pages are there, as in a server that has been running.
    /// </summary>
    public static async Task WarmUpAsync(HttpClient client, string mediaRoot)
    {
        const long WarmSize = 64L << 20;
        using var hash = new SentHash();
        var upload = await CreateAsync(client, WarmSize, "warm-up.bin", "application/octet-stream");
        var r = await PatchAsync(client, upload, 0, new GeneratedBody(99, 0, WarmSize, hash), WarmSize);
        var (sha, _) = await ItemAsync(client, r.Item ?? throw new InvalidOperationException($"warm-up upload: {r.Status} {r.Problem}"));
        DeleteObject(mediaRoot, sha);
    }

    /// <summary>Removes a stored object's file under the media root (the benchmark's disk is not the archive).</summary>
    public static void DeleteObject(string mediaRoot, string sha256)
    {
        File.Delete(Path.Combine(mediaRoot, "objects", Sanxiang.Media.Storage.ObjectKeys.RelativePath(sha256)));
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}

internal sealed record PatchResult(HttpStatusCode Status, long Offset, Guid? Item, string Problem);
