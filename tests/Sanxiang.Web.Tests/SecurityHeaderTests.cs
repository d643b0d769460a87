using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Host.Infrastructure;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// Issue 15: every response carries the security headers, set in one place (SecurityHeaders): every Razor page route
/// (its parameters filled with an unknown ID, so 404 pages are checked too), signed in and anonymous, the API, static
/// files, errors and the sign-in page.
/// </summary>
[Trait("Area", "Pages")]
public sealed class SecurityHeaderTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    [Fact]
    public async Task EveryPageRoute_CarriesTheSecurityHeaders_SignedInAndAnonymous()
    {
        var pages = PageRoutes();
        pages.Count.ShouldBeGreaterThan(40, "the walk found the app's pages");
        var admin = await app.SignedInAsync("admin");
        var anonymous = app.NewClient();
        var failures = new List<string>();
        foreach (var (client, who) in new[] { (admin, "admin"), (anonymous, "anonymous") })
        {
            foreach (var path in pages.Append("/api/registry/agencies").Append("/css/site.css").Append("/no-such-page").Append("/openapi/v1.json").Append("/health/live"))
            {
                using var r = await client.GetAsync(path);
                failures.AddRange(Missing(r).Select(m => $"{who} GET {path} ({(int)r.StatusCode}): {m}"));
            }
        }

        failures.ShouldBeEmpty(string.Join('\n', failures.Take(30)));
    }

    [Fact]
    public void ThePolicy_AllowsNoInlineScript_AndNoFraming()
    {
        var csp = SecurityHeaders.ContentSecurityPolicy;
        var script = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        script.ShouldBe("script-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("object-src 'none'");
        csp.ShouldNotContain("unsafe-eval");
    }

    private static IEnumerable<string> Missing(HttpResponseMessage r)
    {
        foreach (var (name, value) in SecurityHeaders.All)
        {
            var values = r.Headers.TryGetValues(name, out var h) ? h : r.Content.Headers.TryGetValues(name, out var c) ? c : [];
            if (!values.Contains(value))
            {
                yield return $"{name} is '{string.Join(", ", values)}'";
            }
        }
    }

    /// <summary>Every Razor page's route, with each route parameter filled with an unknown ID.</summary>
    private List<string> PageRoutes() =>
        [.. app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(PublicPersonalDataScanTests.PatternOf)
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"\{[^}]+\}", Guid.NewGuid().ToString()))
            .Distinct()
            .Order(StringComparer.Ordinal)];
}
