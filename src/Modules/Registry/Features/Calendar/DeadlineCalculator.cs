using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;

namespace Sanxiang.Registry.Features.Calendar;

/// <summary>A day the count passed over (or counted although it is a weekend), with why.</summary>
internal sealed record DeadlineDay(DateOnly Date, string Weekday, string Reason);

/// <summary>A deadline and how it was counted, for the calculator on the calendar page and the API.</summary>
internal sealed record Deadline(
    DateOnly From,
    int Days,
    string Unit,
    DateOnly Due,
    string DueWeekday,
    DateOnly? NominalEnd,
    IReadOnlyList<DeadlineDay> Skipped,
    IReadOnlyList<DeadlineDay> CountedMakeUpWorkdays,
    string Basis,
    IReadOnlyList<string> Warnings);

/// <summary>
/// Explains a deadline computed by one <see cref="WorkingDayCount"/> (the same table throughout): the days skipped, the make-up workdays
/// counted, the extension of a calendar-day period, and any year without data or with provisional data.
/// </summary>
internal static class DeadlineCalculator
{
    public const int MaxDays = 3650;
    public const string WorkingDaysUnit = "workingDays";
    public const string CalendarDaysUnit = "calendarDays";

    public static Deadline Explain(WorkingDayCount calendar, DateOnly? from, int? workingDays, int? calendarDays)
    {
        var check = new Check();
        check.That(from is not null, "from", "INPUT-REQUIRED", "请填写起算日期");
        var days = workingDays ?? calendarDays ?? 0;
        if (workingDays is null == calendarDays is null)
        {
            check.Add("days", "INPUT-REQUIRED", "请填写期限天数：工作日（workingDays）或自然日（calendarDays）二选一");
        }
        else
        {
            check.That(days is >= 1 and <= MaxDays, "days", "INPUT-RANGE", $"期限天数须在 1—{MaxDays} 之间");
        }

        check.That(from is not { } f || f.Year is >= CalendarCoverage.MinYear and <= CalendarCoverage.MaxYear, "from", "CAL-3", $"起算日期须在 {CalendarCoverage.MinYear}—{CalendarCoverage.MaxYear} 年之间");
        check.ThrowIfAny();
        var start = from!.Value;
        var working = workingDays is not null;

        DateOnly due;
        try
        {
            due = working ? calendar.AddWorkingDays(start, days) : calendar.AddCalendarDays(start, days);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new DomainRuleException("CAL-3", $"期限届满日超出工作日历可计算的范围（{CalendarCoverage.MaxYear} 年以后）", "days");
        }

        var skipped = new List<DeadlineDay>();
        var counted = new List<DeadlineDay>();
        DateOnly? nominal = working ? null : start.AddDays(days);
        var firstExplained = working ? start.AddDays(1) : nominal!.Value;
        for (var d = firstExplained; d <= due; d = d.AddDays(1))
        {
            var entry = calendar.EntryOn(d);
            if (entry?.Kind == CalendarDayKind.MakeUpWorkday)
            {
                if (working)
                {
                    counted.Add(new DeadlineDay(d, CalendarYear.Weekday(d), $"{entry.Name}，计为工作日"));
                }
            }
            else if (entry?.Kind == CalendarDayKind.Holiday)
            {
                skipped.Add(new DeadlineDay(d, CalendarYear.Weekday(d), $"{entry.Name}（法定节假日）"));
            }
            else if (WorkingDayCount.IsWeekend(d))
            {
                skipped.Add(new DeadlineDay(d, CalendarYear.Weekday(d), "周末"));
            }
        }

        var warnings = new List<string>();
        var coverage = calendar.Coverage;
        for (var y = start.Year; y <= due.Year; y++)
        {
            if (!coverage.Covers(y))
            {
                warnings.Add($"{y} 年没有节假日数据，仅按周六、周日计算，结果可能早于实际届满日，请管理员补充该年安排");
            }
            else if (coverage.IsProvisional(y))
            {
                warnings.Add($"{y} {CalendarFeatures.ProvisionalWarning}");
            }
        }

        var basis = working
            ? "起算日当日不计入，自次日起算；工作日不含周六、周日和法定节假日，调休上班日计为工作日（行政处罚法第八十五条 APL-85，行政强制法第六十九条 ACL-69）"
            : "起算日当日不计入，自次日起算；期间最后一日是法定节假日或周末的，以其后的第一个工作日为期间最后一日（民法典第二百零三条）";
        return new Deadline(start, days, working ? WorkingDaysUnit : CalendarDaysUnit, due, CalendarYear.Weekday(due), nominal,
            working ? skipped : [.. skipped.Where(s => s.Date < due)], counted, basis, warnings);
    }
}
