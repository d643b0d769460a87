using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Registry.Persistence;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// Officers' badges (GB118-PUB-2): heads and administrators issue them with a signed QR address; the public page
/// verifies the signature and shows the certificate's status, in red with its text when it is not valid; a forged or
/// altered badge is refused as "无效".
/// </summary>
public sealed class BadgeTests(SanxiangFactory app) : IClassFixture<SanxiangFactory>
{
    [Fact]
    public async Task AValidBadge_Verifies_WithoutSignIn_AndShowsTheOfficer()
    {
        var url = await BadgeUrlAsync("王建国");
        using var r = await app.NewClient().GetAsync(PathOf(url));
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await r.Content.ReadAsStringAsync();
        html.ShouldContain("胸牌真实");
        html.ShouldContain("王建国");
        html.ShouldContain("安平县市场监督管理局");
        html.ShouldContain("食品安全");
        html.ShouldContain("cert-valid");
        html.ShouldNotContain("无效");
        PublicPortalBeforeTests.AssertNoIdNumber(WebUtility.HtmlDecode(html), await PublicPortalBeforeTests.IdNumbersAsync(app), url);
    }

    [Fact]
    public async Task AnAlteredPayloadOrSignature_OrAForgedBadge_IsRefusedAsInvalid()
    {
        var url = await BadgeUrlAsync("王建国");
        var badge = url[(url.IndexOf("b=", StringComparison.Ordinal) + 2)..];
        var (payload, signature) = (badge[..badge.IndexOf('.', StringComparison.Ordinal)], badge[(badge.IndexOf('.', StringComparison.Ordinal) + 1)..]);

        // The same officer with another certificate number, re-encoded: a well-formed but altered payload.
        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(payload));
        var parts = text.Split('|');
        parts[2] = "33119999999";
        var altered = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('|', parts)));
        var flipped = (signature[0] == 'A' ? "B" : "A") + signature[1..];
        string[] forged = [altered + "." + signature, payload + "." + flipped, payload, "x.y", altered + "." + Base64Url.EncodeToString(new byte[64])];

        var client = app.NewClient();
        foreach (var b in forged)
        {
            using var r = await client.GetAsync("/Public/Officer?b=" + Uri.EscapeDataString(b));
            r.StatusCode.ShouldBe(HttpStatusCode.BadRequest, b);
            var html = await r.Content.ReadAsStringAsync();
            html.ShouldContain("无效");
            html.ShouldNotContain("胸牌真实");
        }
    }

    [Theory]
    [InlineData("刘洋", "已过期")]
    [InlineData("杨帆", "已暂扣")]
    public async Task AnExpiredOrSuspendedCertificate_ShowsInRed_WithItsStatusText(string name, string status)
    {
        var url = await BadgeUrlAsync(name);
        using var r = await app.NewClient().GetAsync(PathOf(url));
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await r.Content.ReadAsStringAsync();
        html.ShouldContain(name);
        html.ShouldContain($"<p class=\"verdict cert-invalid\">胸牌真实；执法证{status}");
        html.ShouldContain("持证人目前不得从事行政执法");
    }

    [Fact]
    public async Task ThePrintPage_HasTheQrAsSvg_ForHeads_AndNotForOfficersOrOtherAgencies()
    {
        var officerId = await OfficerIdAsync("王建国");
        var head = await app.SignedInAsync("head.market");
        using (var r = await head.GetAsync($"/Badges/Print/{officerId}"))
        {
            r.StatusCode.ShouldBe(HttpStatusCode.OK);
            var html = await r.Content.ReadAsStringAsync();
            html.ShouldContain("<svg");
            html.ShouldContain("/Public/Officer?b=");
            html.ShouldContain("王建国");
        }

        var officer = await app.SignedInAsync("officer.market");
        using (var r = await officer.GetAsync($"/api/badges/{officerId}"))
        {
            r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var otherHead = await app.SignedInAsync("head.urban");
        using (var r = await otherHead.GetAsync($"/api/badges/{officerId}"))
        {
            r.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var r = await app.NewClient().GetAsync($"/api/badges/{officerId}"))
        {
            r.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task TheOfficersRegistryPage_LinksToThePrintPage_ForThoseWhoMayPrint()
    {
        var officerId = await OfficerIdAsync("王建国");
        var head = await app.SignedInAsync("head.market");
        var link = (await head.GetPageAsync($"/Registry/Officers/Details/{officerId}")).QuerySelector("#print-badge");
        link!.GetAttribute("href").ShouldBe($"/Badges/Print/{officerId}");
        using (var print = await head.GetAsync(link.GetAttribute("href")))
        {
            print.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var officer = await app.SignedInAsync("officer.market");
        (await officer.GetPageAsync($"/Registry/Officers/Details/{officerId}")).QuerySelector("#print-badge").ShouldBeNull("an officer may not print badges");
    }

    [Fact]
    public async Task TheBadgeKey_IsItsOwnFile_ReadableByTheOwnerOnly_AndNotTheLedgerKey()
    {
        await BadgeUrlAsync("王建国");
        var verifier = await app.NewClient().GetStringAsync("/api/public/badge-verifier-key");
        verifier.ShouldStartWith("sanxiang-badge+");
        var ledger = await app.NewClient().GetStringAsync("/ledger/verifier-key");
        ledger.Trim().ShouldNotBe(verifier.Trim());
        var keyFile = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Disclosure:BadgeKeyFile"]!;
        File.Exists(keyFile).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    internal static string PathOf(string url) => new Uri(url).PathAndQuery;

    private async Task<Guid> OfficerIdAsync(string name)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Officers.AsNoTracking().Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private async Task<string> BadgeUrlAsync(string name) => await IssueAsync(app, await OfficerIdAsync(name));

    /// <summary>The signed badge address as head.market gets it from GET /api/badges/{officerId}.</summary>
    internal static async Task<string> IssueAsync(SanxiangFactory app, Guid officerId)
    {
        var head = await app.SignedInAsync("head.market");
        using var r = await head.GetAsync($"/api/badges/{officerId}");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await r.Content.ReadFromJsonAsync<JsonElement>();
        json.GetProperty("qrSvg").GetString()!.ShouldStartWith("<svg");
        return json.GetProperty("url").GetString()!;
    }
}
