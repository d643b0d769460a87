using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Tests.Domain;

/// <summary>The official 2026 schedule around the Spring Festival (国办发明电〔2025〕7号), enough for the deadline tests.</summary>
internal sealed class TestCalendar : IWorkingDayCalendar
{
    private static readonly HashSet<DateOnly> Holidays = [.. Range(new(2026, 1, 1), new(2026, 1, 3)), .. Range(new(2026, 2, 15), new(2026, 2, 23)), .. Range(new(2026, 4, 4), new(2026, 4, 6)), .. Range(new(2026, 5, 1), new(2026, 5, 5))];
    private static readonly HashSet<DateOnly> MakeUp = [new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9)];

    public CalendarCoverage Coverage => new(2026, 2026);

    public bool IsWorkingDay(DateOnly day) =>
        MakeUp.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day));

    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var d = start;
        for (var n = 0; n < days;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d))
            {
                n++;
            }
        }

        return d;
    }

    public DateOnly AddCalendarDays(DateOnly start, int days)
    {
        var d = start.AddDays(days);
        while (!IsWorkingDay(d))
        {
            d = d.AddDays(1);
        }

        return d;
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            n += IsWorkingDay(d) ? 1 : 0;
        }

        return n;
    }

    private static IEnumerable<DateOnly> Range(DateOnly a, DateOnly b)
    {
        for (var d = a; d <= b; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
