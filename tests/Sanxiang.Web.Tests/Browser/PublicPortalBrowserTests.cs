using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sanxiang.Disclosure.Badges;
using Sanxiang.Registry.Persistence;
using Sanxiang.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sanxiang.Web.Tests.Browser;

/// <summary>
/// The public portal in Chromium: an officer's badge QR address opened on a phone-sized viewport shows the verified
/// officer; and axe-core (npm, scripts/axe-core.sh, injected into each page) finds no serious or critical WCAG
/// violation on the main public pages.
/// </summary>
[Trait("Area", "Browser")]
[Collection(BrowserTests.Name)]
public sealed class PublicPortalBrowserTests(BrowserFixture app, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ABadgeQrAddress_OnAPhone_ShowsTheVerifiedOfficer()
    {
        // Signed as /Badges/Print and /api/badges sign it (the browser fixture's app listens on Kestrel only).
        string path;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var officer = await db.Officers.AsNoTracking().Where(o => o.Name == "王建国").Select(o => new { o.Id, o.CertificateNumber }).SingleAsync();
            var badge = scope.ServiceProvider.GetRequiredService<BadgeSigner>().Sign(new BadgePayload(officer.Id, officer.CertificateNumber, DateTimeOffset.UtcNow));
            path = "/Public/Officer?b=" + badge;
        }

        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync(path);
        var verdict = page.Locator(".badge-result .verdict");
        (await verdict.InnerTextAsync()).ShouldContain("胸牌真实");
        (await page.Locator("#officer-name").InnerTextAsync()).ShouldBe("王建国");
        (await page.Locator(".officer-card").InnerTextAsync()).ShouldContain("安平县市场监督管理局");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        overflow.ShouldBeFalse("the verification page must fit a 390 px wide phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "40-public-badge-phone.png"), FullPage = true });

        await page.GotoAsync(path.Replace("b=", "b=A", StringComparison.Ordinal));
        (await page.Locator(".badge-result").InnerTextAsync()).ShouldContain("无效");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheMainPublicPages_HaveNoSeriousOrCriticalAccessibilityViolations()
    {
        var axe = (await ExternalTools.RunAsync("bash", [Path.Combine(ExternalTools.RepositoryRoot(), "scripts", "axe-core.sh")], timeoutSeconds: 300)).Trim();
        string[] paths = ["/Public", "/Public/Agencies", "/Public/Officers", "/Public/Powers", "/Public/Procedures", "/Public/Guides", "/Public/Remedies", "/Public/Inspections", "/Public/Officer?b=forged.badge"];
        var page = await app.NewPageAsync(390, 844, bypassCsp: true);
        var failures = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
            var result = await page.EvaluateAsync<JsonElement>(
                "async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }); return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })); }");
            foreach (var v in result.EnumerateArray())
            {
                var line = $"{path}: {v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()} — {v.GetProperty("help").GetString()} at {v.GetProperty("nodes")}";
                output.WriteLine(line);
                if (v.GetProperty("impact").GetString() is "serious" or "critical")
                {
                    failures.Add(line);
                }
            }
        }

        await page.Context.CloseAsync();
        failures.ShouldBeEmpty(string.Join('\n', failures));
    }
}
