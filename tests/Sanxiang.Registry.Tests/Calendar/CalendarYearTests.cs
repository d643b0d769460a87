using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using static Sanxiang.Registry.Tests.Domain.Given;

namespace Sanxiang.Registry.Tests.Calendar;

/// <summary>The calendar year's rules CAL-1..CAL-4, and that every change raises an event for the ledger.</summary>
public sealed class CalendarYearTests
{
    private static CalendarYear Year2026() => CalendarYear.Create(2026, Now);

    private static CalendarDayData Holiday(int month, int day, string name = "春节") => new(new DateOnly(2026, month, day), CalendarDayKind.Holiday, name, null);

    private static CalendarDayData MakeUp(int month, int day, string name = "春节调休上班") => new(new DateOnly(2026, month, day), CalendarDayKind.MakeUpWorkday, name, null);

    [Fact]
    public void AddDay_HolidayOnAWeekdayOrAWeekend_IsAccepted_AndRaisesDayAdded()
    {
        var year = Year2026();
        year.ClearDomainEvents();

        year.AddDay(Holiday(2, 16));   // Monday
        year.AddDay(Holiday(2, 15));   // Sunday

        year.Days.Select(d => d.Date).ShouldBe([new DateOnly(2026, 2, 16), new DateOnly(2026, 2, 15)]);
        year.DomainEvents.Count.ShouldBe(2);
        year.DomainEvents[0].ShouldBe(new CalendarChanged("registry.calendar.day-added", year.Id, 2026, new DateOnly(2026, 2, 16), CalendarDayKind.Holiday, "春节"));
    }

    [Fact]
    public void AddDay_TheSameDateAsHolidayAndMakeUpWorkday_BreaksCAL1()
    {
        var year = Year2026();
        year.AddDay(Holiday(2, 14));

        var error = Refused(() => year.AddDay(MakeUp(2, 14))).ShouldHaveSingleItem();

        (error.Field, error.RuleId).ShouldBe(("Date", "CAL-1"));
        error.Message.ShouldContain("同一天不能既放假又调休上班");
        year.Days.ShouldHaveSingleItem().Kind.ShouldBe(CalendarDayKind.Holiday);
    }

    [Fact]
    public void AddDay_MakeUpWorkdayOnAWeekday_BreaksCAL2()
    {
        var year = Year2026();

        var error = Refused(() => year.AddDay(MakeUp(2, 12))).ShouldHaveSingleItem();

        (error.Field, error.RuleId).ShouldBe(("Date", "CAL-2"));
        error.Message.ShouldContain("周四");
        year.Days.ShouldBeEmpty();
    }

    [Fact]
    public void AddDay_DateOutsideTheYear_BreaksCAL3()
    {
        var year = Year2026();

        var error = Refused(() => year.AddDay(new CalendarDayData(new DateOnly(2027, 1, 1), CalendarDayKind.Holiday, "元旦", null))).ShouldHaveSingleItem();

        (error.Field, error.RuleId).ShouldBe(("Date", "CAL-3"));
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2100)]
    public void Create_YearOutsideTheSupportedRange_BreaksCAL3(int y)
    {
        Refused(() => CalendarYear.Create(y, Now)).ShouldHaveSingleItem().RuleId.ShouldBe("CAL-3");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddDay_WithoutName_IsRefused_NamingTheField(string name)
    {
        var error = Refused(() => Year2026().AddDay(Holiday(5, 1, name))).ShouldHaveSingleItem();

        (error.Field, error.RuleId).ShouldBe(("Name", "INPUT-REQUIRED"));
    }

    [Fact]
    public void AddDay_WithAnUnknownKind_IsRefused()
    {
        var error = Refused(() => Year2026().AddDay(new CalendarDayData(new DateOnly(2026, 5, 1), (CalendarDayKind)7, "劳动节", null))).ShouldHaveSingleItem();

        (error.Field, error.RuleId).ShouldBe(("Kind", "INPUT-ENUM"));
    }

    [Fact]
    public void ChangeDay_ToAMakeUpWorkdayOnAWeekday_BreaksCAL2_AndChangesNothing()
    {
        var year = Year2026();
        year.AddDay(Holiday(2, 16));

        Refused(() => year.ChangeDay(MakeUp(2, 16))).ShouldHaveSingleItem().RuleId.ShouldBe("CAL-2");

        year.DayOn(new DateOnly(2026, 2, 16))!.Kind.ShouldBe(CalendarDayKind.Holiday);
    }

    [Fact]
    public void ChangeDay_ChangesKindAndName_AndRaisesDayChanged()
    {
        var year = Year2026();
        year.AddDay(Holiday(2, 14));
        year.ClearDomainEvents();

        year.ChangeDay(MakeUp(2, 14) with { Source = "国务院办公厅关于2026年部分节假日安排的通知" });

        var day = year.DayOn(new DateOnly(2026, 2, 14))!;
        (day.Kind, day.Name, day.Source).ShouldBe((CalendarDayKind.MakeUpWorkday, "春节调休上班", "国务院办公厅关于2026年部分节假日安排的通知"));
        year.DomainEvents.ShouldHaveSingleItem().EventType.ShouldBe("registry.calendar.day-changed");
    }

    [Fact]
    public void ChangeOrRemove_ADateWithoutEntry_IsNotFound()
    {
        Should.Throw<NotFoundException>(() => Year2026().ChangeDay(Holiday(3, 3)));
        Should.Throw<NotFoundException>(() => Year2026().RemoveDay(new DateOnly(2026, 3, 3)));
    }

    [Fact]
    public void RemoveDay_RemovesIt_AndRaisesDayRemoved()
    {
        var year = Year2026();
        year.AddDay(Holiday(10, 1, "国庆节"));
        year.ClearDomainEvents();

        year.RemoveDay(new DateOnly(2026, 10, 1));

        year.Days.ShouldBeEmpty();
        year.DomainEvents.ShouldHaveSingleItem().ShouldBe(new CalendarChanged("registry.calendar.day-removed", year.Id, 2026, new DateOnly(2026, 10, 1), CalendarDayKind.Holiday, "国庆节"));
    }

    [Fact]
    public void Load_AShippedScheduleThatBreaksARule_IsRefused()
    {
        Refused(() => CalendarYear.Load(2026, "通知", false, [MakeUp(2, 12)], Now)).ShouldHaveSingleItem().RuleId.ShouldBe("CAL-2");
        Refused(() => CalendarYear.Load(2026, "通知", false, [Holiday(2, 14), MakeUp(2, 14)], Now)).ShouldHaveSingleItem().RuleId.ShouldBe("CAL-1");
    }

    [Fact]
    public void Confirm_AProvisionalYear_MakesItOfficial_CAL4()
    {
        var year = CalendarYear.Load(2027, "预估", provisional: true, [new(new DateOnly(2027, 1, 1), CalendarDayKind.Holiday, "元旦", null)], Now);
        year.ClearDomainEvents();

        Refused(() => year.Confirm(" ")).ShouldHaveSingleItem().RuleId.ShouldBe("INPUT-REQUIRED");
        year.Confirm("国务院办公厅关于2027年部分节假日安排的通知");

        (year.IsProvisional, year.Notice).ShouldBe((false, "国务院办公厅关于2027年部分节假日安排的通知"));
        year.DomainEvents.ShouldHaveSingleItem().EventType.ShouldBe("registry.calendar.year-confirmed");
        Refused(() => year.Confirm("再次核对")).ShouldHaveSingleItem().RuleId.ShouldBe("CAL-4");
    }
}
