using System.Net;
using System.Text.Json;
using Sanxiang.Registry.Contracts;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The recording-required list (GB118-REC-2/3) over /api/registry/agencies/{id}/recording-list and its page: read by
/// everyone who may see the agency, changed (PUT) and reset (DELETE) by its head or an administrator over it, one
/// registry outbox event per change. Each test uses its own agency (the factory is shared).
/// </summary>
public sealed class RecordingListApiTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    private const string Events = "registry.recording-list.";

    private static string Url(Guid agency) => $"/api/registry/agencies/{agency}/recording-list";

    private static readonly string[] WithoutHearing = [RecordingSteps.SealUpSeizure, RecordingSteps.OnSiteInspection, RecordingSteps.ServiceByLeaving, RecordingSteps.ServiceByNotice, RecordingSteps.CompulsoryEnforcement];

    [Fact]
    public async Task GB118_REC_3_TheHead_DropsHearings_ForAgencyAsyncReturnsIt_WithOneEvent_ThenResets()
    {
        var head = await (await app.SignedInAsync("head.market")).WithAntiforgeryHeaderAsync();
        var read = (await (await head.GetAsync(Url(DemoAgencies.MarketRegulation))).ReadDocumentAsync()).RootElement;
        read.GetProperty("version").GetInt32().ShouldBe(0);
        read.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("listed").GetBoolean()).Select(s => s.GetProperty("code").GetString()).ShouldBe(RecordingListFacts.DefaultSteps);

        using var put = await head.PutJsonAsync(Url(DemoAgencies.MarketRegulation), new { steps = WithoutHearing, inspectionPowers = new[] { "SJ-CF-001" }, version = 0 });
        put.StatusCode.ShouldBe(HttpStatusCode.NoContent, await put.Content.ReadAsStringAsync());
        var facts = await ReviewCatalogProbe.RecordingListAsync(app, DemoAgencies.MarketRegulation);
        (facts.Version, facts.Requires(RecordingSteps.Hearing, "SJ-CF-001"), facts.Requires(RecordingSteps.OnSiteInspection, "SJ-CF-001")).ShouldBe((1, false, true));

        using var stale = await head.DeleteAsync($"{Url(DemoAgencies.MarketRegulation)}?version=0");
        using var reset = await head.DeleteAsync($"{Url(DemoAgencies.MarketRegulation)}?version=1");
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ReviewCatalogProbe.RecordingListAsync(app, DemoAgencies.MarketRegulation)).Steps.ShouldBe(RecordingListFacts.DefaultSteps);
        var events = await ReviewCatalogProbe.EventsAsync(app, DemoAgencies.MarketRegulation, Events);
        events.Select(e => e.EventType).ShouldBe(["registry.recording-list.changed", "registry.recording-list.reset"]);
        events[0].Actor.ShouldNotBe("system");
    }

    [Fact]
    public async Task GB118_REC_2_DroppingASeizure_OrAnUnknownPower_Gets422_AndChangesNothing()
    {
        var admin = await (await app.SignedInAsync("admin")).WithAntiforgeryHeaderAsync();
        using var seizure = await admin.PutJsonAsync(Url(DemoAgencies.Township), new { steps = new[] { RecordingSteps.Hearing, RecordingSteps.CompulsoryEnforcement }, inspectionPowers = Array.Empty<string>() });
        using var power = await admin.PutJsonAsync(Url(DemoAgencies.Township), new { steps = RecordingListFacts.DefaultSteps, inspectionPowers = new[] { "NO-SUCH-POWER" } });
        using var missing = await admin.PutJsonAsync(Url(DemoAgencies.Township), new { steps = RecordingListFacts.DefaultSteps });

        await seizure.ShouldBeRuleProblemAsync("GB118-REC-2", "Steps", "“查封、扣押”直接涉及重大财产权益，须全程音像记录，不能移出清单");
        await power.ShouldBeRuleProblemAsync("GB118-REC-3", "InspectionPowers", "本机关权责清单中没有编码为“NO-SUCH-POWER”的事项");
        (await missing.ReadDocumentAsync()).RootElement.GetProperty("ruleId").GetString().ShouldBe("INPUT-REQUIRED");
        (await ReviewCatalogProbe.RecordingListAsync(app, DemoAgencies.Township)).Version.ShouldBe(0);
        (await ReviewCatalogProbe.EventsAsync(app, DemoAgencies.Township, Events)).ShouldBeEmpty();
    }

    [Fact]
    public async Task GB118_REC_3_AnOfficer_ReadsTheList_ButAChangeIsAUTHROLE_AndAnotherAgencysHeadGets404()
    {
        var officer = await (await app.SignedInAsync("officer.urban")).WithAntiforgeryHeaderAsync();
        var other = await (await app.SignedInAsync("head.urban")).WithAntiforgeryHeaderAsync();
        using var read = await officer.GetAsync(Url(DemoAgencies.UrbanManagement));
        using var put = await officer.PutJsonAsync(Url(DemoAgencies.UrbanManagement), new { steps = WithoutHearing, inspectionPowers = Array.Empty<string>() });
        using var foreign = await other.GetAsync(Url(DemoAgencies.Ecology));
        using var foreignReset = await other.DeleteAsync(Url(DemoAgencies.Ecology));

        (await read.ReadDocumentAsync()).RootElement.GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        (await put.ReadDocumentAsync()).RootElement.GetProperty("ruleId").GetString().ShouldBe("AUTH-ROLE");
        (foreign.StatusCode, foreignReset.StatusCode).ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound));
        (await ReviewCatalogProbe.RecordingListAsync(app, DemoAgencies.UrbanManagement)).Version.ShouldBe(0);
    }

    [Fact]
    public async Task GB118_REC_3_ThePage_ShowsTheDefaults_AndAnAdministratorSavesAnEdit()
    {
        var head = await (await app.SignedInAsync("admin")).WithAntiforgeryHeaderAsync();
        var agency = await head.GetPageAsync($"/Registry/Agencies/Details/{DemoAgencies.Justice}");
        var url = agency.QuerySelector("a#recording-list")!.GetAttribute("href")!;
        var page = await head.GetPageAsync(url);
        page.QuerySelector("#list-state")!.TextContent.ShouldBe("默认清单");
        page.QuerySelectorAll("#recording-steps tr[data-code]").Select(r => r.GetAttribute("data-code")).ShouldBe(RecordingSteps.All.Where(s => s != RecordingSteps.Other));
        page.QuerySelector($"#step-{RecordingSteps.SealUpSeizure}")!.HasAttribute("disabled").ShouldBeTrue();
        page.QuerySelector($"#step-{RecordingSteps.EvidenceCollection}")!.HasAttribute("checked").ShouldBeFalse();

        var form = new List<KeyValuePair<string, string>> { new(Html.AntiforgeryField, page.AntiforgeryToken("#recording-form")), new("Input.Version", "0") };
        form.AddRange(WithoutHearing.Select(s => new KeyValuePair<string, string>("Input.Steps", s)));
        using var response = await head.PostAsync(url, new FormUrlEncodedContent(form));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReviewCatalogProbe.RecordingListAsync(app, DemoAgencies.Justice)).Requires(RecordingSteps.Hearing, null).ShouldBeFalse();
        (await head.GetPageAsync(url)).QuerySelector("#list-state")!.TextContent.ShouldContain("第 1 版");

        form.Add(new("Input.InspectionPowers", "NO-SUCH-POWER"));
        form[1] = new("Input.Version", "1");
        using var refused = await head.PostAsync(url, new FormUrlEncodedContent(form));
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("本机关权责清单中没有编码为“NO-SUCH-POWER”的事项");
    }

    [Fact]
    public async Task TheRecordingListApi_IsInTheOpenApiDocument()
    {
        var client = await (await app.SignedInAsync("officer.market")).WithAntiforgeryHeaderAsync();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var path = json.RootElement.GetProperty("paths").GetProperty("/api/registry/agencies/{id}/recording-list");
        (path.TryGetProperty("put", out _), path.TryGetProperty("delete", out _)).ShouldBe((true, true));
    }
}
