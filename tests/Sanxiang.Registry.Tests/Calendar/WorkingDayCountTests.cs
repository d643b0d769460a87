using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Features.Calendar;

namespace Sanxiang.Registry.Tests.Calendar;

/// <summary>
/// Deadlines counted on the shipped official schedules (2024–2026) and the provisional 2027: the start day is
/// not counted, holidays and weekends are skipped, make-up workdays count (APL-85, ACL-69), and a calendar-day
/// period ending on a non-working day ends on the next working day (民法典 Art 203).
/// </summary>
public sealed class WorkingDayCountTests
{
    private static readonly WorkingDayCount Calendar = ShippedCalendar.Count();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void AddWorkingDays_AcrossSpringFestival2026_SkipsHolidaysAndCountsMakeUpWorkday()
    {
        // Thu 2/12 → Fri 2/13 (1), Sat 2/14 调休上班 (2), 2/15–2/23 春节, Tue 2/24 (3), Wed 2/25 (4), Thu 2/26 (5).
        Calendar.AddWorkingDays(D("2026-02-12"), 5).ShouldBe(D("2026-02-26"));
        Calendar.AddWorkingDays(D("2026-02-12"), 2).ShouldBe(D("2026-02-14"));
    }

    [Fact]
    public void AddWorkingDays_FromASpringFestivalHoliday_StartsCountingAfterIt_AndCountsTheMakeUpSaturday()
    {
        // Start day 2/16 is a holiday and is not counted; 2/24..2/27 (4), Sat 2/28 调休上班 (5), Mon 3/2 (6), Tue 3/3 (7).
        Calendar.AddWorkingDays(D("2026-02-16"), 1).ShouldBe(D("2026-02-24"));
        Calendar.AddWorkingDays(D("2026-02-16"), 7).ShouldBe(D("2026-03-03"));
    }

    [Fact]
    public void AddWorkingDays_AcrossNationalDay2025_SkipsTheEightDays_AndCountsTheMakeUpSaturday()
    {
        // 10/1–10/8 国庆节、中秋节; Thu 10/9 (1), Fri 10/10 (2), Sat 10/11 调休上班 (3).
        Calendar.AddWorkingDays(D("2025-09-30"), 3).ShouldBe(D("2025-10-11"));

        // Sat 9/27 is a weekend, Sun 9/28 调休上班 (1), Mon 9/29 (2).
        Calendar.AddWorkingDays(D("2025-09-26"), 2).ShouldBe(D("2025-09-29"));
        Calendar.AddWorkingDays(D("2025-09-30"), 1).ShouldBe(D("2025-10-09"));
    }

    [Fact]
    public void AddWorkingDays_AcrossTheYearBoundary_UsesBothYearsSchedules()
    {
        // 2026 元旦 1/1–1/3, Sun 1/4 调休上班 (1), Mon 1/5 (2), Tue 1/6 (3).
        Calendar.AddWorkingDays(D("2025-12-31"), 3).ShouldBe(D("2026-01-06"));
        Calendar.AddWorkingDays(D("2024-12-31"), 1).ShouldBe(D("2025-01-02"));
        Calendar.AddWorkingDays(D("2024-12-27"), 2).ShouldBe(D("2024-12-31"));
    }

    [Fact]
    public void AddWorkingDays_StartDayIsNeverCounted_APL85()
    {
        // Mon 2026-03-02 + 1 working day is Tue, not Mon itself.
        Calendar.AddWorkingDays(D("2026-03-02"), 1).ShouldBe(D("2026-03-03"));

        // Fri + 1 skips the weekend.
        Calendar.AddWorkingDays(D("2026-03-06"), 1).ShouldBe(D("2026-03-09"));
    }

    [Fact]
    public void AddCalendarDays_LandingOnAHoliday_IsExtendedToTheNextWorkingDay_CivilCode203()
    {
        // 9/24 + 7 = 10/1 (国庆节) → after 10/1–10/7, Thu 10/8.
        Calendar.AddCalendarDays(D("2026-09-24"), 7).ShouldBe(D("2026-10-08"));

        // 9/20 + 7 = Sun 9/27 (中秋节) → Mon 9/28.
        Calendar.AddCalendarDays(D("2026-09-20"), 7).ShouldBe(D("2026-09-28"));
    }

