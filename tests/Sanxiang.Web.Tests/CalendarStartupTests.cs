using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Persistence;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The shipped holiday schedules are reference data: loaded on every start of a fresh database (also without
/// demo data), and never written over an administrator's edits when the app starts again.
/// </summary>
public sealed class CalendarStartupTests
{
    [Fact]
    public async Task AFreshDatabase_WithoutDemoData_HasTheShippedYears()
    {
        var app = new CalendarApp(null, null, seedDemo: false);
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            (await db.Agencies.AnyAsync()).ShouldBeFalse("no demo data");
            (await db.CalendarYears.OrderBy(y => y.Year).Select(y => y.Year).ToListAsync()).ShouldBe([2024, 2025, 2026, 2027]);
            var calendar = scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>();
            calendar.Coverage.ProvisionalYears.ShouldBe([2027]);
            calendar.AddWorkingDays(new DateOnly(2026, 2, 12), 5).ShouldBe(new DateOnly(2026, 2, 26));
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task AnAdministratorsEdit_SurvivesARestart_AndIsNotOverwrittenByTheShippedData()
    {
        await using var database = await TestDatabase.CreateAsync();
        var keys = Directory.CreateTempSubdirectory("sanxiang-cal-keys-").FullName;
        try
        {
            var first = new CalendarApp(database, keys, seedDemo: true);
            await ((IAsyncLifetime)first).InitializeAsync();
            try
            {
                var admin = await (await first.SignedInAsync("admin")).WithAntiforgeryHeaderAsync();
                (await admin.DeleteAsync("/api/registry/calendar/days/2026-10-10")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
                (await admin.PutJsonAsync("/api/registry/calendar/days/2026-02-28", new { kind = "MakeUpWorkday", name = "春节调休上班（已核对）" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
                (await admin.DeleteAsync("/api/registry/calendar/days/2027-10-01")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            }
            finally
            {
                await ((IAsyncLifetime)first).DisposeAsync();
            }

            var second = new CalendarApp(database, keys, seedDemo: true);
            await ((IAsyncLifetime)second).InitializeAsync();
            try
            {
                await using var scope = second.Scope();
                var calendar = scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>();
                calendar.IsWorkingDay(new DateOnly(2026, 10, 10)).ShouldBeFalse("the removed make-up Saturday stays removed");
                calendar.IsWorkingDay(new DateOnly(2027, 10, 1)).ShouldBeTrue("the removed provisional holiday stays removed");
                var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
                var y2026 = await db.CalendarYears.Include(y => y.Days).SingleAsync(y => y.Year == 2026);
                y2026.DayOn(new DateOnly(2026, 2, 28))!.Name.ShouldBe("春节调休上班（已核对）");
                (await db.Outbox.CountAsync(o => o.EventType == "registry.calendar.year-loaded")).ShouldBe(4, "each shipped year is loaded once");
            }
            finally
            {
                await ((IAsyncLifetime)second).DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
        }
    }

    /// <summary>The app without the second factor, optionally over a given database and keys (a restart).</summary>
    private sealed class CalendarApp(TestDatabase? database, string? keys, bool seedDemo) : SanxiangFactory(database, keys)
    {
        protected override string[]? TwoFactorRoles => ["none"];

        protected override bool SeedDemo => seedDemo;
    }
}
