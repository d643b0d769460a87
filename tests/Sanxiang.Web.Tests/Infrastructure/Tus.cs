using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Sanxiang.Web.Tests.Infrastructure;

/// <summary>A small tus 1.0.0 client for the tests: create, HEAD, PATCH (optionally with a sha256 checksum), and a whole upload.</summary>
public static class Tus
{
    public static HttpRequestMessage Request(HttpMethod method, string url)
    {
        var r = new HttpRequestMessage(method, url);
        r.Headers.Add("Tus-Resumable", "1.0.0");
        return r;
    }

    public static string Metadata(IReadOnlyDictionary<string, string> values) =>
        string.Join(',', values.Select(kv => $"{kv.Key} {Convert.ToBase64String(Encoding.UTF8.GetBytes(kv.Value))}"));

    public static async Task<HttpResponseMessage> CreateRawAsync(HttpClient client, long length, IReadOnlyDictionary<string, string> metadata)
    {
        using var r = Request(HttpMethod.Post, "/api/media/uploads");
        r.Headers.Add("Upload-Length", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        r.Headers.Add("Upload-Metadata", Metadata(metadata));
        return await client.SendAsync(r);
    }

    /// <summary>Creates an upload that must be accepted; returns its URL (path).</summary>
    public static async Task<string> CreateAsync(HttpClient client, long length, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var r = await CreateRawAsync(client, length, metadata ?? new Dictionary<string, string> { ["filename"] = "现场.mp4", ["filetype"] = "video/mp4" });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        r.Headers.GetValues("Tus-Resumable").ShouldContain("1.0.0");
        r.Headers.Contains("Upload-Expires").ShouldBeTrue();
        return r.Headers.Location!.OriginalString;
    }

    public static async Task<long> OffsetAsync(HttpClient client, string url)
    {
        using var r = await client.SendAsync(Request(HttpMethod.Head, url));
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        r.Headers.CacheControl?.NoStore.ShouldBeTrue();
        return long.Parse(r.Headers.GetValues("Upload-Offset").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, long offset, HttpContent body, string? checksum = null)
    {
        using var r = Request(HttpMethod.Patch, url);
        r.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (checksum is not null)
        {
            r.Headers.Add("Upload-Checksum", checksum);
        }

        body.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        r.Content = body;
        return await client.SendAsync(r);
    }

    public static string Sha256Checksum(ReadOnlySpan<byte> data) => "sha256 " + Convert.ToBase64String(SHA256.HashData(data));

    /// <summary>Uploads <paramref name="data"/> in chunks of <paramref name="chunk"/> bytes with checksums; returns the media item's ID.</summary>
    public static async Task<Guid> UploadAsync(HttpClient client, byte[] data, IReadOnlyDictionary<string, string>? metadata = null, int chunk = 1 << 20)
    {
        var url = await CreateAsync(client, data.Length, metadata);
        string? item = null;
        for (var offset = 0; offset < data.Length; offset += chunk)
        {
            var n = Math.Min(chunk, data.Length - offset);
            using var r = await PatchAsync(client, url, offset, new ByteArrayContent(data, offset, n), Sha256Checksum(data.AsSpan(offset, n)));
            r.StatusCode.ShouldBe(HttpStatusCode.NoContent, await r.Content.ReadAsStringAsync());
            r.Headers.GetValues("Upload-Offset").Single().ShouldBe((offset + n).ToString(System.Globalization.CultureInfo.InvariantCulture));
            item = r.Headers.TryGetValues("Sanxiang-Media-Item", out var v) ? v.Single() : null;
        }

        return Guid.Parse(item.ShouldNotBeNull());
    }

    /// <summary>Deterministic pseudo-random bytes (a seeded PRNG), so a test's file is the same on every run.</summary>
    public static byte[] Bytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }
}

/// <summary>A request body that sends the first <paramref name="cut"/> bytes of the data and then fails like a dropped network.</summary>
public sealed class CutStream(byte[] data, int start, int cut) : Stream
{
    private int _position = start;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= cut)
        {
            throw new IOException("network dropped (test)");
        }

        var n = Math.Min(Math.Min(count, cut - _position), 64 * 1024);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
