namespace Sanxiang.Registry.Contracts;

/// <summary>The first and last year for which the calendar holds official holiday data.</summary>
public sealed record CalendarCoverage(int FirstYear, int LastYear);

/// <summary>
/// China's working-day calendar (weekends, official holidays, make-up workdays). Legal counting: the start
/// day is not counted.
/// </summary>
public interface IWorkingDayCalendar
{
    bool IsWorkingDay(DateOnly day);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="start"/>.</summary>
    DateOnly AddWorkingDays(DateOnly start, int days);

    /// <summary><paramref name="days"/> calendar days after <paramref name="start"/>, moved to the next working day when that day is not one.</summary>
    DateOnly AddCalendarDays(DateOnly start, int days);

    /// <summary>Working days in (from, to]; negative when to is before from.</summary>
    int WorkingDaysBetween(DateOnly from, DateOnly to);

    CalendarCoverage Coverage { get; }
}
