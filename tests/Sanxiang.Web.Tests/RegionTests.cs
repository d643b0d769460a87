using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Disclosure.Persistence;
using Sanxiang.Registry.Contracts;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The region (行政区划, GB/T 2260) of an agency: validated over the API and the edit page, shown on the public agency
/// page, copied into each publication when it is taken in, and filtered on by the public search (page, JSON, CSV) by
/// its code or by the code of a city or province above it. The demo agencies of 安平县 carry 331126.
/// </summary>
public sealed class RegionTests(ClockFactory app) : IClassFixture<ClockFactory>
{
    private static readonly Guid Market = DemoAgencies.MarketRegulation;

    [Fact]
    public async Task GB2260_ABadRegionCode_IsRefusedWithAClearChineseError_OverTheApiAndThePage()
    {
        var admin = await ClientAsync("admin");
        var before = await RegionOfAsync(admin, Market);
        using (var refused = await admin.PutJsonAsync($"/api/registry/agencies/{Market}", await AgencyBodyAsync(admin, Market, "11010", "北京市朝阳区")))
        {
            await refused.ShouldBeRuleProblemAsync("GB2260", "RegionCode", "行政区划代码须为6位数字");
        }

        using (var nameless = await admin.PutJsonAsync($"/api/registry/agencies/{Market}", await AgencyBodyAsync(admin, Market, "110105", null)))
        {
            await nameless.ShouldBeRuleProblemAsync("INPUT-REQUIRED", "RegionName", "请填写行政区划名称");
        }

        var form = EditForm("安平县市场监督管理局", "MarketRegulation", "法规科", "11O105", "北京市朝阳区");
        using var page = await admin.SubmitFormAsync($"/Registry/Agencies/Edit/{Market}", form);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await Html.ParseAsync(page);
        html.QuerySelector("#region-code")!.GetAttribute("aria-invalid").ShouldBe("true");
        html.ErrorText()!.ShouldContain("行政区划代码须为6位数字");

        (await RegionOfAsync(admin, Market)).ShouldBe(before, "nothing was saved");
    }

