using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// A case of the market-regulation agency (A) seen from the urban-management agency (B): every /api/cases route
/// answers 404 for B's officer and head, exactly as for a case that does not exist, and changes nothing. Every
/// mapped route must be listed here. Personal data of the party in full only for the case team, the agency's heads and
/// reviewers and supervisors (SEC-PI-1; the masked views are tested in <see cref="PartyDataTests"/>).
/// </summary>
public sealed class CaseScopeTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    private static readonly string[] ListRoutes = ["GET /api/cases/", "GET /api/cases/refusals", "GET /api/cases/recording-exceptions", "POST /api/cases/", "POST /api/cases/summary", "POST /api/cases/payments/import"];

    [Fact]
    public void EveryCaseEndpoint_IsCoveredByTheScopeTest()
    {
        var mapped = Routes().ToList();
        mapped.ShouldNotBeEmpty();
        mapped.Where(r => !r.Contains("{id:guid}", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ShouldBe(ListRoutes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnotherAgency_GetsNotFoundOnEveryCaseRoute_AndChangesNothing()
    {
        var owner = await ClientAsync("officer.market");
        var id = await OpenClueAsync(owner);
        var before = await owner.GetStringAsync($"/api/cases/{id}");

        foreach (var user in new[] { "officer.urban", "head.urban" })
        {
            var other = await ClientAsync(user);
            foreach (var route in Routes().Where(r => r.Contains("{id:guid}", StringComparison.Ordinal)))
            {
                var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
                var path = route[(method.Length + 1)..].Replace("{id:guid}", id.ToString(), StringComparison.Ordinal).Replace("{no:int}", "1", StringComparison.Ordinal).Replace("{documentId:guid}.{format}", $"{Guid.CreateVersion7()}.pdf", StringComparison.Ordinal);
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method == "POST")
                {
                    request.Content = System.Net.Http.Json.JsonContent.Create(new { }, options: Api.Json);
                }

                using var response = await other.SendAsync(request);
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{user} {route}");
                (await response.Content.ReadAsStringAsync()).ShouldNotContain("赵某某");
            }

            var list = await other.GetStringAsync("/api/cases/?pageSize=200");
            list.ShouldNotContain(id.ToString());
        }

        (await owner.GetStringAsync($"/api/cases/{id}")).ShouldBe(before);
    }

    [Fact]
    public async Task PersonalData_IsShownToTheTeamAndSupervisors_SEC_PI_1()
    {
        var owner = await ClientAsync("officer.market");
        var id = await OpenClueAsync(owner);
        var own = JsonDocument.Parse(await owner.GetStringAsync($"/api/cases/{id}")).RootElement.GetProperty("party");
        own.GetProperty("identifier").GetString().ShouldBe("110105199003070017");
        own.GetProperty("masked").GetBoolean().ShouldBeFalse();

        var supervisor = await ClientAsync("supervisor");
        var seen = JsonDocument.Parse(await supervisor.GetStringAsync($"/api/cases/{id}")).RootElement;
        seen.GetProperty("party").GetProperty("masked").GetBoolean().ShouldBeFalse();
        seen.GetProperty("nextActions").GetArrayLength().ShouldBe(0);
        using var act = await supervisor.PostJsonAsync($"/api/cases/{id}/request-filing", new { });
        act.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheHeadsInbox_ListsCasesAwaitingFilingOrClosingApproval()
    {
        var head = await ClientAsync("head.market");
        var items = JsonDocument.Parse(await head.GetStringAsync("/api/cases/?awaitingApproval=true&pageSize=200")).RootElement.GetProperty("items");
        items.GetArrayLength().ShouldBeGreaterThan(0, "the demo data has a clue awaiting filing approval");
        foreach (var c in items.EnumerateArray())
        {
            c.GetProperty("stage").GetString().ShouldBeOneOf("FilingRequested", "ClosingRequested");
        }
    }

    [Fact]
    public async Task OpeningACase_WithAPowerOfAnotherAgency_IsRefused()
    {
        var owner = await ClientAsync("officer.market");
        var urbanPower = JsonDocument.Parse(await (await ClientAsync("officer.urban")).GetStringAsync("/api/registry/powers?search=ZF-CF-003")).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
        using var r = await owner.PostJsonAsync("/api/cases", Clue(urbanPower, await OfficersAsync(owner)));
        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("ruleId").GetString().ShouldBe("REG-1");
    }

    private IEnumerable<string> Routes() => app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText?.StartsWith("/api/cases", StringComparison.OrdinalIgnoreCase) == true)
        .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
        .Distinct();

    private async Task<HttpClient> ClientAsync(string user) => await (await app.SignedInAsync(user)).WithAntiforgeryHeaderAsync();

    private static async Task<Guid[]> OfficersAsync(HttpClient client)
    {
        var items = JsonDocument.Parse(await client.GetStringAsync("/api/registry/officers?search=%E7%8E%8B%E5%BB%BA%E5%9B%BD")).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
        var li = JsonDocument.Parse(await client.GetStringAsync("/api/registry/officers?search=%E6%9D%8E%E7%A7%80%E8%8B%B1")).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
        return [items, li];
    }

    private static object Clue(Guid power, Guid[] team) => new
    {
        powerId = power,
        party = new { kind = "Person", name = "赵某某", idNumber = "110105199003070017", address = "安平县城关镇幸福路1号", phone = "13800000000" },
        summary = "销售超过保质期的食品",
        actOn = "2026-11-01",
        discoveredOn = "2026-11-02",
        officerIds = team,
    };

    private static async Task<Guid> OpenClueAsync(HttpClient owner)
    {
        var power = JsonDocument.Parse(await owner.GetStringAsync("/api/registry/powers?search=SJ-CF-001")).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
        using var r = await owner.PostJsonAsync("/api/cases", Clue(power, await OfficersAsync(owner)));
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }
}
