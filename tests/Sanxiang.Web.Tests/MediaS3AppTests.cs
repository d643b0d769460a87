using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Media.Storage;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>The app with Media:Store=S3 over its own s3rver (administrators without TOTP, for the scrub).</summary>
public sealed class S3MediaFactory : SanxiangFactory
{
    public const string Bucket = "sanxiang-media-test";

    public S3rverFixture S3 { get; } = new();

    protected override string[]? TwoFactorRoles => ["none"];

    public override async Task InitializeAsync()
    {
        await S3.InitializeAsync();
        await base.InitializeAsync();
    }

    protected override async Task DisposeFixtureAsync()
    {
        await base.DisposeFixtureAsync();
        await S3.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Media:Store", "S3");
        builder.UseSetting("Media:S3:ServiceUrl", S3.ServiceUrl);
        builder.UseSetting("Media:S3:Bucket", Bucket);
        builder.UseSetting("Media:S3:Prefix", "media");
        builder.UseSetting("Media:S3:AccessKey", S3rverFixture.AccessKey);
        builder.UseSetting("Media:S3:SecretKey", S3rverFixture.SecretKey);
    }
}

/// <summary>
/// End to end with the S3 store: a tus upload lands as one object in the bucket, playback serves ranges from it
/// (206 with the right bytes), and the scrub reports an object removed behind the app's back as missing.
/// </summary>
public sealed class MediaS3AppTests(S3MediaFactory app) : IClassFixture<S3MediaFactory>
{
    [Fact]
    public async Task TusUpload_LandsInTheBucket_PlaysRanges_AndTheScrubFindsItMissingOnceDeleted()
    {
        var officer = await (await app.SignedInAsync("officer.market")).WithAntiforgeryHeaderAsync();
        var bytes = Tus.Bytes(300_000, seed: 42);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        // Two PATCHes of 150,000 bytes, each with its sha256 checksum.
        var id = await Tus.UploadAsync(officer, bytes, new Dictionary<string, string>(StringComparer.Ordinal) { ["filename"] = "执法记录仪.bin", ["filetype"] = "application/octet-stream" }, chunk: 150_000);

        var store = app.Services.GetRequiredService<IObjectStore>();
        store.Kind.ShouldBe("s3");
        using var s3 = app.S3.Store(S3MediaFactory.Bucket, prefix: "media");
        (await s3.SizeAsync(sha)).ShouldBe(bytes.Length);
        (await s3.ListAsync().ToListAsync()).ShouldBe([sha]);

        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/api/media/{id}/content"))
        {
            request.Headers.Range = new RangeHeaderValue(1000, 1999);
            using var response = await officer.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
            response.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 1000-1999/{bytes.Length}");
            (await response.Content.ReadAsByteArrayAsync()).ShouldBe(bytes[1000..2000]);
        }

        using (var whole = await officer.GetAsync($"/api/media/{id}/content"))
        {
            whole.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await whole.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        }

        var admin = await (await app.SignedInAsync("admin")).WithAntiforgeryHeaderAsync();
        await ScrubAsync(admin, expectedAlerts: 0);

        await s3.DeleteAsync(sha);
        await ScrubAsync(admin, expectedAlerts: 1);
        using var alerts = JsonDocument.Parse(await admin.GetStringAsync("/api/media/alerts"));
        alerts.RootElement.EnumerateArray().ShouldContain(a => a.GetProperty("sha256").GetString() == sha && a.GetProperty("kind").GetString() == "missing");
    }

    private static async Task ScrubAsync(HttpClient admin, int expectedAlerts)
    {
        using var response = await admin.PostAsync("/api/media/scrub", null);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        using var result = JsonDocument.Parse(text);
        result.RootElement.GetProperty("checked").GetInt32().ShouldBe(1, text);
        result.RootElement.GetProperty("alerts").GetInt32().ShouldBe(expectedAlerts, text);
    }
}
