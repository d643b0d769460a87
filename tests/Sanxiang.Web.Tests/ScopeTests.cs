using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Kernel.Paging;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Demo;
using Sanxiang.Registry.Features.Agencies;
using Sanxiang.Registry.Features.Officers;
using Sanxiang.Registry.Features.Powers;
using Sanxiang.Registry.Features.ReviewCatalogs;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// An officer of agency A (市场监管局) asks for the registry objects of agency B (综合行政执法局) through every
/// /api/registry endpoint. An object outside the caller's scope is not found (404): never 403, never data.
/// Creations and imports that name B are refused exactly as if B did not exist, and write nothing.
/// Every mapped route must have a case here: a new endpoint without a scope test fails
/// <see cref="EveryRegistryEndpoint_HasAScopeCase"/>.
/// </summary>
public sealed class ScopeTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    private const string Officer = "officer.market";
    private static readonly Guid B = DemoAgencies.UrbanManagement;

    /// <summary>Route (as mapped) → the scope check for it.</summary>
    private static readonly Dictionary<string, Func<ScopeTests, Task>> Cases = new(StringComparer.Ordinal)
    {
        ["GET /api/registry/agencies"] = t => t.ListShowsNothingOfBAsync("/api/registry/agencies"),
        ["GET /api/registry/agencies/{id:guid}"] = t => t.NotFoundAsync(HttpMethod.Get, id => $"/api/registry/agencies/{id}", b => b.AgencyId),
        ["POST /api/registry/agencies"] = t => t.RefusedAsIfBDidNotExistAsync(c => c.Client.PostJsonAsync("/api/registry/agencies", Agency(parent: c.Target))),
        ["PUT /api/registry/agencies/{id:guid}"] = t => t.NotFoundAsync(HttpMethod.Put, id => $"/api/registry/agencies/{id}", b => b.AgencyId, Body(Agency(parent: DemoAgencies.County))),
        ["GET /api/registry/agencies/{id:guid}/review-catalog"] = t => t.NotFoundAsync(HttpMethod.Get, id => $"/api/registry/agencies/{id}/review-catalog", b => b.AgencyId),
        ["PUT /api/registry/agencies/{id:guid}/review-catalog"] = t => t.NotFoundAsync(HttpMethod.Put, id => $"/api/registry/agencies/{id}/review-catalog", b => b.AgencyId, Body(Catalog())),
        ["POST /api/registry/agencies/{id:guid}/review-catalog/reset"] = t => t.NotFoundAsync(HttpMethod.Post, id => $"/api/registry/agencies/{id}/review-catalog/reset", b => b.AgencyId),
        ["GET /api/registry/agencies/{id:guid}/recording-list"] = t => t.NotFoundAsync(HttpMethod.Get, id => $"/api/registry/agencies/{id}/recording-list", b => b.AgencyId),
        ["PUT /api/registry/agencies/{id:guid}/recording-list"] = t => t.NotFoundAsync(HttpMethod.Put, id => $"/api/registry/agencies/{id}/recording-list", b => b.AgencyId, Body(new { steps = RecordingListFacts.DefaultSteps, inspectionPowers = Array.Empty<string>() })),
        ["DELETE /api/registry/agencies/{id:guid}/recording-list"] = t => t.NotFoundAsync(HttpMethod.Delete, id => $"/api/registry/agencies/{id}/recording-list", b => b.AgencyId),

        ["GET /api/registry/officers"] = t => t.EmptyPageAsync($"/api/registry/officers?agencyId={B}&pageSize=200"),
        ["GET /api/registry/officers/{id:guid}"] = t => t.NotFoundAsync(HttpMethod.Get, id => $"/api/registry/officers/{id}", b => b.FirstOfficer),
        ["POST /api/registry/officers"] = t => t.RefusedAsIfBDidNotExistAsync(c => c.Client.PostJsonAsync("/api/registry/officers", NewOfficer(c.Target))),
        ["PUT /api/registry/officers/{id:guid}"] = t => t.NotFoundAsync(HttpMethod.Put, id => $"/api/registry/officers/{id}", b => b.FirstOfficer, async b => await RegistrySnapshot.OfficerEditAsync(t.Factory, b.FirstOfficer, "越权改名")),
        ["POST /api/registry/officers/{id:guid}/status"] = t => t.NotFoundAsync(HttpMethod.Post, id => $"/api/registry/officers/{id}/status", b => b.FirstOfficer, Body(new { status = CertificateStatus.Revoked })),
        ["POST /api/registry/officers/{id:guid}/training"] = t => t.NotFoundAsync(HttpMethod.Post, id => $"/api/registry/officers/{id}/training", b => b.FirstOfficer, Body(new { year = 2025, hours = 12 })),
        ["GET /api/registry/officers/export"] = t => t.NotFoundAsync(HttpMethod.Get, id => $"/api/registry/officers/export?agencyId={id}", b => b.AgencyId),
        ["POST /api/registry/officers/import"] = t => t.RefusedAsIfBDidNotExistAsync(c => c.Client.PostAsync($"/api/registry/officers/import?agencyId={c.Target}", Upload(OfficerCsv))),

        ["GET /api/registry/powers"] = t => t.EmptyPageAsync($"/api/registry/powers?agencyId={B}&pageSize=200"),
        ["GET /api/registry/powers/{id:guid}"] = t => t.NotFoundAsync(HttpMethod.Get, id => $"/api/registry/powers/{id}", b => b.FirstPower),
        ["POST /api/registry/powers"] = t => t.RefusedAsIfBDidNotExistAsync(c => c.Client.PostJsonAsync("/api/registry/powers", NewPower(c.Target))),
        ["POST /api/registry/powers/{id:guid}/versions"] = t => t.NotFoundAsync(HttpMethod.Post, id => $"/api/registry/powers/{id}/versions", b => b.FirstPower, Body(Revision())),
        ["PUT /api/registry/powers/{id:guid}/benchmark"] = t => t.NotFoundAsync(HttpMethod.Put, id => $"/api/registry/powers/{id}/benchmark", b => b.FirstPower, Body(Benchmark())),
        ["GET /api/registry/powers/export"] = t => t.NotFoundAsync(HttpMethod.Get, id => $"/api/registry/powers/export?agencyId={id}", b => b.AgencyId),
        ["POST /api/registry/powers/import"] = t => t.RefusedAsIfBDidNotExistAsync(c => c.Client.PostAsync($"/api/registry/powers/import?agencyId={c.Target}", Upload(PowerCsv))),

        // The working-day calendar is national reference data: everyone reads the same, only administrators change it.
        ["GET /api/registry/calendar/{year:int}"] = t => t.NationalDataAsync("/api/registry/calendar/2026"),
        ["GET /api/registry/calendar/deadline"] = t => t.NationalDataAsync("/api/registry/calendar/deadline?from=2026-02-12&workingDays=5"),
        ["POST /api/registry/calendar/days"] = t => t.AdministratorsOnlyAsync(HttpMethod.Post, "/api/registry/calendar/days", new { date = "2026-03-10", kind = "Holiday", name = "越权新增" }),
        ["PUT /api/registry/calendar/days/{date}"] = t => t.AdministratorsOnlyAsync(HttpMethod.Put, "/api/registry/calendar/days/2026-02-14", new { kind = "Holiday", name = "越权修改" }),
        ["DELETE /api/registry/calendar/days/{date}"] = t => t.AdministratorsOnlyAsync(HttpMethod.Delete, "/api/registry/calendar/days/2026-02-14", null),
        ["POST /api/registry/calendar/{year:int}/confirm"] = t => t.AdministratorsOnlyAsync(HttpMethod.Post, "/api/registry/calendar/2027/confirm", new { notice = "越权核对" }),
    };

    private const string OfficerCsv = "姓名,身份证号,执法证号,执法领域,发证日期,有效期至,辅助人员,法律职业资格\n";
    private const string PowerCsv = "权力编码,权力名称,权力类别,法律依据,条款,执法领域,生效日期\nZF-CF-900,对某违法行为的处罚,行政处罚,《某法》,第一条,市容环卫,2024-01-01\n";

    public static TheoryData<string> Routes => [.. Cases.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void EveryRegistryEndpoint_HasAScopeCase()
    {
        var sources = app.Services.GetServices<EndpointDataSource>().ToList();
        var mapped = sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/registry", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.Ordinal);

        mapped.ShouldNotBeEmpty();
        var untested = mapped.Except(Cases.Keys).Order(StringComparer.Ordinal).ToList();
        var stale = Cases.Keys.Except(mapped).Order(StringComparer.Ordinal).ToList();
        untested.ShouldBeEmpty($"registry endpoints without a scope case in {nameof(ScopeTests)}.{nameof(Cases)}");
        stale.ShouldBeEmpty("scope cases for routes that are no longer mapped");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public Task AnOfficerOfAnotherAgency_GetsNothingOfB(string route) => Cases[route](this);

    [Fact]
    public async Task ASupervisorOfTheJusticeBureau_SeesEveryCountyAgency()
    {
        var client = await (await app.SignedInAsync("supervisor")).WithAntiforgeryHeaderAsync();

        using var response = await client.GetAsync("/api/registry/agencies");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var ids = (await response.ReadJsonAsync<List<AgencyRow>>()).Select(a => a.Id).ToHashSet();
        ids.ShouldBe(new[] { DemoAgencies.County, DemoAgencies.MarketRegulation, DemoAgencies.UrbanManagement, DemoAgencies.Ecology, DemoAgencies.Justice, DemoAgencies.Township }.ToHashSet(), ignoreOrder: true);
        var urban = await RegistrySnapshot.ReadAsync(app, B);
        (await client.GetAsync($"/api/registry/officers/{urban.FirstOfficer}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/registry/powers/{urban.FirstPower}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AHead_WritesOnlyTheirOwnAgency()
    {
        var client = await (await app.SignedInAsync("head.market")).WithAntiforgeryHeaderAsync();
        var own = await RegistrySnapshot.ReadAsync(app, DemoAgencies.MarketRegulation);
        var other = await RegistrySnapshot.ReadAsync(app, B);

        using var ownEdit = await client.PutJsonAsync($"/api/registry/officers/{own.FirstOfficer}", await RegistrySnapshot.OfficerEditAsync(app, own.FirstOfficer, "王建业"));
        using var otherEdit = await client.PutJsonAsync($"/api/registry/officers/{other.FirstOfficer}", await RegistrySnapshot.OfficerEditAsync(app, other.FirstOfficer, "越权改名"));

        ownEdit.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        otherEdit.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await RegistrySnapshot.ReadAsync(app, DemoAgencies.MarketRegulation)).Fingerprint.ShouldContain("王建业");
        (await RegistrySnapshot.ReadAsync(app, B)).Fingerprint.ShouldBe(other.Fingerprint);
    }

    internal NoTwoFactorFactory Factory => app;

    private static Func<RegistrySnapshot, Task<object>> Body(object body) => _ => Task.FromResult(body);

    // ---- the checks ----------------------------------------------------------------------------------

    private async Task<HttpClient> OfficerAsync() => await (await app.SignedInAsync(Officer)).WithAntiforgeryHeaderAsync();

    /// <summary>B's object → 404 ProblemDetails without any of B's data, the same as an ID that does not exist; nothing written.</summary>
    private async Task NotFoundAsync(HttpMethod method, Func<Guid, string> url, Func<RegistrySnapshot, Guid> target, Func<RegistrySnapshot, Task<object>>? body = null)
    {
        var client = await OfficerAsync();
        var b = await RegistrySnapshot.ReadAsync(app, B);

        var content = body is null ? null : await body(b);

        async Task<HttpResponseMessage> SendAsync(Guid id)
        {
            using var request = new HttpRequestMessage(method, url(id));
            if (content is not null)
            {
                request.Content = System.Net.Http.Json.JsonContent.Create(content, content.GetType(), options: Api.Json);
            }

            return await client.SendAsync(request);
        }

        using var forB = await SendAsync(target(b));
        using var forNobody = await SendAsync(Guid.CreateVersion7());

        forB.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{method} {url(target(b))}");
        forB.Content.Headers.ContentType?.MediaType.ShouldBe(Api.ProblemJson);
        await NoLeakAsync(forB, b);
        forNobody.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await forB.ComparableAsync()).ShouldBe(await forNobody.ComparableAsync());
        (await RegistrySnapshot.ReadAsync(app, B)).Fingerprint.ShouldBe(b.Fingerprint, "B's data changed");
    }

    /// <summary>A creation or import naming B: refused (not 2xx, not 403) with the very answer given for an agency that does not exist.</summary>
    private async Task RefusedAsIfBDidNotExistAsync(Func<(HttpClient Client, Guid Target), Task<HttpResponseMessage>> send)
    {
        var client = await OfficerAsync();
        var b = await RegistrySnapshot.ReadAsync(app, B);

        using var forB = await send((client, B));
        using var forNobody = await send((client, Guid.CreateVersion7()));

        ((int)forB.StatusCode).ShouldBeOneOf(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        forNobody.StatusCode.ShouldBe(forB.StatusCode);
        (await forB.ComparableAsync()).ShouldBe(await forNobody.ComparableAsync());
        await NoLeakAsync(forB, b);
        (await RegistrySnapshot.ReadAsync(app, B)).Fingerprint.ShouldBe(b.Fingerprint, "B's data changed");
    }

    /// <summary>National data: the same answer for everyone signed in, and nothing of B in it.</summary>
    private async Task NationalDataAsync(string url)
    {
        var client = await OfficerAsync();
        var b = await RegistrySnapshot.ReadAsync(app, B);

        using var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await NoLeakAsync(response, b);
        using var asHead = await (await app.SignedInAsync("head.urban")).GetAsync(url);
        (await asHead.Content.ReadAsStringAsync()).ShouldBe(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A calendar change by an officer: 403 (the Administrator role is required), and the calendar is unchanged.</summary>
    private async Task AdministratorsOnlyAsync(HttpMethod method, string url, object? body)
    {
        var client = await OfficerAsync();
        var before = await CalendarFingerprintAsync(client);

        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body, body.GetType(), options: Api.Json);
        }

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{method} {url}");
        (await CalendarFingerprintAsync(client)).ShouldBe(before, "the calendar changed");
    }

    private static async Task<string> CalendarFingerprintAsync(HttpClient client) =>
        await client.GetStringAsync("/api/registry/calendar/2026") + await client.GetStringAsync("/api/registry/calendar/2027");

    private async Task EmptyPageAsync(string url)
    {
        var client = await OfficerAsync();
        var b = await RegistrySnapshot.ReadAsync(app, B);

        using var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadJsonAsync<PagedResult<System.Text.Json.JsonElement>>();
        page.Total.ShouldBe(0);
        page.Items.ShouldBeEmpty();
        await NoLeakAsync(response, b);

        // Without the filter the officer still sees only their own agency.
        using var all = await client.GetAsync(url.Replace($"agencyId={B}&", string.Empty, StringComparison.Ordinal));
        all.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await all.ReadJsonAsync<PagedResult<System.Text.Json.JsonElement>>()).Total.ShouldBeGreaterThan(0);
        await NoLeakAsync(all, b);
    }

    private async Task ListShowsNothingOfBAsync(string url)
    {
        var client = await OfficerAsync();
        var b = await RegistrySnapshot.ReadAsync(app, B);

        using var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadJsonAsync<List<AgencyRow>>()).Select(a => a.Id).ShouldBe([DemoAgencies.MarketRegulation]);
        await NoLeakAsync(response, b);
    }

    private static async Task NoLeakAsync(HttpResponseMessage response, RegistrySnapshot b)
    {
        var text = await response.ReadableAsync();
        b.LeakIn(text).ShouldBeNull($"the response shows B's data: {text}");
    }

    // ---- valid request bodies (only the scope makes them fail) -----------------------------------------

    private static AgencyInput Agency(Guid parent) =>
        new("安平县综合行政执法局（改）", AgencyLevel.County, AgencyKind.UrbanManagement, parent, null, "法制科", null);

    private static OfficerInput NewOfficer(Guid agencyId) =>
        new(agencyId, "测试员", RegistryDemoData.DemoIdNumber(77), "3399000077", ["市容环卫"], new DateOnly(2024, 1, 1), new DateOnly(2029, 1, 1), false, false);

    private static PowerInput NewPower(Guid agencyId) =>
        new(agencyId, "ZF-CF-901", "对某违法行为的处罚", PowerCategory.Penalty, "《某法》", "第一条", "市容环卫", new DateOnly(2024, 1, 1));

    private static PowerRevision Revision() =>
        new("对擅自设置大型户外广告的处罚（修订）", PowerCategory.Penalty, "《城市市容和环境卫生管理条例》", "第三十六条", "市容环卫", new DateOnly(2030, 1, 1), "法规修订");

    private static ReviewCatalogChange Catalog() =>
        new(new ReviewCatalogInput(100, 100, false, false, false, false, false, false, false, 30, 15));

    private static BenchmarkLevelRow[] Benchmark() =>
        [new(CircumstanceLevel.Minor, "情节轻微", 100, 200, null), new(CircumstanceLevel.General, "一般情节", 200, 500, null)];

    private static MultipartFormDataContent Upload(string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "data.csv" } };
    }
}
