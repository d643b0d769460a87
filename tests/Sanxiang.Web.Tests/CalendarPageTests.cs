using System.Net;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>The 工作日历 page: read-only for everyone but administrators, inline Chinese errors, the calculator.</summary>
[Trait("Area", "Pages")]
public sealed class CalendarPageTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    [Fact]
    public async Task AnOfficer_SeesTheYearAndTheCalculator_ButNoEditing_AndAPostIsForbidden()
    {
        var client = await app.SignedInAsync("officer.market");

        var page = await client.GetPageAsync("/Registry/Calendar?year=2026&from=2026-02-12&days=5&unit=working");

        page.QuerySelectorAll("#months table.month").Length.ShouldBe(12);
        var springFestival = page.QuerySelector("td[data-date='2026-02-16']")!;
        springFestival.ClassList.ShouldContain("holiday");
        springFestival.TextContent.ShouldContain("休");
        page.QuerySelector("td[data-date='2026-02-14']")!.TextContent.ShouldContain("班");
        page.QuerySelector("#deadline-due")!.TextContent.ShouldBe("2026-02-26");
        page.QuerySelector("#deadline-skipped")!.TextContent.ShouldContain("春节");
        page.QuerySelector("form[action*='handler=Save']").ShouldBeNull();
        page.QuerySelector("nav.menu a[href='/Registry/Calendar']").ShouldNotBeNull();

        using var post = await client.PostAsync("/Registry/Calendar?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Html.AntiforgeryField] = page.AntiforgeryToken(),
            ["Input.Date"] = "2026-03-10",
            ["Input.Kind"] = "Holiday",
            ["Input.Name"] = "越权",
        }));

        // Forbidden (the pages' cookie scheme shows it as the access-denied page), and nothing was added.
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
        (await client.GetPageAsync("/Registry/Calendar?year=2026")).QuerySelector("tr[data-date='2026-03-10']").ShouldBeNull();
    }

    [Fact]
    public async Task The2027Page_ShowsTheProvisionalWarning()
    {
        var client = await app.SignedInAsync("officer.market");

        var page = await client.GetPageAsync("/Registry/Calendar?year=2027");

        page.QuerySelector("#provisional")!.TextContent.ShouldContain("2027 年安排为预估，须以国务院办公厅通知为准，请管理员核对");
        page.QuerySelector("#coverage")!.TextContent.ShouldContain("2027 年为预估");
    }

    [Fact]
    public async Task AnAdministrator_AMakeUpWorkdayOnAWeekday_GetsAnInlineChineseError_AndNothingIsSaved()
    {
        var client = await app.SignedInAsync("admin");
        var page = await client.GetPageAsync("/Registry/Calendar?year=2026");

        using var response = await client.PostAsync("/Registry/Calendar?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Html.AntiforgeryField] = page.AntiforgeryToken("form[action*='handler=Save']"),
            ["year"] = "2026",
            ["Input.Date"] = "2026-03-12",
            ["Input.Kind"] = "MakeUpWorkday",
            ["Input.Name"] = "调休",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await Html.ParseAsync(response);
        result.ErrorText()!.ShouldContain("调休上班日只能是周六或周日");
        result.QuerySelector("#day-date")!.GetAttribute("aria-invalid").ShouldBe("true");
        result.QuerySelector("tr[data-date='2026-03-12']").ShouldBeNull();
    }

    [Fact]
    public async Task AnAdministrator_WithoutTheAntiforgeryToken_IsRefused()
    {
        var client = await app.SignedInAsync("admin");

        using var response = await client.PostAsync("/Registry/Calendar?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["date"] = "2026-02-14" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetPageAsync("/Registry/Calendar?year=2026")).QuerySelector("tr[data-date='2026-02-14']").ShouldNotBeNull();
    }
}
