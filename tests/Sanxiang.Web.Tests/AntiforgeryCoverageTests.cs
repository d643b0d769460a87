using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// Issue 15: every state-changing API endpoint (enumerated from the endpoint data source, as ScopeTests does, so a new
/// endpoint is covered the day it is mapped) refuses a request made with the browser's sign-in cookie but without the
/// antiforgery token, before its handler runs: 400 with ruleId SEC-CSRF. The same request with the token passes the
/// check (whatever the handler then answers).
/// </summary>
public sealed partial class AntiforgeryCoverageTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    [Fact]
    public async Task EveryStateChangingApiEndpoint_RefusesACookieRequestWithoutTheToken()
    {
        var routes = StateChangingRoutes();
        routes.Count.ShouldBeGreaterThan(40, "the enumeration found the API");
        routes.ShouldContain(r => r.Path == "/api/cases/payments/import", "the bank-file import is covered");
        var client = await app.SignedInAsync("head.market");
        var failures = new List<string>();
        foreach (var (method, path, multipart) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Body(multipart) };
            using var r = await client.SendAsync(request);
            var body = await r.Content.ReadAsStringAsync();
            if (r.StatusCode != HttpStatusCode.BadRequest || !body.Contains("\"ruleId\":\"SEC-CSRF\"", StringComparison.Ordinal))
            {
                failures.Add($"{method} {path}: {(int)r.StatusCode} {body[..Math.Min(120, body.Length)]}");
            }
        }

        failures.ShouldBeEmpty(string.Join('\n', failures));

        // tus's method override (POST standing in for PATCH) is checked as the PATCH it becomes.
        using (var overridden = new HttpRequestMessage(HttpMethod.Post, $"/api/media/uploads/{Guid.NewGuid():N}") { Content = new ByteArrayContent([1, 2, 3]) })
        {
            overridden.Headers.Add("X-HTTP-Method-Override", "PATCH");
            overridden.Headers.Add("Tus-Resumable", "1.0.0");
            using var r = await client.SendAsync(overridden);
            (await r.Content.ReadAsStringAsync()).ShouldContain("SEC-CSRF");
        }

        var withToken = await (await app.SignedInAsync("head.market")).WithAntiforgeryHeaderAsync();
        foreach (var (method, path, multipart) in routes.Take(10))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Body(multipart) };
            using var r = await withToken.SendAsync(request);
            (await r.Content.ReadAsStringAsync()).ShouldNotContain("SEC-CSRF", customMessage: $"{method} {path} with the token");
        }
    }

    /// <summary>A JSON body, or a small CSV file for the endpoints that take a form upload.</summary>
    private static HttpContent Body(bool multipart)
    {
        if (!multipart)
        {
            return new StringContent("{}", Encoding.UTF8, "application/json");
        }

        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("a,b\n")), "file", "x.csv");
        return form;
    }

    private List<(string Method, string Path, bool Multipart)> StateChangingRoutes() =>
        [.. app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["POST"]).Select(m => (
                Method: m,
                Path: Sample(e.RoutePattern.RawText!),
                Multipart: e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Any(t => t.StartsWith("multipart/", StringComparison.Ordinal)) == true)))
            .Where(r => r.Method is not ("GET" or "HEAD" or "OPTIONS" or "TRACE"))
            .Distinct()
            .OrderBy(r => r.Path, StringComparer.Ordinal)];

    /// <summary>The route with each parameter filled with a value its constraint accepts.</summary>
    private static string Sample(string pattern) => Parameter().Replace(pattern, m => m.Groups["c"].Value switch
    {
        "int" => "2026",
        "datetime" => "2026-01-05",
        _ when m.Groups["n"].Value is "date" => "2026-01-05",
        _ when m.Groups["n"].Value is "format" => "csv",
        _ when m.Groups["n"].Value is "id" && !m.Value.Contains("guid", StringComparison.Ordinal) => Guid.NewGuid().ToString("N"),
        _ => Guid.NewGuid().ToString(),
    });

    [GeneratedRegex(@"\{(?<n>[A-Za-z]+)(?::(?<c>[a-z]+))?[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
