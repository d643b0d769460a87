using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Host.Auth;
using Sanxiang.Registry.Contracts;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// Issue 15: the official tus client (npm tus-js-client, installed by scripts/tus-js-client.sh) uploads to the app
/// over a real port, is aborted in the middle of a PATCH, resumes from the offset the server's HEAD reports and
/// finishes with the right hash — once with PATCH and once with POST + X-HTTP-Method-Override (tus 1.0 core).
/// </summary>
[Trait("Area", "Interop")]
public sealed class TusJsClientTests(KestrelFactory app) : IClassFixture<KestrelFactory>
{
    [Theory]
    [InlineData("patch")]
    [InlineData("override")]
    public async Task TheOfficialClient_UploadsAbortsAndResumes(string mode)
    {
        // A cookie client on the Kestrel port that shows redirects (the factory's own client has no test server here).
        var head = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = new Uri(app.BaseUrl + "/") };
        using (var signedIn = await head.PostLoginAsync("head.market"))
        {
            signedIn.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        }

        head = await head.WithAntiforgeryHeaderAsync();
        var serial = "DSJ-TUS-" + mode;
        using (var registered = await head.PostJsonAsync("/api/media/devices", new { serial, kind = "执法记录仪" }))
        {
            registered.EnsureSuccessStatusCode();
        }

        string key;
        await using (var scope = app.Scope())
        {
            key = (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("采集工作站 " + mode, DemoAgencies.MarketRegulation, Guid.NewGuid(), CancellationToken.None)).Secret;
        }

        var data = Tus.Bytes(2_000_000, seed: mode.Length);
        var file = Path.Combine(app.KeysDirectory, $"tusjs-{mode}.bin");
        await File.WriteAllBytesAsync(file, data);
        var officer = await CaseApi.OfficerIdAsync(head, "王建国");
        var metadata = new Dictionary<string, string> { ["filename"] = "现场.mp4", ["filetype"] = "video/mp4", ["deviceId"] = serial, ["officerIds"] = officer.ToString() };
        var install = (await ExternalTools.RunAsync("bash", [Path.Combine(ExternalTools.RepositoryRoot(), "scripts", "tus-js-client.sh")], timeoutSeconds: 300)).Trim();
        var script = Path.Combine(ExternalTools.RepositoryRoot(), "interop", "tusjs", "upload.js");

        var output = await ExternalTools.RunAsync("env", [$"TUSJS_DIR={install}", "node", script, app.BaseUrl + "/api/media/uploads", file, JsonSerializer.Serialize(new Dictionary<string, string> { [ApiKeyService.Header] = key }), JsonSerializer.Serialize(metadata), mode], timeoutSeconds: 120);

        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        events.ShouldContain(e => e.GetProperty("event").GetString() == "aborting", output);
        var resumed = events.SkipWhile(e => e.GetProperty("event").GetString() != "aborting").ToList();
        resumed.ShouldContain(e => e.GetProperty("event").GetString() == "response" && e.GetProperty("method").GetString() == "HEAD", output);
        if (mode == "override")
        {
            events.Where(e => e.GetProperty("event").GetString() == "response" && e.GetProperty("override").ValueKind == JsonValueKind.String)
                .ShouldAllBe(e => e.GetProperty("method").GetString() == "POST");
            events.ShouldContain(e => e.GetProperty("event").GetString() == "response" && e.GetProperty("override").GetString() == "PATCH" && e.GetProperty("status").GetInt32() == 204, output);
        }

        var success = events.Single(e => e.GetProperty("event").GetString() == "success");
        var item = success.GetProperty("item").GetString().ShouldNotBeNull();
        var view = await CaseApi.ViewAsync(head, $"/api/media/{item}");
        view.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(data)));
        view.GetProperty("size").GetInt64().ShouldBe(data.Length);
    }
}