    [Fact]
    public async Task ARegionSetOnTheEditPage_IsShownOnTheAgencyAndOnThePublicAgencyPage()
    {
        var admin = await ClientAsync("admin");
        var created = await admin.PostJsonAsync("/api/registry/agencies", new
        {
            name = "安平县应急管理局",
            level = "County",
            kind = "Other",
            parentId = DemoAgencies.County,
            legalUnit = "法制股",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadDocumentAsync()).RootElement.GetProperty("id").GetGuid();
        (await app.NewClient().GetStringAsync("/Public/Agencies")).ShouldNotContain("北京市朝阳区");

        var form = EditForm("安平县应急管理局", "Other", "法制股", "110105", "北京市朝阳区");
        form["Input.Version"] = "1";
        using var saved = await admin.SubmitFormAsync($"/Registry/Agencies/Edit/{id}", form);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        (await admin.GetPageAsync($"/Registry/Agencies/Details/{id}")).QuerySelector("#region")!.TextContent.ShouldBe("北京市朝阳区（110105）");
        var portal = await app.NewClient().GetPageAsync("/Public/Agencies");
        var card = portal.QuerySelector($"#ag-{id:N}")!.ParentElement!;
        card.QuerySelector(".region")!.TextContent.ShouldBe("北京市朝阳区（110105）");
        var county = portal.QuerySelector($"#ag-{DemoAgencies.County:N}")!.ParentElement!;
        county.QuerySelector(".region")!.TextContent.ShouldBe("青川省云溪市安平县（331126）");
    }

    [Fact]
    public async Task APublishedDecision_IsFoundByItsDistrictAndByTheCityAbove_NotByAnotherRegion_OnThePageJsonAndCsv()
    {
        app.Clock.MoveTo(new DateOnly(2026, 3, 2));
        var (officer, head) = (await ClientAsync("officer.market"), await ClientAsync("head.market"));
        var withRegion = await DecidedAsync(officer, head, "张伟");
        await RunAsync();

        // The agency loses its region before the second decision: that publication has none, the first keeps its copy.
        var admin = await ClientAsync("admin");
        using (var cleared = await admin.PutJsonAsync($"/api/registry/agencies/{Market}", await AgencyBodyAsync(admin, Market, null, null)))
        {
            cleared.StatusCode.ShouldBe(HttpStatusCode.NoContent, await cleared.Content.ReadAsStringAsync());
        }

        var withoutRegion = await DecidedAsync(officer, head, "刘洋");
        await RunAsync();
        var (found, none) = (await PublicationIdAsync(withRegion), await PublicationIdAsync(withoutRegion));

        var anonymous = app.NewClient();
        foreach (var region in new[] { "331126", "331100", "3311", "330000", "33" })
        {
            var json = await anonymous.GetStringAsync($"/api/public/decisions?region={region}&pageSize=100");
            json.ShouldContain(found, customMessage: region);
            json.ShouldNotContain(none, customMessage: region);
            json.ShouldContain("\"regionCode\":\"331126\"");
            var csv = await anonymous.GetStringAsync($"/api/public/decisions.csv?region={region}");
            csv.ShouldContain(found, customMessage: region);
            csv.ShouldContain("\"331126\",\"青川省云溪市安平县\"");
            csv.ShouldNotContain(none, customMessage: region);
            var page = await anonymous.GetPageAsync($"/Public/Decisions?region={region}");
            page.QuerySelector($"#decisions a[href='/Public/Decisions/{found}']").ShouldNotBeNull(region);
            page.QuerySelector($"#decisions a[href='/Public/Decisions/{none}']").ShouldBeNull(region);
        }

        foreach (var other in new[] { "331127", "331102", "3312", "110105", "11" })
        {
            (await anonymous.GetStringAsync($"/api/public/decisions?region={other}")).ShouldNotContain(found, customMessage: other);
            (await anonymous.GetStringAsync($"/api/public/decisions.csv?region={other}")).ShouldNotContain(found, customMessage: other);
            (await anonymous.GetPageAsync($"/Public/Decisions?region={other}")).QuerySelector("#decisions").ShouldBeNull(other);
        }

        var all = await anonymous.GetStringAsync("/api/public/decisions?pageSize=100");
        (all.Contains(found, StringComparison.Ordinal), all.Contains(none, StringComparison.Ordinal)).ShouldBe((true, true));

        var options = (await anonymous.GetPageAsync("/Public/Decisions")).QuerySelectorAll("#region option").Select(o => (o.GetAttribute("value"), o.TextContent)).ToList();
        options.ShouldBe([(string.Empty, "全部"), ("331126", "青川省云溪市安平县（331126）")]);
    }

    [Fact]
    public async Task GB2260_ARegionFilterThatIsNoCode_IsRefusedOnJsonAndCsv_AndExplainedOnThePage()
    {
        var anonymous = app.NewClient();
        using (var json = await anonymous.GetAsync("/api/public/decisions?region=3311x"))
        {
            await json.ShouldBeRuleProblemAsync("GB2260", "region", "行政区划须为2、4或6位数字");
        }

        using (var csv = await anonymous.GetAsync("/api/public/decisions.csv?region=331"))
        {
            csv.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        }

        var page = await anonymous.GetPageAsync("/Public/Decisions?region=331");
        page.QuerySelector("#region-error")!.TextContent.ShouldContain("行政区划须为2、4或6位数字");
        page.QuerySelector("#decisions").ShouldBeNull();
    }

    /// <summary>The fields of the agency edit form (a county agency).</summary>
    private static Dictionary<string, string> EditForm(string name, string kind, string legalUnit, string regionCode, string regionName) => new()
    {
        ["Input.Name"] = name,
        ["Input.Level"] = "County",
        ["Input.Kind"] = kind,
        ["Input.LegalUnit"] = legalUnit,
        ["Input.RegionCode"] = regionCode,
        ["Input.RegionName"] = regionName,
    };

    private static async Task<string?> RegionOfAsync(HttpClient admin, Guid id)
    {
        using var doc = JsonDocument.Parse(await admin.GetStringAsync($"/api/registry/agencies/{id}"));
        return doc.RootElement.GetProperty("regionCode").GetString();
    }

    /// <summary>The agency as the API reads it, as a PUT body with the given region.</summary>
    private static async Task<Dictionary<string, object?>> AgencyBodyAsync(HttpClient admin, Guid id, string? regionCode, string? regionName)
    {
        using var doc = JsonDocument.Parse(await admin.GetStringAsync($"/api/registry/agencies/{id}"));
        var a = doc.RootElement;
        return new Dictionary<string, object?>
        {
            ["name"] = a.GetProperty("name").GetString(),
            ["level"] = a.GetProperty("level").GetString(),
            ["kind"] = a.GetProperty("kind").GetString(),
            ["parentId"] = a.GetProperty("parentId").GetGuid(),
            ["creditCode"] = a.GetProperty("creditCode").GetString(),
            ["legalUnit"] = a.GetProperty("legalUnit").GetString(),
            ["address"] = a.GetProperty("address").GetString(),
            ["version"] = a.GetProperty("version").GetInt32(),
            ["regionCode"] = regionCode,
            ["regionName"] = regionName,
        };
    }

    /// <summary>A confiscation of 1,000 yuan on a natural person, decided and served on Monday 2 March 2026 (published on the next run).</summary>
    private static Task<Guid> DecidedAsync(HttpClient officer, HttpClient head, string partyName) =>
        PublicationApi.DecidedAsync(
            officer,
            head,
            new { kind = "Person", name = partyName, idNumber = "110105199001010010", address = "安平县城关镇解放路1号", phone = "13812345678" },
            "销售过期食品，没收违法所得",
            PublicationApi.Confiscation(1_000_00L),
            serve: true);

    private Task RunAsync() => PublicationApi.RunPublicationAsync(app);

    private async Task<string> PublicationIdAsync(Guid caseId)
    {
        await using var scope = app.Scope();
        var id = await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Publications.AsNoTracking().Where(p => p.CaseId == caseId).Select(p => p.Id).SingleAsync();
        return id.ToString();
    }

    private async Task<HttpClient> ClientAsync(string user) => await (await app.SignedInAsync(user)).WithAntiforgeryHeaderAsync();
}
