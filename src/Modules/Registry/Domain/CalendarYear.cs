using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Registry.Domain;

internal sealed record CalendarDayData(DateOnly Date, CalendarDayKind Kind, string Name, string? Source);

/// <summary>One dated entry: an official holiday (放假) or an official make-up workday (调休上班).</summary>
internal sealed class CalendarDay
{
    public DateOnly Date { get; set; }

    public int Year { get; set; }

    public CalendarDayKind Kind { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>The notice the entry comes from (国务院办公厅关于…的通知), or the administrator's note.</summary>
    public string? Source { get; set; }
}

/// <summary>
/// One year of the working-day calendar (工作日历): the official holidays and make-up workdays of the State
/// Council's notice for that year. Its rules:
/// CAL-1 a date has at most one entry (a day cannot be both a holiday and a make-up workday);
/// CAL-2 a make-up workday falls on a Saturday or Sunday (a holiday may fall on any day);
/// CAL-3 every entry lies within the year, and the year within the range the calendar counts in;
/// CAL-4 a provisional year (estimated before the notice) is confirmed by an administrator naming the notice.
/// Every change raises an event, so the ledger records who changed which day.
/// </summary>
internal sealed class CalendarYear : AggregateRoot
{
    public const int NameMaxLength = 50;
    public const int SourceMaxLength = 200;

    private CalendarYear()
    {
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    /// <summary>Estimated from the statutory holidays, not yet checked against the official notice.</summary>
    public bool IsProvisional { get; private set; }

    /// <summary>The notice the year's schedule comes from.</summary>
    public string? Notice { get; private set; }

    public List<CalendarDay> Days { get; private set; } = [];

    public int Version { get; private set; }

    /// <summary>An empty year an administrator starts filling in.</summary>
    public static CalendarYear Create(int year, DateTimeOffset now)
    {
        CheckYear(year);
        var y = new CalendarYear { Id = Guid.CreateVersion7(now), Year = year };
        y.Raise(new CalendarChanged("registry.calendar.year-created", y.Id, year, null, null, null));
        return y;
    }

    /// <summary>A shipped schedule (reference data): all entries checked by the same rules as an administrator's.</summary>
    public static CalendarYear Load(int year, string notice, bool provisional, IEnumerable<CalendarDayData> days, DateTimeOffset now)
    {
        CheckYear(year);
        var y = new CalendarYear { Id = Guid.CreateVersion7(now), Year = year, Notice = notice, IsProvisional = provisional };
        foreach (var d in days)
        {
            y.Validate(d, isNew: true).ThrowIfAny();
            y.Days.Add(ToDay(d));
        }

        y.Raise(new CalendarChanged("registry.calendar.year-loaded", y.Id, year, null, null, null));
        return y;
    }

    public CalendarDay? DayOn(DateOnly date) => Days.Find(d => d.Date == date);

    public void AddDay(CalendarDayData data)
    {
        Validate(data, isNew: true).ThrowIfAny();
        Days.Add(ToDay(data));
        Changed("registry.calendar.day-added", data.Date, data.Kind, data.Name);
    }

    /// <summary>Changes the kind, name or source of an existing entry (the date identifies it and stays).</summary>
    public void ChangeDay(CalendarDayData data)
    {
        var day = DayOn(data.Date) ?? throw new NotFoundException();
        Validate(data, isNew: false).ThrowIfAny();
        day.Kind = data.Kind;
        day.Name = data.Name.Trim();
        day.Source = Clean(data.Source);
        Changed("registry.calendar.day-changed", data.Date, data.Kind, day.Name);
    }

    public void RemoveDay(DateOnly date)
    {
        var day = DayOn(date) ?? throw new NotFoundException();
        Days.Remove(day);
        Changed("registry.calendar.day-removed", date, day.Kind, day.Name);
    }

    /// <summary>CAL-4: an administrator has checked the provisional schedule against the official notice.</summary>
    public void Confirm(string notice)
    {
        new Check()
            .That(IsProvisional, nameof(IsProvisional), "CAL-4", $"{Year} 年的安排已是正式安排，无须再次核对")
            .Required(nameof(Notice), "通知名称", notice, SourceMaxLength)
            .ThrowIfAny();
        IsProvisional = false;
        Notice = notice.Trim();
        Version++;
        Raise(new CalendarChanged("registry.calendar.year-confirmed", Id, Year, null, null, null));
    }

    private Check Validate(CalendarDayData d, bool isNew)
    {
        var check = new Check()
            .That(Enum.IsDefined(d.Kind), nameof(d.Kind), "INPUT-ENUM", "类型无效：须为“放假”或“调休上班”")
            .Required(nameof(d.Name), "名称", d.Name, NameMaxLength)
            .MaxLength(nameof(d.Source), "依据", d.Source, SourceMaxLength)
            .That(d.Date.Year == Year, nameof(d.Date), "CAL-3", $"日期 {d.Date:yyyy-MM-dd} 不在 {Year} 年内");
        if (isNew && DayOn(d.Date) is { } existing)
        {
            check.Add(nameof(d.Date), "CAL-1", $"{d.Date:yyyy-MM-dd} 已登记为“{existing.Name}”（{Label(existing.Kind)}）；同一天不能既放假又调休上班，请修改原条目");
        }

        if (d.Kind == CalendarDayKind.MakeUpWorkday && !WorkingDayCount.IsWeekend(d.Date))
        {
            check.Add(nameof(d.Date), "CAL-2", $"{d.Date:yyyy-MM-dd}（{Weekday(d.Date)}）本是工作日，调休上班日只能是周六或周日");
        }

        return check;
    }

    private static void CheckYear(int year) => new Check()
        .That(year is >= CalendarCoverage.MinYear and <= CalendarCoverage.MaxYear, nameof(Year), "CAL-3", $"年份须在 {CalendarCoverage.MinYear}—{CalendarCoverage.MaxYear} 之间")
        .ThrowIfAny();

    private void Changed(string type, DateOnly date, CalendarDayKind kind, string name)
    {
        Version++;
        Raise(new CalendarChanged(type, Id, Year, date, kind, name));
    }

    private static CalendarDay ToDay(CalendarDayData d) =>
        new() { Date = d.Date, Year = d.Date.Year, Kind = d.Kind, Name = d.Name.Trim(), Source = Clean(d.Source) };

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static string Label(CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Holiday => "放假",
        CalendarDayKind.MakeUpWorkday => "调休上班",
        _ => kind.ToString(),
    };

    public static string Weekday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Monday => "周一",
        DayOfWeek.Tuesday => "周二",
        DayOfWeek.Wednesday => "周三",
        DayOfWeek.Thursday => "周四",
        DayOfWeek.Friday => "周五",
        DayOfWeek.Saturday => "周六",
        _ => "周日",
    };
}

/// <summary>A change to the calendar (no personal data: dates, kinds and holiday names).</summary>
internal sealed record CalendarChanged(string EventType, Guid AggregateId, int Year, DateOnly? Date, CalendarDayKind? Kind, string? Name) : IDomainEvent;