    [Fact]
    public void AddCalendarDays_LandingOnAWeekend_IsExtended_ButAMakeUpWorkdayIsAWorkingDay()
    {
        Calendar.AddCalendarDays(D("2026-03-02"), 5).ShouldBe(D("2026-03-09"));   // Sat 3/7 → Mon 3/9
        Calendar.AddCalendarDays(D("2026-02-21"), 7).ShouldBe(D("2026-02-28"));   // Sat 2/28 调休上班: ends that day
        Calendar.AddCalendarDays(D("2026-03-02"), 3).ShouldBe(D("2026-03-05"));   // Thursday: unchanged
    }

    [Fact]
    public void WorkingDaysBetween_CountsTheHalfOpenInterval_AndIsNegativeBackwards()
    {
        Calendar.WorkingDaysBetween(D("2026-02-12"), D("2026-02-26")).ShouldBe(5);
        Calendar.WorkingDaysBetween(D("2026-02-26"), D("2026-02-12")).ShouldBe(-5);
        Calendar.WorkingDaysBetween(D("2026-02-12"), D("2026-02-12")).ShouldBe(0);
        Calendar.WorkingDaysBetween(D("2026-02-14"), D("2026-02-23")).ShouldBe(0);   // the festival: no working day left
    }

    [Fact]
    public void WorkingDaysBetween_IsConsistentWithAddWorkingDays()
    {
        var start = D("2025-09-26");
        for (var n = 1; n <= 40; n++)
        {
            Calendar.WorkingDaysBetween(start, Calendar.AddWorkingDays(start, n)).ShouldBe(n);
        }
    }

    [Theory]
    [InlineData("2024-02-04")]
    [InlineData("2024-02-18")]
    [InlineData("2024-04-07")]
    [InlineData("2024-04-28")]
    [InlineData("2024-05-11")]
    [InlineData("2024-09-14")]
    [InlineData("2024-09-29")]
    [InlineData("2024-10-12")]
    [InlineData("2025-01-26")]
    [InlineData("2025-02-08")]
    [InlineData("2025-04-27")]
    [InlineData("2025-09-28")]
    [InlineData("2025-10-11")]
    [InlineData("2026-01-04")]
    [InlineData("2026-02-14")]
    [InlineData("2026-02-28")]
    [InlineData("2026-05-09")]
    [InlineData("2026-09-20")]
    [InlineData("2026-10-10")]
    public void OfficialMakeUpWorkdays_AreWeekendsThatAreWorkingDays(string iso)
    {
        var day = D(iso);

        WorkingDayCount.IsWeekend(day).ShouldBeTrue();
        Calendar.IsWorkingDay(day).ShouldBeTrue();
        Calendar.EntryOn(day)!.Kind.ShouldBe(CalendarDayKind.MakeUpWorkday);
    }

    [Theory]
    [InlineData("2024-01-01", "元旦")]
    [InlineData("2024-02-10", "春节")]
    [InlineData("2024-02-17", "春节")]
    [InlineData("2024-06-10", "端午节")]
    [InlineData("2024-10-07", "国庆节")]
    [InlineData("2025-01-28", "春节")]
    [InlineData("2025-02-04", "春节")]
    [InlineData("2025-06-02", "端午节")]
    [InlineData("2025-10-08", "国庆节、中秋节")]
    [InlineData("2026-01-02", "元旦")]
    [InlineData("2026-02-23", "春节")]
    [InlineData("2026-05-05", "劳动节")]
    [InlineData("2026-06-19", "端午节")]
    [InlineData("2026-09-25", "中秋节")]
    [InlineData("2026-10-07", "国庆节")]
    public void OfficialHolidays_AreNotWorkingDays(string iso, string name)
    {
        Calendar.IsWorkingDay(D(iso)).ShouldBeFalse();
        Calendar.EntryOn(D(iso))!.Name.ShouldBe(name);
    }

    [Theory]
    [InlineData(2024, 28, 8)]
    [InlineData(2025, 28, 5)]
    [InlineData(2026, 33, 6)]
    [InlineData(2027, 13, 0)]
    public void ShippedYears_HoldTheNoticesNumberOfHolidaysAndMakeUpWorkdays(int year, int holidays, int makeUp)
    {
        var days = ShippedCalendar.Years.Single(y => y.Year == year).Days;

        days.Count(d => d.Kind == CalendarDayKind.Holiday).ShouldBe(holidays);
        days.Count(d => d.Kind == CalendarDayKind.MakeUpWorkday).ShouldBe(makeUp);
    }

