using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Host.Auth;
using Sanxiang.Media.Persistence;
using Sanxiang.Registry.Contracts;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// Audio-video records over the API (issue 5): the tus protocol (resume after a cut at a random offset, a wrong
/// chunk checksum refused without moving the offset), content addressing (a duplicate stores nothing new), the scrub
/// (a flipped byte is found), playback with ranges recorded as accesses, the case-team rule, docking stations and
/// unknown devices (GB118-REC-4 chain of custody).
/// </summary>
public sealed class MediaApiTests(ClockFactory app) : IClassFixture<ClockFactory>
{
    private static readonly Dictionary<string, string> Video = new() { ["filename"] = "执法记录仪-0001.mp4", ["filetype"] = "video/mp4" };

    [Fact]
    public async Task Options_AdvertiseTusVersionExtensionsAndChecksum()
    {
        var client = await ClientAsync("officer.market");
        using var r = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/media/uploads"));
        r.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        r.Headers.GetValues("Tus-Version").Single().ShouldBe("1.0.0");
        r.Headers.GetValues("Tus-Extension").Single().ShouldBe("creation,termination,expiration,checksum");
        r.Headers.GetValues("Tus-Checksum-Algorithm").Single().ShouldBe("sha256");
    }

    [Fact]
    public async Task AnUploadCutAtARandomOffset_ResumesFromTheServersOffset_AndEndsWithTheRightHash()
    {
        var client = await ClientAsync("officer.market");
        var data = Tus.Bytes(3_000_000, seed: 5);
        var url = await Tus.CreateAsync(client, data.Length, Video);
        var cut = Random.Shared.Next(1, data.Length - 1);

        // The network drops after `cut` bytes of one big PATCH: the server keeps what arrived.
        await Should.ThrowAsync<Exception>(async () =>
        {
            using var r = await Tus.PatchAsync(client, url, 0, new StreamContent(new CutStream(data, 0, cut)));
            if (r.StatusCode == HttpStatusCode.NoContent)
            {
                throw new InvalidOperationException("the cut request should not have completed");
            }

            throw new IOException("refused as expected");
        });
        var offset = await Tus.OffsetAsync(client, url);
        offset.ShouldBeInRange(0, cut);

        // A PATCH at a stale offset is refused with the server's offset.
        using (var stale = await Tus.PatchAsync(client, url, offset + 1, new ByteArrayContent(data, (int)offset + 1, 10)))
        {
            stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            stale.Headers.GetValues("Upload-Offset").Single().ShouldBe(offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var rest = await Tus.PatchAsync(client, url, offset, new ByteArrayContent(data, (int)offset, data.Length - (int)offset));
        rest.StatusCode.ShouldBe(HttpStatusCode.NoContent, await rest.Content.ReadAsStringAsync());
        var item = Guid.Parse(rest.Headers.GetValues("Sanxiang-Media-Item").Single());
        var view = await CaseApi.ViewAsync(client, $"/api/media/{item}");
        view.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(data)), $"cut at {cut}, resumed at {offset}");
        view.GetProperty("size").GetInt64().ShouldBe(data.Length);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
        (await db.Outbox.CountAsync(m => m.EventType == "media.item.ingested" && m.AggregateId == item && m.Payload.Contains(view.GetProperty("sha256").GetString()!))).ShouldBe(1);
    }

