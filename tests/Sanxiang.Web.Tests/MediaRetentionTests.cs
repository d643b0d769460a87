using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Media.Persistence;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// REC-RET-1: records are kept at least six months; past their period they are deleted by the policy only, leaving a
/// tombstone with the hash in the Ledger; a legal hold or permanent keeping (used as evidence) stops the deletion.
/// </summary>
public sealed class MediaRetentionTests(ClockFactory app) : IClassFixture<ClockFactory>
{
    [Fact]
    public async Task REC_RET_1_OnlyThePolicyDeletes_AfterSixMonths_LeavingATombstone_AndHoldsAndEvidenceAreKept()
    {
        var officer = await ClientAsync("officer.market");
        var plain = Tus.Bytes(10_000, seed: 31);
        var held = Tus.Bytes(10_000, seed: 37);
        var evidence = Tus.Bytes(10_000, seed: 41);
        var meta = new Dictionary<string, string> { ["filename"] = "巡查.mp4", ["filetype"] = "video/mp4", ["category"] = "other" };
        var plainId = await Tus.UploadAsync(officer, plain, meta);
        var unfinished = await Tus.CreateAsync(officer, 1000, meta);
        var heldId = await Tus.UploadAsync(officer, held, meta);
        var evidenceId = await Tus.UploadAsync(officer, evidence, meta);

        var head = await ClientAsync("head.market");
        using (var noReason = await head.PostJsonAsync($"/api/media/{heldId}/hold", new { reason = "" }))
        {
            await noReason.ShouldBeRuleProblemAsync("INPUT-REQUIRED", "Reason", "保全理由不能为空");
        }

        (await head.PostJsonAsync($"/api/media/{heldId}/hold", new { reason = "行政复议审理中" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await officer.PostJsonAsync($"/api/media/{heldId}/hold", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PostJsonAsync($"/api/media/{evidenceId}/permanent", new { reason = "UsedAsEvidence" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await SweepAsync()).ShouldBe(0);
        app.Clock.MoveTo(app.Clock.Today.AddMonths(6)); // on the last day of the period: still kept
        (await SweepAsync()).ShouldBe(0);
        app.Clock.MoveTo(app.Clock.Today.AddDays(2));
        (await SweepAsync()).ShouldBe(1);
        officer = await ClientAsync("officer.market"); // the clock moved past the session's end
        head = await ClientAsync("head.market");

        // tus expiration: the unfinished upload has expired (410) and the sweep removed it (404).
        using (var expired = await Tus.PatchAsync(officer, unfinished, 0, new ByteArrayContent(new byte[10])))
        {
            expired.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        Directory.Exists(Path.Combine(app.MediaRoot, "staging", unfinished.Split('/')[^1])).ShouldBeFalse();

        var view = await CaseApi.ViewAsync(officer, $"/api/media/{plainId}");
        view.GetProperty("deletedAt").ValueKind.ShouldNotBe(System.Text.Json.JsonValueKind.Null);
        view.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(plain)));
        using (var gone = await officer.GetAsync($"/api/media/{plainId}/content"))
        {
            gone.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await gone.Content.ReadAsStringAsync()).ShouldContain("REC-RET-1");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(plain));
        File.Exists(Path.Combine(app.MediaRoot, "objects", sha[..2], sha[2..4], sha)).ShouldBeFalse();
        foreach (var kept in new[] { held, evidence })
        {
            var h = Convert.ToHexStringLower(SHA256.HashData(kept));
            File.Exists(Path.Combine(app.MediaRoot, "objects", h[..2], h[2..4], h)).ShouldBeTrue();
        }

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
        (await db.Outbox.CountAsync(m => m.EventType == "media.item.deleted" && m.AggregateId == plainId && m.Payload.Contains(sha))).ShouldBe(1);
        (await db.Items.CountAsync(i => i.DeletedAt != null)).ShouldBe(1);

        // Released from the hold, the held record goes at the next sweep; the evidence never does.
        (await head.DeleteAsync($"/api/media/{heldId}/hold")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await SweepAsync()).ShouldBe(1);
        app.Clock.MoveTo(app.Clock.Today.AddYears(30));
        (await SweepAsync()).ShouldBe(0);
        (await CaseApi.ViewAsync(await ClientAsync("officer.market"), $"/api/media/{evidenceId}")).GetProperty("permanent").GetString().ShouldBe("UsedAsEvidence");
    }

    [Fact]
    public async Task AnUnfinishedUpload_ExpiresWith410_AfterItsExpiry()
    {
        var officer = await ClientAsync("officer.market");
        var url = await Tus.CreateAsync(officer, 1000);
        using (var first = await Tus.PatchAsync(officer, url, 0, new ByteArrayContent(new byte[10])))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.NoContent);
            var expires = DateTimeOffset.Parse(first.Headers.GetValues("Upload-Expires").Single(), System.Globalization.CultureInfo.InvariantCulture);
            expires.ShouldBe(app.Clock.GetUtcNow().AddHours(72), TimeSpan.FromSeconds(1));
        }

        app.Clock.MoveTo(app.Clock.Today.AddDays(4), hour: 8);
        officer = await ClientAsync("officer.market");
        using var gone = await officer.SendAsync(Tus.Request(HttpMethod.Head, url));
        gone.StatusCode.ShouldBe(HttpStatusCode.Gone);
        using var patch = await Tus.PatchAsync(officer, url, 10, new ByteArrayContent(new byte[10]));
        patch.StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    private async Task<int> SweepAsync()
    {
        var admin = await ClientAsync("admin");
        using var r = await admin.PostAsync("/api/media/retention/sweep", null);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return (await r.ReadDocumentAsync()).RootElement.GetProperty("deleted").GetInt32();
    }

    private async Task<HttpClient> ClientAsync(string user) => await (await app.SignedInAsync(user)).WithAntiforgeryHeaderAsync();
}
