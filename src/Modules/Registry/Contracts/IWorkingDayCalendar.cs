namespace Sanxiang.Registry.Contracts;

/// <summary>
/// The working-day calendar (工作日历) for every legal deadline. Synchronous and in-memory, so aggregates can
/// call it while deciding; resolve it from DI (a singleton registered by <c>AddRegistryModule</c>).
/// <para>
/// Counting follows Chinese legal practice: the day of the triggering event is never counted (the period starts
/// the next day). "Working days" skip Saturdays, Sundays and official holidays and count official make-up
/// workdays (调休上班) as working days (APL-85: the 2/3/5/7-day periods of the Administrative Penalty Law;
/// ACL-69: periods of 10 days or less in the Administrative Compulsion Law). "Calendar days" count every day,
/// and a period whose last day is not a working day ends on the next working day (民法典 Art 203,
/// 行政处罚法 Art 85 practice).
/// </para>
/// <para>
/// Dates must lie within <see cref="CalendarCoverage.MinYear"/>..<see cref="CalendarCoverage.MaxYear"/>
/// (results too); otherwise the methods throw <see cref="ArgumentOutOfRangeException"/>. In a year outside
/// <see cref="Coverage"/> only weekends are non-working: check <see cref="CalendarCoverage.Covers(DateOnly, DateOnly)"/>
/// and tell the user when a deadline relies on that fallback or on a provisional year.
/// </para>
/// </summary>
public interface IWorkingDayCalendar
{
    /// <summary>False on official holidays and on Saturdays/Sundays that are not make-up workdays.</summary>
    bool IsWorkingDay(DateOnly day);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="start"/> (start not counted; days ≥ 1).</summary>
    DateOnly AddWorkingDays(DateOnly start, int days);

    /// <summary>
    /// <paramref name="start"/> + <paramref name="days"/> calendar days (start not counted; days ≥ 1), moved on to the
    /// next working day when that last day is a weekend or holiday.
    /// </summary>
    DateOnly AddCalendarDays(DateOnly start, int days);

    /// <summary>
    /// Working days in (<paramref name="from"/>, <paramref name="to"/>]; negative (minus the working days in
    /// (to, from]) when to &lt; from. <c>WorkingDaysBetween(s, AddWorkingDays(s, n)) == n</c>. Used for "time left".
    /// </summary>
    int WorkingDaysBetween(DateOnly from, DateOnly to);

    /// <summary>The years that have calendar data, and which of them are provisional.</summary>
    CalendarCoverage Coverage { get; }
}

/// <summary>Kinds of calendar entries: an official holiday, or an official make-up workday (调休上班) on a weekend.</summary>
public enum CalendarDayKind
{
    Holiday = 1,
    MakeUpWorkday = 2,
}

/// <summary>
/// Which years the calendar holds data for. Outside them the calendar counts weekends only (no holidays): a
/// deadline reaching such a year must say so. A provisional year holds only the statutory holidays, estimated
/// before the State Council's notice (no make-up workdays): an administrator must check it against the notice.
/// </summary>
public sealed class CalendarCoverage
{
    /// <summary>The first year the calendar can count in at all.</summary>
    public const int MinYear = 2000;

    /// <summary>The last year the calendar can count in at all.</summary>
    public const int MaxYear = 2099;

    public CalendarCoverage(IEnumerable<int> years, IEnumerable<int> provisionalYears)
    {
        Years = [.. years.Distinct().Order()];
        ProvisionalYears = [.. provisionalYears.Distinct().Where(Years.Contains).Order()];
    }

    /// <summary>Every year with calendar data, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The years whose data is provisional (estimated, not yet checked against the official notice).</summary>
    public IReadOnlyList<int> ProvisionalYears { get; }

    /// <summary>The first year with data, or null when the calendar is empty.</summary>
    public int? FirstYear => Years.Count == 0 ? null : Years[0];

    /// <summary>The last year with data, or null when the calendar is empty.</summary>
    public int? LastYear => Years.Count == 0 ? null : Years[^1];

    public bool Covers(int year) => Years.Contains(year);

    /// <summary>True when every year from <paramref name="from"/> to <paramref name="to"/> has data.</summary>
    public bool Covers(DateOnly from, DateOnly to)
    {
        var (a, b) = from <= to ? (from.Year, to.Year) : (to.Year, from.Year);
        for (var y = a; y <= b; y++)
        {
            if (!Covers(y))
            {
                return false;
            }
        }

        return true;
    }

    public bool IsProvisional(int year) => ProvisionalYears.Contains(year);

    /// <summary>True when the year has data from an official notice (covered and not provisional).</summary>
    public bool IsOfficial(int year) => Covers(year) && !IsProvisional(year);
}
