using System.Net;
using System.Text;
using System.Text.Json;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Registry.Contracts;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The review catalog (GB118-REV-1) over /api/registry/agencies/{id}/review-catalog: read by everyone who may see the
/// agency, changed by its head or an administrator over it; every change is one registry outbox event, and the next
/// <see cref="IReviewCatalogs.ForAgencyAsync"/> returns it. Each test uses its own agency (the factory is shared).
/// </summary>
public sealed class ReviewCatalogApiTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    private static string Url(Guid agency) => $"/api/registry/agencies/{agency}/review-catalog";

    private static Dictionary<string, object?> Catalog(long personFen = 500_000) => new(StringComparer.Ordinal)
    {
        ["personThresholdFen"] = personFen,
        ["organisationThresholdFen"] = 10_000_000L,
        ["suspensionClosureRestriction"] = true,
        ["licenceRevocation"] = true,
        ["hearingHeld"] = false,
        ["outsideBenchmark"] = true,
        ["majorPublicInterest"] = true,
        ["severalLegalRelations"] = true,
        ["suspectedCrime"] = true,
        ["reviewWorkingDays"] = 10,
        ["extensionWorkingDays"] = 3,
    };

    private static object Body(long personFen = 500_000, int? version = null) => new { catalog = Catalog(personFen), version };

    [Fact]
    public async Task TheHead_ChangesAThreshold_ForAgencyAsyncReturnsIt_AndExactlyOneOutboxEventIsWritten()
    {
        var head = await (await app.SignedInAsync("head.market")).WithAntiforgeryHeaderAsync();
        var before = await EventsAsync(DemoAgencies.MarketRegulation);

        var read = (await (await head.GetAsync(Url(DemoAgencies.MarketRegulation))).ReadDocumentAsync()).RootElement;
        using var put = await head.PutJsonAsync(Url(DemoAgencies.MarketRegulation), Body(version: read.GetProperty("version").GetInt32()));

        read.GetProperty("version").GetInt32().ShouldBe(0);
        read.GetProperty("isDefault").GetBoolean().ShouldBeTrue();
        read.GetProperty("catalog").GetProperty("personThresholdFen").GetInt64().ShouldBe(1_000_000);
        read.GetProperty("defaults").GetProperty("organisationThresholdFen").GetInt64().ShouldBe(10_000_000);
        read.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ShouldBe(CatalogCodes.All);
        put.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var facts = await ForAgencyAsync(DemoAgencies.MarketRegulation);
        (facts.Version, facts.PersonThresholdFen, facts.HearingHeld, facts.ReviewWorkingDays).ShouldBe((1, 500_000L, false, 10));
        var after = (await (await head.GetAsync(Url(DemoAgencies.MarketRegulation))).ReadDocumentAsync()).RootElement;
        after.GetProperty("isDefault").GetBoolean().ShouldBeFalse();
        after.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "HEARING").GetProperty("enabled").GetBoolean().ShouldBeFalse();

        var events = (await EventsAsync(DemoAgencies.MarketRegulation)).Skip(before.Count).ToList();
        var e = events.ShouldHaveSingleItem();
        e.EventType.ShouldBe("registry.review-catalog.changed");
        e.Actor.ShouldNotBe("system");
        e.Payload.ShouldNotContain("赵局长");
    }

    [Theory]
    [InlineData("personThresholdFen", 0L, "GB118-REV-1", "PersonThresholdFen", "自然人罚没金额标准须大于0元")]
    [InlineData("organisationThresholdFen", -100L, "GB118-REV-1", "OrganisationThresholdFen", "法人或者其他组织罚没金额标准须大于0元")]
    [InlineData("reviewWorkingDays", 31L, "GB118-REV-1", "ReviewWorkingDays", "审核期限须在1至30个工作日之间")]
    [InlineData("reviewWorkingDays", 0L, "GB118-REV-1", "ReviewWorkingDays", "审核期限须在1至30个工作日之间")]
    [InlineData("extensionWorkingDays", 16L, "GB118-REV-1", "ExtensionWorkingDays", "延长期限须在0至15个工作日之间")]
    [InlineData("hearingHeld", null, "INPUT-REQUIRED", "HearingHeld", "经过听证程序的案件不能为空")]
    public async Task BadInput_Gets422ChineseProblemDetails_NamingTheRule_AndChangesNothing(string property, long? value, string ruleId, string field, string message)
    {
        var admin = await (await app.SignedInAsync("admin")).WithAntiforgeryHeaderAsync();
        var before = await ForAgencyAsync(DemoAgencies.Township);
        var events = (await EventsAsync(DemoAgencies.Township)).Count;
        var catalog = Catalog();
        catalog[property] = value;

        using var response = await admin.PutJsonAsync(Url(DemoAgencies.Township), new { catalog, version = (int?)null });

        await response.ShouldBeRuleProblemAsync(ruleId, field, message);
        (await ForAgencyAsync(DemoAgencies.Township)).ShouldBe(before);
        (await EventsAsync(DemoAgencies.Township)).Count.ShouldBe(events);
    }

    [Fact]
    public async Task ANonNumericThreshold_Gets400_AndChangesNothing()
    {
        var admin = await (await app.SignedInAsync("admin")).WithAntiforgeryHeaderAsync();
        var before = await ForAgencyAsync(DemoAgencies.Township);
        var json = JsonSerializer.Serialize(Body(), Api.Json).Replace("\"personThresholdFen\":500000", "\"personThresholdFen\":\"一万\"", StringComparison.Ordinal);

        using var response = await admin.PutAsync(Url(DemoAgencies.Township), new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadDocumentAsync()).RootElement.GetProperty("detail").GetString()!.ShouldContain("请求格式错误");
        (await ForAgencyAsync(DemoAgencies.Township)).ShouldBe(before);
    }

    [Fact]
    public async Task AnotherAgencysHead_Gets404_ForReadingAndChanging_AndNothingChanges()
    {
        var head = await (await app.SignedInAsync("head.urban")).WithAntiforgeryHeaderAsync();
        var before = await ForAgencyAsync(DemoAgencies.Ecology);
        var events = (await EventsAsync(DemoAgencies.Ecology)).Count;

        using var read = await head.GetAsync(Url(DemoAgencies.Ecology));
        using var put = await head.PutJsonAsync(Url(DemoAgencies.Ecology), Body());
        using var reset = await head.PostAsync($"{Url(DemoAgencies.Ecology)}/reset", null);

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        put.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        reset.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await put.Content.ReadAsStringAsync()).ShouldNotContain("生态");
        (await ForAgencyAsync(DemoAgencies.Ecology)).ShouldBe(before);
        (await EventsAsync(DemoAgencies.Ecology)).Count.ShouldBe(events);
    }

    [Fact]
    public async Task AnOfficer_ReadsTheOwnAgencysCatalog_ButAChangeIsRefusedWithAUTHROLE()
    {
        var officer = await (await app.SignedInAsync("officer.urban")).WithAntiforgeryHeaderAsync();

        using var read = await officer.GetAsync(Url(DemoAgencies.UrbanManagement));
        using var put = await officer.PutJsonAsync(Url(DemoAgencies.UrbanManagement), Body());

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await read.ReadDocumentAsync()).RootElement.GetProperty("canEdit").GetBoolean().ShouldBeFalse();
        put.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await put.ReadDocumentAsync()).RootElement.GetProperty("ruleId").GetString().ShouldBe("AUTH-ROLE");
        (await ForAgencyAsync(DemoAgencies.UrbanManagement)).Version.ShouldBe(0);
    }

    [Fact]
    public async Task AnAdministrator_ResetsToTheDefaults_WithOneResetEvent_AndAStaleVersionGets409()
    {
        var admin = await (await app.SignedInAsync("admin")).WithAntiforgeryHeaderAsync();
        using var changed = await admin.PutJsonAsync(Url(DemoAgencies.Justice), Body(personFen: 200_000, version: 0));
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var before = (await EventsAsync(DemoAgencies.Justice)).Count;

        using var stale = await admin.PostAsync($"{Url(DemoAgencies.Justice)}/reset?version=0", null);
        using var reset = await admin.PostAsync($"{Url(DemoAgencies.Justice)}/reset?version=1", null);

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.ReadDocumentAsync()).RootElement.GetProperty("ruleId").GetString().ShouldBe("CONCURRENCY");
        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ForAgencyAsync(DemoAgencies.Justice)).ShouldBe(ReviewCatalogFacts.Defaults(DemoAgencies.Justice) with { Version = 2 });
        (await EventsAsync(DemoAgencies.Justice)).Skip(before).Select(e => e.EventType).ShouldBe(["registry.review-catalog.reset"]);
    }

    [Fact]
    public async Task TheReviewCatalogApi_IsInTheOpenApiDocument()
    {
        var client = await (await app.SignedInAsync("officer.market")).WithAntiforgeryHeaderAsync();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = json.RootElement.GetProperty("paths");
        paths.GetProperty("/api/registry/agencies/{id}/review-catalog").TryGetProperty("put", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/registry/agencies/{id}/review-catalog/reset", out _).ShouldBeTrue();
    }

    private Task<ReviewCatalogFacts> ForAgencyAsync(Guid agency) => ReviewCatalogProbe.ForAgencyAsync(app, agency);

    private Task<List<OutboxMessage>> EventsAsync(Guid agency) => ReviewCatalogProbe.EventsAsync(app, agency);
}
