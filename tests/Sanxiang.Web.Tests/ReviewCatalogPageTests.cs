using System.Net;
using Sanxiang.Registry.Contracts;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The 法制审核目录 page of an agency: the rules with the defaults marked, thresholds in yuan, inline Chinese errors,
/// 恢复默认, and 404 for another agency's head. Each test uses its own agency (the factory is shared).
/// </summary>
[Trait("Area", "Pages")]
public sealed class ReviewCatalogPageTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    private static string Url(Guid agency) => $"/Registry/Agencies/ReviewCatalog/{agency}";

    private static Dictionary<string, string> Form(string token, string person = "10,000", string organisation = "100,000", string review = "7", string extension = "3", bool hearing = true, int version = 0) => new(StringComparer.Ordinal)
    {
        [Html.AntiforgeryField] = token,
        ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.PersonThreshold"] = person,
        ["Input.OrganisationThreshold"] = organisation,
        ["Input.SuspensionClosureRestriction"] = "true",
        ["Input.LicenceRevocation"] = "true",
        ["Input.HearingHeld"] = hearing ? "true" : "false",
        ["Input.OutsideBenchmark"] = "true",
        ["Input.MajorPublicInterest"] = "true",
        ["Input.SeveralLegalRelations"] = "true",
        ["Input.SuspectedCrime"] = "true",
        ["Input.ReviewWorkingDays"] = review,
        ["Input.ExtensionWorkingDays"] = extension,
    };

    [Fact]
    public async Task TheAgencyPage_LinksToTheCatalog_WhichShowsEveryRule_WithTheDefaultsMarked()
    {
        var head = await app.SignedInAsync("head.urban");

        var agency = await head.GetPageAsync($"/Registry/Agencies/Details/{DemoAgencies.UrbanManagement}");
        var page = await head.GetPageAsync(agency.QuerySelector("a#review-catalog")!.GetAttribute("href")!);

        page.QuerySelector("h1")!.TextContent.ShouldContain("重大执法决定法制审核目录");
        page.QuerySelector("#catalog-state")!.TextContent.ShouldBe("默认目录");
        page.QuerySelectorAll("#catalog-rules tr[data-code]").Select(r => r.GetAttribute("data-code")).ShouldBe(CatalogCodes.All);
        page.QuerySelectorAll("#catalog-rules tr[data-code] .badge").Length.ShouldBe(CatalogCodes.All.Count);
        page.QuerySelector("#person")!.GetAttribute("value").ShouldBe("10,000");
        page.QuerySelector("#organisation")!.GetAttribute("value").ShouldBe("100,000");
        page.QuerySelector("#review-days")!.GetAttribute("value").ShouldBe("7");
        page.QuerySelector("#extension-days")!.GetAttribute("value").ShouldBe("3");
        page.QuerySelector("#rule-HEARING")!.HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public async Task TheHead_ChangesAThresholdInYuan_ForAgencyAsyncReturnsItInFen_WithOneOutboxEvent()
    {
        var head = await app.SignedInAsync("head.market");
        var page = await head.GetPageAsync(Url(DemoAgencies.MarketRegulation));

        using var response = await head.PostAsync(Url(DemoAgencies.MarketRegulation), new FormUrlEncodedContent(Form(page.AntiforgeryToken("#catalog-form"), person: "5,000.50", hearing: false, review: "10")));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var facts = await ForAgencyAsync(DemoAgencies.MarketRegulation);
        (facts.Version, facts.PersonThresholdFen, facts.HearingHeld, facts.ReviewWorkingDays).ShouldBe((1, 500_050L, false, 10));
        (await EventsAsync(DemoAgencies.MarketRegulation)).ShouldBe(["registry.review-catalog.changed"]);
        var after = await head.GetPageAsync(Url(DemoAgencies.MarketRegulation));
        after.QuerySelector("#person")!.GetAttribute("value").ShouldBe("5,000.5");
        after.QuerySelector("#rule-HEARING")!.HasAttribute("checked").ShouldBeFalse();
        after.QuerySelector("#catalog-state")!.TextContent.ShouldContain("本机构已调整");
        after.QuerySelector("tr[data-code='FINE-PERSON'] .badge").ShouldBeNull("no longer the default");
    }

    [Theory]
    [InlineData("0", "100,000", "7", "3", "person", "自然人罚没金额标准须大于0元")]
    [InlineData("一万", "100,000", "7", "3", "person", "自然人罚没金额标准须为大于0的金额")]
    [InlineData("-5", "100,000", "7", "3", "person", "自然人罚没金额标准须为大于0的金额")]
    [InlineData("10,000", "abc", "7", "3", "organisation", "法人或者其他组织罚没金额标准须为大于0的金额")]
    [InlineData("10,000", "100,000", "31", "3", "review-days", "审核期限须在1至30个工作日之间")]
    [InlineData("10,000", "100,000", "0", "3", "review-days", "审核期限须在1至30个工作日之间")]
    [InlineData("10,000", "100,000", "七", "3", "review-days", "审核期限须为整数")]
    [InlineData("10,000", "100,000", "7", "16", "extension-days", "延长期限须在0至15个工作日之间")]
    public async Task BadInput_GetsAnInlineChineseError_AndChangesNothing(string person, string organisation, string review, string extension, string field, string message)
    {
        var admin = await app.SignedInAsync("admin");
        var page = await admin.GetPageAsync(Url(DemoAgencies.Township));

        using var response = await admin.PostAsync(Url(DemoAgencies.Township), new FormUrlEncodedContent(Form(page.AntiforgeryToken("#catalog-form"), person, organisation, review, extension, hearing: false)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await Html.ParseAsync(response);
        result.ErrorText()!.ShouldContain(message);
        result.QuerySelector($"#{field}")!.GetAttribute("aria-invalid").ShouldBe("true");
        result.QuerySelector($"#{field}")!.GetAttribute("value").ShouldBe(field switch { "person" => person, "organisation" => organisation, "review-days" => review, _ => extension });
        (await ForAgencyAsync(DemoAgencies.Township)).ShouldBe(ReviewCatalogFacts.Defaults(DemoAgencies.Township));
        (await EventsAsync(DemoAgencies.Township)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AnotherAgencysHead_Gets404_ForThePageAndAPost()
    {
        var head = await app.SignedInAsync("head.urban");
        var own = await head.GetPageAsync(Url(DemoAgencies.UrbanManagement));

        using var read = await head.GetAsync(Url(DemoAgencies.Ecology));
        using var post = await head.PostAsync(Url(DemoAgencies.Ecology), new FormUrlEncodedContent(Form(own.AntiforgeryToken("#catalog-form"), person: "1")));

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await read.Content.ReadAsStringAsync()).ShouldNotContain("生态环境");
        (await ForAgencyAsync(DemoAgencies.Ecology)).ShouldBe(ReviewCatalogFacts.Defaults(DemoAgencies.Ecology));
    }

    [Fact]
    public async Task AnOfficer_SeesTheCatalogReadOnly_AndAPostIsForbidden()
    {
        var officer = await app.SignedInAsync("officer.market");
        var page = await officer.GetPageAsync(Url(DemoAgencies.MarketRegulation));
        using var post = await officer.PostAsync(Url(DemoAgencies.MarketRegulation), new FormUrlEncodedContent(Form((await officer.GetPageAsync("/")).AntiforgeryToken(), person: "1")));

        page.QuerySelector("#catalog-form").ShouldBeNull();
        page.QuerySelector("#reset-form").ShouldBeNull();
        page.QuerySelectorAll("#catalog-rules tr[data-code]").Length.ShouldBe(CatalogCodes.All.Count);
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
        (await ForAgencyAsync(DemoAgencies.MarketRegulation)).PersonThresholdFen.ShouldNotBe(100);
    }

    [Fact]
    public async Task RestoreDefaults_ResetsTheCatalog()
    {
        var admin = await app.SignedInAsync("admin");
        var page = await admin.GetPageAsync(Url(DemoAgencies.Justice));
        using var changed = await admin.PostAsync(Url(DemoAgencies.Justice), new FormUrlEncodedContent(Form(page.AntiforgeryToken("#catalog-form"), person: "2,000", extension: "0")));
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ForAgencyAsync(DemoAgencies.Justice)).PersonThresholdFen.ShouldBe(200_000);

        var edited = await admin.GetPageAsync(Url(DemoAgencies.Justice));
        using var reset = await admin.PostAsync($"{Url(DemoAgencies.Justice)}?handler=Reset", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Html.AntiforgeryField] = edited.AntiforgeryToken("#reset-form"),
            ["Input.Version"] = edited.QuerySelector("#reset-form input[name='Input.Version']")!.GetAttribute("value")!,
        }));

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ForAgencyAsync(DemoAgencies.Justice)).ShouldBe(ReviewCatalogFacts.Defaults(DemoAgencies.Justice) with { Version = 2 });
        (await EventsAsync(DemoAgencies.Justice)).ShouldBe(["registry.review-catalog.changed", "registry.review-catalog.reset"]);
        (await admin.GetPageAsync(Url(DemoAgencies.Justice))).QuerySelector("#catalog-state")!.TextContent.ShouldBe("默认目录");
    }

    private Task<ReviewCatalogFacts> ForAgencyAsync(Guid agency) => ReviewCatalogProbe.ForAgencyAsync(app, agency);

    private async Task<List<string>> EventsAsync(Guid agency) => [.. (await ReviewCatalogProbe.EventsAsync(app, agency)).Select(e => e.EventType)];
}
