using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Validation;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Persistence;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The portal's "before enforcement" pages (GB118-PUB-1): public without sign-in, and never an officer's ID number,
/// in full or masked, anywhere under /Public.
/// </summary>
public sealed partial class PublicPortalBeforeTests(SanxiangFactory app) : IClassFixture<SanxiangFactory>
{
    private static readonly string[] Pages =
    [
        "/Public", "/Public/Agencies", $"/Public/Agencies?agency={DemoAgencies.MarketRegulation}", "/Public/Officers",
        "/Public/Officers?search=刘", $"/Public/Officers?agency={DemoAgencies.County}&pageNo=2", "/Public/Powers",
        "/Public/Powers?category=Inspection", "/Public/Procedures", "/Public/Guides", "/Public/Remedies", "/Public/Inspections",
    ];

    [Fact]
    public async Task EveryBeforePage_IsPublic_AndNeverShowsAnIdNumber()
    {
        var (idNumbers, powerIds) = await RegistryFactsAsync();
        idNumbers.Count.ShouldBeGreaterThan(3);
        var client = app.NewClient();
        foreach (var path in Pages.Concat(powerIds.Select(id => $"/Public/Power?id={id}")))
        {
            using var r = await client.GetAsync(path);
            r.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
            html.ShouldContain("<html lang=\"zh-CN\">", Case.Sensitive, path);
            AssertNoIdNumber(html, idNumbers, path);
        }
    }

    [Fact]
    public async Task Officers_ShowCertificatesAreasAndValidity_SearchableByNameAndCertificate()
    {
        var client = app.NewClient();
        var all = await client.GetStringAsync("/Public/Officers");
        all.ShouldContain("执法证号");
        all.ShouldContain("辅助人员");
        all.ShouldContain("已过期");
        all.ShouldContain("已暂扣");

        var byName = await client.GetStringAsync("/Public/Officers?search=" + Uri.EscapeDataString("刘洋"));
        byName.ShouldContain("刘洋");
        byName.ShouldNotContain("王建国");
        var certificate = CertificateIn().Match(byName).Value;
        certificate.ShouldNotBeEmpty();
        var byCertificate = await client.GetStringAsync("/Public/Officers?search=" + Uri.EscapeDataString(certificate));
        byCertificate.ShouldContain("刘洋");
    }

    [Fact]
    public async Task APenaltyPower_ShowsItsBenchmarkAndVersions_AndInspectionsComeFromInspectionPowers()
    {
        var client = app.NewClient();
        var powers = await client.GetStringAsync("/Public/Powers?category=Penalty");
        var link = PowerLink().Match(powers);
        link.Success.ShouldBeTrue();
        var page = await client.GetStringAsync(WebUtility.HtmlDecode(link.Value));
        page.ShouldContain("裁量基准");
        page.ShouldContain("APL-34");
        page.ShouldContain("历次版本");
        page.ShouldContain("第 1 版");

        var inspections = await client.GetStringAsync("/Public/Inspections");
        inspections.ShouldContain("对食品生产经营者的监督检查");
        inspections.ShouldContain("行政检查");
    }

    [Fact]
    public async Task TheProcedureFlowchart_IsSvg_DrawnFromTheEngine_WithEveryStage()
    {
        var html = await app.NewClient().GetStringAsync("/Public/Procedures");
        var svg = Regex.Match(html, "<svg[^>]*class=\"flowchart\".*?</svg>", RegexOptions.Singleline);
        svg.Success.ShouldBeTrue();
        foreach (var stage in CaseProcedure.Stages)
        {
            svg.Value.ShouldContain(CaseLabels.Of(stage));
        }

        foreach (var transition in CaseProcedure.Transitions)
        {
            html.ShouldContain(transition.Action.Label);
        }

        svg.Value.ShouldContain("<title id=\"flow-title\">");
    }

    [Fact]
    public async Task GuidesAndRemedies_NameTheRightsAndTheSupervisors()
    {
        var client = app.NewClient();
        var guides = await client.GetStringAsync("/Public/Guides");
        foreach (var text in (string[])["陈述", "申辩", "听证", "60日", "6个月", "APL-45", "APL-63", "RCN-1", "/verify"])
        {
            guides.ShouldContain(text);
        }

        var remedies = await client.GetStringAsync("/Public/Remedies");
        remedies.ShouldContain("12345");
        remedies.ShouldContain("司法局");
    }

    internal static void AssertNoIdNumber(string html, IReadOnlyList<string> idNumbers, string where)
    {
        foreach (var id in idNumbers)
        {
            html.ShouldNotContain(id, Case.Insensitive, where);
            html.ShouldNotContain(ChineseIdentifiers.MaskIdNumber(id), Case.Insensitive, where);
        }

        IdNumberLike().IsMatch(html).ShouldBeFalse($"{where} contains something like an ID number: {IdNumberLike().Match(html).Value}");
    }

    internal static async Task<IReadOnlyList<string>> IdNumbersAsync(SanxiangFactory app) => (await FactsAsync(app)).IdNumbers;

    private Task<(IReadOnlyList<string> IdNumbers, IReadOnlyList<Guid> PowerIds)> RegistryFactsAsync() => FactsAsync(app);

    private static async Task<(IReadOnlyList<string> IdNumbers, IReadOnlyList<Guid> PowerIds)> FactsAsync(SanxiangFactory app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var ids = await db.Officers.AsNoTracking().Select(o => o.IdNumber).ToListAsync();
        var powers = await db.Powers.AsNoTracking().Select(p => p.Id).ToListAsync();
        return (ids, powers);
    }

    /// <summary>18 characters of a GB 11643 number, or a masked one (digits around asterisks).</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])([1-9]\d{16}[\dXx]|\d{4}\*{4,}\d{3}[\dXx])(?![0-9A-Za-z])")]
    private static partial Regex IdNumberLike();

    [GeneratedRegex(@"(?<=<td>)[^<]*\d{4,}[^<]*(?=</td>)")]
    private static partial Regex CertificateIn();

    [GeneratedRegex(@"/Public/Power\?id=[0-9a-f-]{36}")]
    private static partial Regex PowerLink();
}
