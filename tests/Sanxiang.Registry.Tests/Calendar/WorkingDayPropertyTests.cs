using FsCheck;
using FsCheck.Fluent;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Features.Calendar;

namespace Sanxiang.Registry.Tests.Calendar;

/// <summary>
/// Laws of the working-day calendar on the shipped schedules, for start dates from 2023 (before the data) to
/// 2029 (after it): a deadline never lands on a non-working day, more days never give an earlier or equal
/// date, counting back gives the same number, and calendar-day periods only ever move forward to a working day.
/// </summary>
public sealed class WorkingDayPropertyTests
{
    private static readonly WorkingDayCount Calendar = ShippedCalendar.Count();

    private static readonly Gen<DateOnly> Start = Gen.Choose(0, (365 * 7) - 1).Select(d => new DateOnly(2023, 1, 1).AddDays(d));

    private static readonly Gen<int> Days = Gen.Choose(1, 400);

    [Fact]
    public void AddWorkingDays_NeverLandsOnANonWorkingDay()
    {
        Prop.ForAll(Start.Zip(Days).ToArbitrary(), c => Calendar.IsWorkingDay(Calendar.AddWorkingDays(c.Item1, c.Item2)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AddWorkingDays_IsStrictlyIncreasingInDays()
    {
        Prop.ForAll(Start.Zip(Days).ToArbitrary(), c =>
            Calendar.AddWorkingDays(c.Item1, c.Item2) < Calendar.AddWorkingDays(c.Item1, c.Item2 + 1)
            && Calendar.AddWorkingDays(c.Item1, c.Item2) > c.Item1)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void WorkingDaysBetween_TheStartAndAddWorkingDays_IsTheNumberOfDays()
    {
        Prop.ForAll(Start.Zip(Days).ToArbitrary(), c => Calendar.WorkingDaysBetween(c.Item1, Calendar.AddWorkingDays(c.Item1, c.Item2)) == c.Item2)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void WorkingDaysBetween_IsAntisymmetric_AndAgreesWithCountingDayByDay()
    {
        Prop.ForAll(Start.Zip(Gen.Choose(-60, 60)).ToArbitrary(), c =>
        {
            var (from, to) = (c.Item1, c.Item1.AddDays(c.Item2));
            var (lo, hi) = from <= to ? (from, to) : (to, from);
            var byDay = 0;
            for (var d = lo.AddDays(1); d <= hi; d = d.AddDays(1))
            {
                byDay += Calendar.IsWorkingDay(d) ? 1 : 0;
            }

            return Calendar.WorkingDaysBetween(from, to) == -Calendar.WorkingDaysBetween(to, from)
                && Calendar.WorkingDaysBetween(from, to) == (from <= to ? byDay : -byDay);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AddCalendarDays_IsAWorkingDay_NoEarlierThanStartPlusDays_WithOnlyNonWorkingDaysSkipped()
    {
        Prop.ForAll(Start.Zip(Days).ToArbitrary(), c =>
        {
            var due = Calendar.AddCalendarDays(c.Item1, c.Item2);
            var nominal = c.Item1.AddDays(c.Item2);
            var skippedOnlyNonWorking = true;
            for (var d = nominal; d < due; d = d.AddDays(1))
            {
                skippedOnlyNonWorking &= !Calendar.IsWorkingDay(d);
            }

            return Calendar.IsWorkingDay(due) && due >= nominal && skippedOnlyNonWorking;
        }).QuickCheckThrowOnFailure();
    }
}
