using System.Net;
using System.Text.Json;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

public sealed class HealthTests(SanxiangFactory app) : IClassFixture<SanxiangFactory>
{
    [Fact]
    public async Task Live_Is200()
    {
        using var response = await app.NewClient().GetAsync("/health/live");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_IsHealthy_WhenTheDatabaseIsMigrated()
    {
        using var response = await app.NewClient().GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task OpenApi_IsJson_AndListsTheRegistryApi()
    {
        using var response = await app.NewClient().GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/registry/officers");
        paths.ShouldContain("/api/registry/powers/{id}");
    }
}
