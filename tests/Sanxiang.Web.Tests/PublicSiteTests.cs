using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Disclosure.Features;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>The app with the public site's protection on and a small rate limit: a burst of 5, then one request a second.</summary>
public sealed class PublicSiteFactory : SanxiangFactory
{
    public override MovableClock Clock { get; } = new(ClockFactory.Start);

    protected override bool PublicSiteProtection => true;

    protected override string[]? TwoFactorRoles => ["none"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Disclosure:PublicSite:CacheSeconds", "600");
        builder.UseSetting("Disclosure:PublicSite:RequestsPerMinute", "60");
        builder.UseSetting("Disclosure:PublicSite:Burst", "5");
    }
}

/// <summary>
/// The public site's output cache (issue 7, ADR 0019): anonymous reads are answered from the cache, which the
/// publication pipeline evicts as soon as it publishes, so a new decision shows at once; a signed-in user is never
/// served a cached answer.
/// </summary>
public sealed class PublicSiteTests(PublicSiteFactory app) : IClassFixture<PublicSiteFactory>
{
    [Fact]
    public async Task AnonymousReads_AreCached_AndAPublicationEvictsTheDecisionLists()
    {
        var client = app.NewClient();
        using (var first = await client.GetAsync("/api/public/decisions"))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
            first.Headers.Age.ShouldBeNull("the first answer is computed");
            (await first.Content.ReadAsStringAsync()).ShouldContain("\"total\":0");
        }

        using (var second = await client.GetAsync("/api/public/decisions"))
        {
            second.Headers.Age.ShouldNotBeNull("the second comes from the output cache");
        }

        // The demo data holds a penalty decided and served weeks ago: the pipeline publishes it (late) and evicts the lists.
        await using (var scope = app.Scope())
        {
            (await scope.ServiceProvider.GetRequiredService<PublicationPipeline>().RunAsync()).Published.ShouldBeGreaterThan(0);
        }

        using var third = await client.GetAsync("/api/public/decisions");
        third.Headers.Age.ShouldBeNull("evicted by the publication");
        (await third.Content.ReadAsStringAsync()).ShouldNotContain("\"total\":0");

        var officer = await app.SignedInAsync("officer.market");
        using var signedIn = await officer.GetAsync("/api/public/decisions");
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        signedIn.Headers.Age.ShouldBeNull("a signed-in user is never served from the cache");
    }

}

/// <summary>The public site's per-client rate limit (issue 7, ADR 0019), with its own app so that no other test spends its tokens.</summary>
public sealed class PublicSiteRateLimitTests(PublicSiteFactory app) : IClassFixture<PublicSiteFactory>
{
    [Fact]
    public async Task OneClient_IsLimitedOnThePublicPaths_WithRetryAfter_AndTheBackOfficeIsNot()
    {
        var client = app.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var r = await client.GetAsync($"/api/public/decisions?q=%E7%BD%9A%E6%AC%BE&page={i + 1}");
            statuses.Add(r.StatusCode);
            if (r.StatusCode == HttpStatusCode.TooManyRequests)
            {
                r.Headers.RetryAfter.ShouldNotBeNull();
                r.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                (await r.Content.ReadAsStringAsync()).ShouldContain("请求过于频繁");
            }
        }

        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBeGreaterThan(0, string.Join(",", statuses));
        statuses.Take(5).ShouldAllBe(s => s == HttpStatusCode.OK);

        using (var page = await client.GetAsync("/Public/Agencies"))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            (await page.Content.ReadAsStringAsync()).ShouldContain("您的访问过于频繁");
        }

        var officer = await app.SignedInAsync("officer.market");
        for (var i = 0; i < 12; i++)
        {
            using var r = await officer.GetAsync("/api/cases");
            r.StatusCode.ShouldBe(HttpStatusCode.OK, "the back office has no public rate limit");
        }

        await Task.Delay(TimeSpan.FromSeconds(2.2));
        using var later = await client.GetAsync("/api/public/decisions?q=%E5%81%9C%E4%BA%A7");
        later.StatusCode.ShouldBe(HttpStatusCode.OK, "the bucket refills at one request a second");
    }
}