    [Fact]
    public async Task AWrongChunkChecksum_IsRefusedWith460_AndTheOffsetDoesNotMove()
    {
        var client = await ClientAsync("officer.market");
        var data = Tus.Bytes(300_000, seed: 7);
        var url = await Tus.CreateAsync(client, data.Length, Video);
        using (var first = await Tus.PatchAsync(client, url, 0, new ByteArrayContent(data, 0, 100_000), Tus.Sha256Checksum(data.AsSpan(0, 100_000))))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using (var wrong = await Tus.PatchAsync(client, url, 100_000, new ByteArrayContent(data, 100_000, 100_000), Tus.Sha256Checksum(data.AsSpan(0, 100_000))))
        {
            ((int)wrong.StatusCode).ShouldBe(460);
            var problem = (await wrong.ReadDocumentAsync()).RootElement;
            problem.GetProperty("ruleId").GetString().ShouldBe("TUS-CHECKSUM");
            problem.GetProperty("detail").GetString()!.ShouldContain("校验和");
        }

        (await Tus.OffsetAsync(client, url)).ShouldBe(100_000);
        using var unsupported = await Tus.PatchAsync(client, url, 100_000, new ByteArrayContent(data, 100_000, 10), "md5 AAAA");
        unsupported.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var right = await Tus.PatchAsync(client, url, 100_000, new ByteArrayContent(data, 100_000, 200_000), Tus.Sha256Checksum(data.AsSpan(100_000)));
        right.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var item = right.Headers.GetValues("Sanxiang-Media-Item").Single();
        (await CaseApi.ViewAsync(client, $"/api/media/{item}")).GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(data)));
    }

    [Fact]
    public async Task ProtocolErrors_AreClearProblems()
    {
        var client = await ClientAsync("officer.market");
        using (var noVersion = await client.PostAsync("/api/media/uploads", null))
        {
            noVersion.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        }

        using (var noLength = await client.SendAsync(Tus.Request(HttpMethod.Post, "/api/media/uploads")))
        {
            noLength.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await noLength.Content.ReadAsStringAsync()).ShouldContain("Upload-Length");
        }

        using (var badMeta = await Tus.CreateRawAsync(client, 10, new Dictionary<string, string> { ["filename"] = "a.mp4" }))
        {
            badMeta.StatusCode.ShouldBe(HttpStatusCode.Created); // filetype is optional
        }

        using (var noName = await Tus.CreateRawAsync(client, 10, new Dictionary<string, string> { ["filetype"] = "video/mp4" }))
        {
            await noName.ShouldBeRuleProblemAsync("INPUT-REQUIRED", "filename", "文件名不能为空");
        }

        var url = await Tus.CreateAsync(client, 10, Video);
        using (var wrongType = await client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, url) { Headers = { { "Tus-Resumable", "1.0.0" }, { "Upload-Offset", "0" } }, Content = new ByteArrayContent(new byte[10]) }))
        {
            wrongType.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        }

        using (var tooLong = await Tus.PatchAsync(client, url, 0, new ByteArrayContent(new byte[11])))
        {
            tooLong.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        }

        (await Tus.OffsetAsync(client, url)).ShouldBe(0);

        // Someone else's upload does not exist for them.
        var colleague = await ClientAsync("head.urban");
        using (var other = await colleague.SendAsync(Tus.Request(HttpMethod.Head, url)))
        {
            other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var terminated = await client.SendAsync(Tus.Request(HttpMethod.Delete, url)))
        {
            terminated.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using var gone = await client.SendAsync(Tus.Request(HttpMethod.Head, url));
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ASecondUploadOfTheSameBytes_StoresNothingNew()
    {
        var client = await ClientAsync("officer.market");
        var data = Tus.Bytes(500_000, seed: 11);
        var first = await Tus.UploadAsync(client, data, Video);
        var objects = Directory.GetFiles(Path.Combine(app.MediaRoot, "objects"), "*", SearchOption.AllDirectories);
        var staging = Directory.GetDirectories(Path.Combine(app.MediaRoot, "staging"));
        var bytes = objects.Sum(f => new FileInfo(f).Length);

        var second = await Tus.UploadAsync(client, data, Video, chunk: 200_000);
        second.ShouldNotBe(first);
        var after = Directory.GetFiles(Path.Combine(app.MediaRoot, "objects"), "*", SearchOption.AllDirectories);
        after.Length.ShouldBe(objects.Length);
        after.Sum(f => new FileInfo(f).Length).ShouldBe(bytes);
        Directory.GetDirectories(Path.Combine(app.MediaRoot, "staging")).ShouldBe(staging, ignoreOrder: true); // the finished uploads' folders are gone
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
        var sha = Convert.ToHexStringLower(SHA256.HashData(data));
        (await db.Objects.CountAsync(o => o.Sha256 == sha)).ShouldBe(1);
        (await db.Items.CountAsync(i => i.Sha256 == sha)).ShouldBe(2);
    }

    [Fact]
    public async Task AFlippedByteInAStoredObject_IsFoundByTheScrub_AndAlerted()
    {
        var client = await ClientAsync("officer.market");
        var data = Tus.Bytes(200_000, seed: 13);
        await Tus.UploadAsync(client, data, Video);
        var sha = Convert.ToHexStringLower(SHA256.HashData(data));
        var path = Path.Combine(app.MediaRoot, "objects", sha[..2], sha[2..4], sha);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        await using (var f = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            f.Position = 123_456;
            var b = f.ReadByte();
            f.Position = 123_456;
            f.WriteByte((byte)(b ^ 0x01));
        }

        var officerScrub = await client.PostAsync("/api/media/scrub", null);
        officerScrub.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var supervisor = await ClientAsync("supervisor");
        using var scrub = await supervisor.PostAsync("/api/media/scrub", null);
        scrub.StatusCode.ShouldBe(HttpStatusCode.OK, await scrub.Content.ReadAsStringAsync());
        var alerts = (await CaseApi.ViewAsync(supervisor, "/api/media/alerts")).EnumerateArray().ToList();
        alerts.ShouldContain(a => a.GetProperty("sha256").GetString() == sha && a.GetProperty("kind").GetString() == "mismatch");

        // Run again: the same object is not alerted twice.
        using var again = await supervisor.PostAsync("/api/media/scrub", null);
        (await CaseApi.ViewAsync(supervisor, "/api/media/alerts")).EnumerateArray().Count(a => a.GetProperty("sha256").GetString() == sha).ShouldBe(1);
        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<MediaDbContext>().Outbox.CountAsync(m => m.EventType == "media.scrub.alert" && m.Payload.Contains(sha))).ShouldBe(1);

        var page = await supervisor.GetStringAsync("/Media/Alerts");
        page.ShouldContain("内容被改动");
    }

    [Fact]
    public async Task Playback_ServesRanges_AndRecordsWhoReadWhichBytes()
    {
        var client = await ClientAsync("officer.market");
        var data = Tus.Bytes(400_000, seed: 17);
        var item = await Tus.UploadAsync(client, data, Video);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/media/{item}/content");
        request.Headers.Range = new RangeHeaderValue(1000, 1999);
        using var partial = await client.SendAsync(request);
        partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        partial.Content.Headers.ContentRange!.ToString().ShouldBe("bytes 1000-1999/400000");
        (await partial.Content.ReadAsByteArrayAsync()).ShouldBe(data[1000..2000]);
        using var download = await client.GetAsync($"/api/media/{item}/content?download=true");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(data);
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");

        var log = (await CaseApi.ViewAsync(client, $"/api/media/{item}/access")).EnumerateArray().ToList();
        log.Count.ShouldBe(2);
        log.ShouldContain(a => a.GetProperty("range").GetString() == "bytes=1000-1999" && !a.GetProperty("download").GetBoolean());
        log.ShouldContain(a => a.GetProperty("download").GetBoolean());
        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<MediaDbContext>().Outbox.CountAsync(m => m.EventType == "media.item.accessed" && m.AggregateId == item)).ShouldBe(2);
    }

    [Fact]
    public async Task ACasesMedia_IsSeenByTheTeamHeadsReviewersAndSupervisors_Only()
    {
        var officer = await ClientAsync("officer.market");
        var caseId = await CaseAsync(officer);
        var data = Tus.Bytes(50_000, seed: 19);
        var item = await Tus.UploadAsync(officer, data, new Dictionary<string, string>(Video) { ["caseId"] = caseId.ToString(), ["step"] = RecordingSteps.SealUpSeizure });
        (await CaseApi.ViewAsync(officer, $"/api/media/{item}")).GetProperty("step").GetString().ShouldBe(RecordingSteps.SealUpSeizure);
        foreach (var user in new[] { "head.market", "reviewer.market", "supervisor" })
        {
            using var seen = await (await ClientAsync(user)).GetAsync($"/api/media/{item}/content");
            seen.StatusCode.ShouldBe(HttpStatusCode.OK, user);
        }

        foreach (var user in new[] { "head.urban", "officer.urban" })
        {
            using var hidden = await (await ClientAsync(user)).GetAsync($"/api/media/{item}/content");
            hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound, user);
            (await (await ClientAsync(user)).GetStringAsync("/api/media")).ShouldNotContain(item.ToString());
        }

        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<Sanxiang.Cases.Contracts.ICaseRecordings>().CountLinkedAsync(caseId, RecordingSteps.SealUpSeizure)).ShouldBe(1);
    }

    [Fact]
    public async Task ADockingStation_IngestsFromRegisteredDevices_AndUnknownDevicesAreRefusedAndReported()
    {
        var head = await ClientAsync("head.market");
        using (var registered = await head.PostJsonAsync("/api/media/devices", new { serial = "DSJ-A0001", kind = "执法记录仪", model = "DSJ-V8" }))
        {
            registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        }

        using (var twice = await head.PostJsonAsync("/api/media/devices", new { serial = "DSJ-A0001", kind = "执法记录仪" }))
        {
            await twice.ShouldBeRuleProblemAsync("MEDIA-DEVICE-UNIQUE", "Serial", "已登记");
        }

        string key;
        await using (var scope = app.Scope())
        {
            key = (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("一号采集工作站", DemoAgencies.MarketRegulation, Guid.NewGuid(), CancellationToken.None)).Secret;
        }

        var station = app.NewClient();
        station.DefaultRequestHeaders.Add(ApiKeyService.Header, key);
        var officer = await CaseApi.OfficerIdAsync(head, "王建国");
        var from = app.Clock.GetUtcNow().AddHours(-2).ToString("O");
        var meta = new Dictionary<string, string>(Video) { ["deviceId"] = "DSJ-A0001", ["officerIds"] = officer.ToString(), ["recordedFrom"] = from, ["latitude"] = "30.5", ["longitude"] = "114.3" };
        var item = await Tus.UploadAsync(station, Tus.Bytes(70_000, seed: 23), meta);
        var view = await CaseApi.ViewAsync(station, $"/api/media/{item}");
        view.GetProperty("station").GetString().ShouldBe("一号采集工作站");
        view.GetProperty("deviceSerial").GetString().ShouldBe("DSJ-A0001");

        // The officer on the recording sees it and links it to a case step of a case of his team.
        var me = await ClientAsync("officer.market");
        var caseId = await CaseAsync(me);
        (await me.PostJsonAsync($"/api/media/{item}/link", new { caseId, step = "nonsense" })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await me.PostJsonAsync($"/api/media/{item}/link", new { caseId, step = RecordingSteps.Hearing })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await CaseApi.ViewAsync(me, $"/api/media/{item}")).GetProperty("caseId").GetGuid().ShouldBe(caseId);
        (await (await ClientAsync("officer.urban")).GetAsync($"/api/media/{item}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using (var unknown = await Tus.CreateRawAsync(station, 100, new Dictionary<string, string>(meta) { ["deviceId"] = "DSJ-X9999" }))
        {
            await unknown.ShouldBeRuleProblemAsync("MEDIA-DEVICE", "deviceId", "未在本机关设备登记册中登记");
        }

        using (var noOfficer = await Tus.CreateRawAsync(station, 100, new Dictionary<string, string>(Video) { ["deviceId"] = "DSJ-A0001" }))
        {
            await noOfficer.ShouldBeRuleProblemAsync("INPUT-REQUIRED", "officerIds", "须注明执法人员");
        }

        var register = await CaseApi.ViewAsync(head, "/api/media/devices");
        var device = register.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("serial").GetString() == "DSJ-A0001");
        device.GetProperty("lastUploadAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
        device.GetProperty("uploads").GetInt64().ShouldBe(1);
        register.GetProperty("refusals").EnumerateArray().ShouldContain(r => r.GetProperty("serial").GetString() == "DSJ-X9999" && r.GetProperty("station").GetString() == "一号采集工作站");
        (await head.GetStringAsync("/Media/Devices")).ShouldContain("DSJ-X9999");
    }

    private async Task<Guid> CaseAsync(HttpClient officer)
    {
        var power = JsonDocument.Parse(await officer.GetStringAsync("/api/registry/powers?search=SJ-CF-001")).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
        using var created = await officer.PostJsonAsync("/api/cases", new
        {
            powerId = power,
            party = new { kind = "Person", name = "钱某某", idNumber = "110105199003070017", address = "安平县城关镇解放路12号", phone = "13900000000" },
            summary = "销售超过保质期的食品",
            actOn = ChinaToday().AddDays(-10),
            discoveredOn = ChinaToday().AddDays(-2),
            harmsSafety = false,
            officerIds = new[] { await CaseApi.OfficerIdAsync(officer, "王建国"), await CaseApi.OfficerIdAsync(officer, "陈静") },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.ReadDocumentAsync()).RootElement.GetProperty("id").GetGuid();
    }

    private DateOnly ChinaToday() => DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    private async Task<HttpClient> ClientAsync(string user) => await (await app.SignedInAsync(user)).WithAntiforgeryHeaderAsync();
}
