using Microsoft.EntityFrameworkCore;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Features.Calendar;

namespace Sanxiang.Registry.Tests.Calendar;

/// <summary>A calendar year round-trips through the database, and each change is in the outbox in the same save.</summary>
public sealed class CalendarPersistenceTests : RegistryDbTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AddChangeRemove_AreSaved_WithTheirEventsInTheOutbox()
    {
        var shipped = ShippedCalendar.Years.Single(y => y.Year == 2026);
        await using (var db = NewContext())
        {
            db.CalendarYears.Add(CalendarYear.Load(2026, shipped.Notice, shipped.Provisional, shipped.Days, Now));
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var year = await db.CalendarYears.AsTracking().Include(y => y.Days).SingleAsync();
            year.AddDay(new CalendarDayData(new DateOnly(2026, 3, 9), CalendarDayKind.Holiday, "地方性假日", "管理员录入"));
            year.ChangeDay(new CalendarDayData(new DateOnly(2026, 2, 28), CalendarDayKind.MakeUpWorkday, "春节调休上班（核对）", null));
            year.RemoveDay(new DateOnly(2026, 10, 10));
            await db.SaveChangesAsync();
        }

        await using (var check = NewContext())
        {
            var year = await check.CalendarYears.Include(y => y.Days).SingleAsync();
            year.Days.Count.ShouldBe(shipped.Days.Count);
            year.DayOn(new DateOnly(2026, 3, 9))!.Source.ShouldBe("管理员录入");
            year.DayOn(new DateOnly(2026, 2, 28))!.Name.ShouldBe("春节调休上班（核对）");
            year.DayOn(new DateOnly(2026, 10, 10)).ShouldBeNull();
            year.Version.ShouldBe(3);
            (await check.Outbox.OrderBy(o => o.Sequence).Select(o => o.EventType).ToListAsync()).ShouldBe(
                ["registry.calendar.year-loaded", "registry.calendar.day-added", "registry.calendar.day-changed", "registry.calendar.day-removed"]);
        }
    }
}