    [Fact]
    public void Year2027_IsProvisional_StatutoryHolidaysOnly_WithoutInventedMakeUpWorkdays()
    {
        Calendar.Coverage.Years.ShouldBe([2024, 2025, 2026, 2027]);
        Calendar.Coverage.ProvisionalYears.ShouldBe([2027]);
        Calendar.Coverage.IsOfficial(2026).ShouldBeTrue();
        Calendar.Coverage.IsOfficial(2027).ShouldBeFalse();
        ShippedCalendar.Years.Single(y => y.Year == 2027).Days.Select(d => d.Date).ShouldBe(
            [D("2027-01-01"), D("2027-02-05"), D("2027-02-06"), D("2027-02-07"), D("2027-02-08"), D("2027-04-05"),
             D("2027-05-01"), D("2027-05-02"), D("2027-06-09"), D("2027-09-15"), D("2027-10-01"), D("2027-10-02"), D("2027-10-03")],
            ignoreOrder: true);
    }

    [Fact]
    public void OutsideTheCoveredYears_OnlyWeekendsAreSkipped_AndCoverageSaysSo()
    {
        Calendar.Coverage.Covers(2030).ShouldBeFalse();
        Calendar.Coverage.Covers(D("2026-12-01"), D("2028-01-10")).ShouldBeFalse();

        // 2030-01-01 would be 元旦, but there is no 2030 data: Tue 1/1 + 1 working day is Wed 1/2, and 1/1 itself counts.
        Calendar.IsWorkingDay(D("2030-01-01")).ShouldBeTrue();
        Calendar.AddWorkingDays(D("2029-12-31"), 1).ShouldBe(D("2030-01-01"));
    }

    [Fact]
    public void DatesOutsideTheSupportedRange_Throw_InsteadOfCountingForever()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new DateOnly(1999, 12, 31), 1));
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2099, 12, 28), 10));
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.AddCalendarDays(new DateOnly(2099, 12, 28), 10));
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.IsWorkingDay(new DateOnly(2100, 1, 1)));
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.WorkingDaysBetween(new DateOnly(2026, 1, 1), DateOnly.MaxValue));
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2026, 1, 1), 0));
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.AddCalendarDays(new DateOnly(2026, 1, 1), -3));
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2026, 1, 1), int.MaxValue));
    }

    [Fact]
    public void Deadline_ExplainsSkippedDays_CountedMakeUpWorkdays_AndProvisionalYears()
    {
        var d = DeadlineCalculator.Explain(Calendar, D("2026-02-12"), workingDays: 5, calendarDays: null);

        d.Due.ShouldBe(D("2026-02-26"));
        d.Skipped.Select(s => s.Date).ShouldBe(Enumerable.Range(15, 9).Select(day => new DateOnly(2026, 2, day)));
        d.Skipped[0].Reason.ShouldContain("春节");
        d.CountedMakeUpWorkdays.ShouldHaveSingleItem().Date.ShouldBe(D("2026-02-14"));
        d.Warnings.ShouldBeEmpty();

        var extended = DeadlineCalculator.Explain(Calendar, D("2026-09-24"), workingDays: null, calendarDays: 7);
        (extended.NominalEnd, extended.Due).ShouldBe((D("2026-10-01"), D("2026-10-08")));
        extended.Skipped.Count.ShouldBe(7);

        var provisional = DeadlineCalculator.Explain(Calendar, D("2026-12-25"), workingDays: 10, calendarDays: null);
        provisional.Warnings.ShouldHaveSingleItem().ShouldContain("2027 年安排为预估，须以国务院办公厅通知为准，请管理员核对");

        var uncovered = DeadlineCalculator.Explain(Calendar, D("2027-12-25"), workingDays: 10, calendarDays: null);
        uncovered.Warnings.ShouldContain(w => w.Contains("2028 年没有节假日数据", StringComparison.Ordinal));
    }

    [Fact]
    public void Deadline_WithBadInput_NamesTheFieldAndRule()
    {
        Should.Throw<Sanxiang.Kernel.Domain.DomainRuleException>(() => DeadlineCalculator.Explain(Calendar, null, 5, null))
            .Errors.ShouldContain(e => e.Field == "from" && e.RuleId == "INPUT-REQUIRED");
        Should.Throw<Sanxiang.Kernel.Domain.DomainRuleException>(() => DeadlineCalculator.Explain(Calendar, D("2026-01-01"), 5, 5))
            .RuleId.ShouldBe("INPUT-REQUIRED");
        Should.Throw<Sanxiang.Kernel.Domain.DomainRuleException>(() => DeadlineCalculator.Explain(Calendar, D("2026-01-01"), 0, null))
            .RuleId.ShouldBe("INPUT-RANGE");
        Should.Throw<Sanxiang.Kernel.Domain.DomainRuleException>(() => DeadlineCalculator.Explain(Calendar, D("2099-12-01"), 100, null))
            .RuleId.ShouldBe("CAL-3");
    }
}
