using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Persistence;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The working-day calendar over HTTP: reading and the deadline calculator for everyone signed in, changes for
/// administrators only; a change reaches the deadlines at once and the registry outbox (hence the ledger).
/// </summary>
public sealed class CalendarApiTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    [Fact]
    public async Task Deadline_AcrossSpringFestival2026_SkipsTheHolidays_AndCountsTheMakeUpSaturday()
    {
        var client = await (await app.SignedInAsync("officer.market")).WithAntiforgeryHeaderAsync();

        using var working = await client.GetAsync("/api/registry/calendar/deadline?from=2026-02-12&workingDays=5");
        using var calendar = await client.GetAsync("/api/registry/calendar/deadline?from=2026-09-24&calendarDays=7");

        working.StatusCode.ShouldBe(HttpStatusCode.OK);
        var w = (await working.ReadDocumentAsync()).RootElement;
        w.GetProperty("due").GetString().ShouldBe("2026-02-26");
        w.GetProperty("skipped").GetArrayLength().ShouldBe(9);
        w.GetProperty("countedMakeUpWorkdays")[0].GetProperty("date").GetString().ShouldBe("2026-02-14");
        w.GetProperty("basis").GetString()!.ShouldContain("APL-85");
        var c = (await calendar.ReadDocumentAsync()).RootElement;
        (c.GetProperty("nominalEnd").GetString(), c.GetProperty("due").GetString()).ShouldBe(("2026-10-01", "2026-10-08"));
    }

    [Fact]
    public async Task AnAdministratorAddsAHoliday_TheDeadlineApiReflectsIt_AndTheChangeIsInTheOutbox()
    {
        var admin = await (await app.SignedInAsync("admin")).WithAntiforgeryHeaderAsync();
        var officer = await (await app.SignedInAsync("officer.urban")).WithAntiforgeryHeaderAsync();
        const string url = "/api/registry/calendar/deadline?from=2026-03-09&workingDays=1";
        (await DueAsync(officer, url)).ShouldBe("2026-03-10");

        using var added = await admin.PostJsonAsync("/api/registry/calendar/days", new { date = "2026-03-10", kind = "Holiday", name = "测试假日", source = "测试" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await DueAsync(officer, url)).ShouldBe("2026-03-11");
        using (var scope = app.Scope())
        {
            var calendar = scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>();
            calendar.IsWorkingDay(new DateOnly(2026, 3, 10)).ShouldBeFalse();
        }

        using var changed = await admin.PutJsonAsync("/api/registry/calendar/days/2026-03-10", new { kind = "Holiday", name = "测试假日（改）" });
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var removed = await admin.DeleteAsync("/api/registry/calendar/days/2026-03-10");
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await DueAsync(officer, url)).ShouldBe("2026-03-10");

        await using var s = app.Scope();
        var db = s.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var events = await db.Outbox.Where(o => o.EventType.StartsWith("registry.calendar.day-")).OrderBy(o => o.Sequence).ToListAsync();
        events.Select(e => e.EventType).ShouldBe(["registry.calendar.day-added", "registry.calendar.day-changed", "registry.calendar.day-removed"]);
        events.ShouldAllBe(e => e.Actor != "system");
    }

    [Theory]
    [InlineData("officer.market")]
    [InlineData("head.market")]
    [InlineData("supervisor")]
    public async Task ANonAdministrator_ReadsTheCalendar_ButGets403ForAChange(string user)
    {
        var client = await (await app.SignedInAsync(user)).WithAntiforgeryHeaderAsync();

        using var read = await client.GetAsync("/api/registry/calendar/2026");
        using var add = await client.PostJsonAsync("/api/registry/calendar/days", new { date = "2026-03-12", kind = "Holiday", name = "越权" });
        using var remove = await client.DeleteAsync("/api/registry/calendar/days/2026-02-14");

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        add.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        remove.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await DueAsync(client, "/api/registry/calendar/deadline?from=2026-03-11&workingDays=1")).ShouldBe("2026-03-12");
    }

    [Theory]
    [InlineData("""{"date":"2026-03-12","kind":"MakeUpWorkday","name":"调休"}""", "CAL-2", "Date", "调休上班日只能是周六或周日")]
    [InlineData("""{"date":"2026-02-14","kind":"Holiday","name":"春节"}""", "CAL-1", "Date", "同一天不能既放假又调休上班")]
    [InlineData("""{"date":"2026-03-13","kind":"Holiday","name":" "}""", "INPUT-REQUIRED", "Name", "名称不能为空")]
    [InlineData("""{"kind":"Holiday","name":"无日期"}""", "INPUT-REQUIRED", "Date", "日期不能为空")]
    [InlineData("""{"date":"1999-10-01","kind":"Holiday","name":"国庆节"}""", "CAL-3", "Year", "年份须在")]
    public async Task BadInput_GetsAChineseProblemDetails_NamingTheRule(string body, string ruleId, string field, string message)
    {
        var admin = await (await app.SignedInAsync("admin")).WithAntiforgeryHeaderAsync();

        using var response = await admin.PostAsync("/api/registry/calendar/days", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeRuleProblemAsync(ruleId, field, message);
    }

    [Fact]
    public async Task Deadline_WithoutDays_OrOutOfRange_GetsAChineseProblemDetails()
    {
        var client = await (await app.SignedInAsync("officer.market")).WithAntiforgeryHeaderAsync();

        using var noDays = await client.GetAsync("/api/registry/calendar/deadline?from=2026-02-12");
        using var zero = await client.GetAsync("/api/registry/calendar/deadline?from=2026-02-12&workingDays=0");
        using var badDate = await client.GetAsync("/api/registry/calendar/deadline?from=2026-02-30&workingDays=1");
        using var missing = await client.PutJsonAsync("/api/registry/calendar/days/2026-03-03", new { kind = "Holiday", name = "无此条目" });

        noDays.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await noDays.ReadDocumentAsync()).RootElement.GetProperty("ruleId").GetString().ShouldBe("INPUT-REQUIRED");
        (await zero.ReadDocumentAsync()).RootElement.GetProperty("ruleId").GetString().ShouldBe("INPUT-RANGE");
        badDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badDate.ReadDocumentAsync()).RootElement.GetProperty("detail").GetString()!.ShouldContain("请求格式错误");
        missing.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "an officer may not even try");
    }

    [Fact]
    public async Task TheYear_ListsItsEntries_And2027_IsFlaggedProvisional()
    {
        var client = await (await app.SignedInAsync("officer.market")).WithAntiforgeryHeaderAsync();

        var y2026 = (await (await client.GetAsync("/api/registry/calendar/2026")).ReadDocumentAsync()).RootElement;
        var y2027 = (await (await client.GetAsync("/api/registry/calendar/2027")).ReadDocumentAsync()).RootElement;
        var y2031 = (await (await client.GetAsync("/api/registry/calendar/2031")).ReadDocumentAsync()).RootElement;

        y2026.GetProperty("provisional").GetBoolean().ShouldBeFalse();
        y2026.GetProperty("days").EnumerateArray().Count(d => d.GetProperty("kind").GetString() == "MakeUpWorkday").ShouldBeGreaterThanOrEqualTo(5);
        y2026.GetProperty("notice").GetString().ShouldBe("国务院办公厅关于2026年部分节假日安排的通知");
        y2027.GetProperty("provisional").GetBoolean().ShouldBeTrue();
        y2027.GetProperty("days").EnumerateArray().ShouldAllBe(d => d.GetProperty("kind").GetString() == "Holiday");
        y2031.GetProperty("hasData").GetBoolean().ShouldBeFalse();
        y2031.GetProperty("yearsWithData").EnumerateArray().Select(e => e.GetInt32()).ShouldBe([2024, 2025, 2026, 2027]);
    }

    [Fact]
    public async Task TheCalendarApi_IsInTheOpenApiDocument()
    {
        var client = await (await app.SignedInAsync("officer.market")).WithAntiforgeryHeaderAsync();

        var doc = await client.GetStringAsync("/openapi/v1.json");

        using var json = JsonDocument.Parse(doc);
        var paths = json.RootElement.GetProperty("paths");
        paths.TryGetProperty("/api/registry/calendar/deadline", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/registry/calendar/{year}", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/registry/calendar/days/{date}", out _).ShouldBeTrue();
    }

    private static async Task<string?> DueAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return (await response.ReadDocumentAsync()).RootElement.GetProperty("due").GetString();
    }
}
