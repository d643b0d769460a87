using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Features.Calendar;

namespace Sanxiang.Registry.Pages.Registry.Calendar;

/// <summary>
/// 工作日历: a year's twelve month grids, its entries, the deadline calculator; add, change and remove entries
/// and confirm a provisional year for administrators (others read only; their posts get 403).
/// </summary>
internal sealed class IndexModel(CalendarFeatures features, WorkingDayCalendar calendar, IAccessScopeProvider scopes, TimeProvider clock) : RegistryPageModel(scopes)
{
    public sealed class DayForm
    {
        /// <summary>The date of the entry being changed; null when adding.</summary>
        public DateOnly? Original { get; set; }

        public DateOnly? Date { get; set; }

        public CalendarDayKind Kind { get; set; } = CalendarDayKind.Holiday;

        public string? Name { get; set; }

        public string? Source { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>?edit=yyyy-MM-dd fills the form with that entry.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? Edit { get; set; }

    [BindProperty]
    public DayForm Input { get; set; } = new();

    [BindProperty]
    public string? Notice { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Days { get; set; }

    /// <summary>"working" or "calendar".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    public CalendarYearView View { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public bool IsAdministrator => Scope.IsInRole(Roles.Administrator);

    public int ShownYear => View.Year;

    public Deadline? Result { get; private set; }

    public IReadOnlyList<FieldError> CalculatorErrors { get; private set; } = [];

    public CalendarDayRow? EntryOn(DateOnly day) => View.Days.FirstOrDefault(d => d.Date == day);

    /// <summary>The weeks of a month, Monday first; null outside the month.</summary>
    public static IReadOnlyList<DateOnly?[]> Weeks(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var weeks = new List<DateOnly?[]>();
        var week = new DateOnly?[7];
        for (var d = first; d.Month == month; d = d.AddDays(1))
        {
            var column = ((int)d.DayOfWeek + 6) % 7;
            week[column] = d;
            if (column == 6)
            {
                weeks.Add(week);
                week = new DateOnly?[7];
            }
        }

        if (week.Any(d => d is not null))
        {
            weeks.Add(week);
        }

        return weeks;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Edit is { } edit && IsAdministrator && View.Days.FirstOrDefault(d => d.Date == edit) is { } day)
        {
            Input = new DayForm { Original = day.Date, Date = day.Date, Kind = day.Kind, Name = day.Name, Source = day.Source };
        }

        if (From is not null || Days is not null)
        {
            try
            {
                var working = !string.Equals(Unit, "calendar", StringComparison.Ordinal);
                Result = DeadlineCalculator.Explain(calendar.Current, From, working ? Days : null, working ? null : Days);
            }
            catch (DomainRuleException e)
            {
                CalculatorErrors = e.Errors;
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        try
        {
            if (Input.Original is { } original)
            {
                await features.ChangeDayAsync(Scope, original, new CalendarDayChange(Input.Kind, Input.Name, Input.Source), ct);
            }
            else
            {
                await features.AddDayAsync(Scope, new CalendarDayInput(Input.Date, Input.Kind, Input.Name, Input.Source), ct);
            }

            var date = Input.Original ?? Input.Date!.Value;
            TempData["Flash"] = $"已保存 {date:yyyy-MM-dd}（{Input.Name?.Trim()}）";
            return Redirect($"/Registry/Calendar?year={date.Year}");
        }
        catch (DomainRuleException e)
        {
            Errors = e.Errors;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(DateOnly date, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        await features.RemoveDayAsync(Scope, date, ct);
        TempData["Flash"] = $"已删除 {date:yyyy-MM-dd} 的条目";
        return Redirect($"/Registry/Calendar?year={date.Year}");
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        try
        {
            await features.ConfirmYearAsync(Scope, ShownYear, new CalendarConfirmation(Notice), ct);
            TempData["Flash"] = $"{ShownYear} 年安排已核对并标为正式";
            return Redirect($"/Registry/Calendar?year={ShownYear}");
        }
        catch (DomainRuleException e)
        {
            Errors = e.Errors;
            return Page();
        }
    }

    /// <summary>Loads the scope and the year; false when the caller may not change the calendar.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        await LoadScopeAsync(ct);
        Today = ChinaTime.Today(clock);
        var year = Year ?? Input.Original?.Year ?? Input.Date?.Year ?? Today.Year;
        if (year is < CalendarCoverage.MinYear or > CalendarCoverage.MaxYear)
        {
            year = Today.Year;
        }

        View = await features.GetYearAsync(year, ct);
        Breadcrumbs(("工作日历", null));
        return IsAdministrator;
    }
}
