using System.Net;
using Sanxiang.Registry.Contracts;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The registry pages answer an object outside the caller's scope with 404, never 403 or its data; the
/// companion test proves the same pages answer 200 for objects in scope, so the 404s are about scope.
/// </summary>
[Trait("Area", "Pages")]
public sealed class ScopePageTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    public static TheoryData<string> Pages =>
    [
        "/Registry/Agencies/Details/{agency}",
        "/Registry/Agencies/Edit/{agency}",
        "/Registry/Agencies/ReviewCatalog/{agency}",
        "/Registry/Officers/Details/{officer}",
        "/Registry/Officers/Edit/{officer}",
        "/Registry/Powers/Details/{power}",
        "/Registry/Powers/Edit/{power}",
        "/Registry/Powers/Benchmark/{power}",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AnOfficerOfAnotherAgency_Gets404_ForBsObjectPage(string page)
    {
        var client = await app.SignedInAsync("officer.market");
        var b = await RegistrySnapshot.ReadAsync(app, DemoAgencies.UrbanManagement);

        using var response = await client.GetAsync(Url(page, b));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var text = await response.Content.ReadAsStringAsync();
        b.LeakIn(text).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task TheSamePage_ForAnObjectInScope_Is200(string page)
    {
        // The administrator of the county may see and change every county agency's records.
        var client = await app.SignedInAsync("admin");
        var own = await RegistrySnapshot.ReadAsync(app, DemoAgencies.MarketRegulation);

        using var response = await client.GetAsync(Url(page, own));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string Url(string page, RegistrySnapshot data) => page
        .Replace("{agency}", data.AgencyId.ToString(), StringComparison.Ordinal)
        .Replace("{officer}", data.FirstOfficer.ToString(), StringComparison.Ordinal)
        .Replace("{power}", data.FirstPower.ToString(), StringComparison.Ordinal);
}
