using System.Collections.Frozen;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Registry.Domain;

/// <summary>One entry of the calendar as the counting sees it.</summary>
internal sealed record CalendarEntry(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>
/// An immutable, in-memory working-day calendar over <see cref="CalendarCoverage.MinYear"/>..<see cref="CalendarCoverage.MaxYear"/>:
/// a running count of working days per date, so <see cref="IsWorkingDay"/> and <see cref="WorkingDaysBetween"/>
/// are two array reads and <see cref="AddWorkingDays"/> a binary search. Built from the calendar table (or the
/// shipped data in tests); the module's singleton swaps in a new one when the table changes.
/// Counting rules: APL-85 and ACL-69 (working days, start day excluded), 民法典 Art 203 (a period ending on a
/// non-working day ends on the next working day).
/// </summary>
internal sealed class WorkingDayCount : IWorkingDayCalendar
{
    private static readonly int FirstDayNumber = new DateOnly(CalendarCoverage.MinYear, 1, 1).DayNumber;
    private static readonly int LastDayNumber = new DateOnly(CalendarCoverage.MaxYear, 12, 31).DayNumber;

    /// <summary>Working days in [first supported day, that day], by day index.</summary>
    private readonly int[] _running;
    private readonly FrozenDictionary<DateOnly, CalendarEntry> _entries;

    public WorkingDayCount(IEnumerable<CalendarEntry> entries, CalendarCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Coverage = coverage ?? throw new ArgumentNullException(nameof(coverage));
        _entries = entries.Where(e => e.Date.DayNumber >= FirstDayNumber && e.Date.DayNumber <= LastDayNumber)
            .ToFrozenDictionary(e => e.Date);
        _running = new int[LastDayNumber - FirstDayNumber + 1];
        var count = 0;
        for (var i = 0; i < _running.Length; i++)
        {
            var day = DateOnly.FromDayNumber(FirstDayNumber + i);
            if (IsWorkingByRule(day))
            {
                count++;
            }

            _running[i] = count;
        }
    }

    /// <summary>A calendar without any holiday data: weekends only.</summary>
    public static WorkingDayCount WeekendsOnly { get; } = new([], new CalendarCoverage([], []));

    public CalendarCoverage Coverage { get; }

    /// <summary>The holiday or make-up entry of a date, if any.</summary>
    public CalendarEntry? EntryOn(DateOnly day) => _entries.GetValueOrDefault(day);

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly day)
    {
        var i = Index(day, nameof(day));
        return _running[i] - (i == 0 ? 0 : _running[i - 1]) == 1;
    }

    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var i = Index(start, nameof(start));
        var target = (long)_running[i] + days;
        if (target > _running[^1])
        {
            throw OutOfRange(nameof(days));
        }

        // The first index whose running count reaches the target is the target-th working day.
        int lo = i + 1, hi = _running.Length - 1;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (_running[mid] >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return DateOnly.FromDayNumber(FirstDayNumber + lo);
    }

    public DateOnly AddCalendarDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        Index(start, nameof(start));
        var last = (long)start.DayNumber + days;
        if (last > LastDayNumber)
        {
            throw OutOfRange(nameof(days));
        }

        // 民法典 Art 203: the last day falls on a holiday (or weekend) → the day after the holiday ends.
        var day = DateOnly.FromDayNumber((int)last);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to) => _running[Index(to, nameof(to))] - _running[Index(from, nameof(from))];

    private bool IsWorkingByRule(DateOnly day) => _entries.TryGetValue(day, out var e)
        ? e.Kind == CalendarDayKind.MakeUpWorkday
        : !IsWeekend(day);

    private static int Index(DateOnly day, string parameter)
    {
        if (day.DayNumber < FirstDayNumber || day.DayNumber > LastDayNumber)
        {
            throw OutOfRange(parameter);
        }

        return day.DayNumber - FirstDayNumber;
    }

    private static ArgumentOutOfRangeException OutOfRange(string parameter) =>
        new(parameter, $"The working-day calendar counts only within {CalendarCoverage.MinYear}-01-01..{CalendarCoverage.MaxYear}-12-31.");
}
