using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Registry.Features.Calendar;

/// <summary>
/// /api/registry/calendar: the year's holidays and make-up workdays and the deadline calculator for every signed-in
/// caller (national reference data, not agency-scoped); changes for administrators only (403 for others).
/// </summary>
internal static class CalendarEndpoints
{
    internal static void MapCalendar(RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar");

        calendar.MapGet("/{year:int}", async (int year, CalendarFeatures f, CancellationToken ct) =>
            TypedResults.Ok(await f.GetYearAsync(year, ct)))
            .WithSummary("某年的法定节假日与调休上班日");

        calendar.MapGet("/deadline", (DateOnly? from, int? workingDays, int? calendarDays, WorkingDayCalendar c) =>
            TypedResults.Ok(DeadlineCalculator.Explain(c.Current, from, workingDays, calendarDays)))
            .WithSummary("计算期限届满日：起算日不计入；workingDays 按工作日，calendarDays 按自然日（届满日遇节假日顺延）");

        calendar.MapPost("/days", async (CalendarDayInput input, CalendarFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await f.AddDayAsync(await s.GetAsync(ct), input, ct);
            return TypedResults.Created($"/api/registry/calendar/{input.Date!.Value.Year}");
        }).RequireAuthorization(Roles.Administrator).WithSummary("新增节假日或调休上班日（系统管理员）");

        calendar.MapPut("/days/{date}", async (DateOnly date, CalendarDayChange input, CalendarFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await f.ChangeDayAsync(await s.GetAsync(ct), date, input, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.Administrator).WithSummary("修改某日的类型、名称或依据（系统管理员）");

        calendar.MapDelete("/days/{date}", async (DateOnly date, CalendarFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await f.RemoveDayAsync(await s.GetAsync(ct), date, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.Administrator).WithSummary("删除某日的条目（系统管理员）");

        calendar.MapPost("/{year:int}/confirm", async (int year, CalendarConfirmation input, CalendarFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await f.ConfirmYearAsync(await s.GetAsync(ct), year, input, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Roles.Administrator).WithSummary("核对预估年份的安排并标为正式（系统管理员，CAL-4）");
    }
}
