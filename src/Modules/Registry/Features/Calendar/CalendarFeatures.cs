using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry.Features.Calendar;

internal sealed record CalendarDayRow(DateOnly Date, string Weekday, CalendarDayKind Kind, string KindLabel, string Name, string? Source);

internal sealed record CalendarYearView(int Year, bool HasData, bool Provisional, string? Notice, IReadOnlyList<CalendarDayRow> Days, IReadOnlyList<int> YearsWithData, IReadOnlyList<int> ProvisionalYears);

internal sealed record CalendarDayInput(DateOnly? Date, CalendarDayKind Kind, string? Name, string? Source);

internal sealed record CalendarDayChange(CalendarDayKind Kind, string? Name, string? Source);

internal sealed record CalendarConfirmation(string? Notice);

/// <summary>
/// The working-day calendar as national reference data: everyone signed in reads it; only administrators change
/// it (rule AUTH-ROLE). Each change is one save of the year's aggregate with its event in the registry outbox,
/// then the in-memory calendar reloads.
/// </summary>
internal sealed class CalendarFeatures(RegistryDbContext db, WorkingDayCalendar calendar, TimeProvider clock)
{
    public const string ProvisionalWarning = "年安排为预估，须以国务院办公厅通知为准，请管理员核对";

    public async Task<CalendarYearView> GetYearAsync(int year, CancellationToken ct)
    {
        CheckYear(year);
        var years = await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).Select(y => new { y.Year, y.IsProvisional }).ToListAsync(ct);
        var y = await db.CalendarYears.AsNoTracking().Include(x => x.Days).SingleOrDefaultAsync(x => x.Year == year, ct);
        var days = (y?.Days ?? []).OrderBy(d => d.Date)
            .Select(d => new CalendarDayRow(d.Date, CalendarYear.Weekday(d.Date), d.Kind, CalendarYear.Label(d.Kind), d.Name, d.Source ?? y!.Notice))
            .ToList();
        return new CalendarYearView(year, y is not null, y?.IsProvisional ?? false, y?.Notice, days, [.. years.Select(x => x.Year)], [.. years.Where(x => x.IsProvisional).Select(x => x.Year)]);
    }

    public async Task AddDayAsync(AccessScope scope, CalendarDayInput input, CancellationToken ct)
    {
        RequireAdministrator(scope);
        if (input.Date is not { } date)
        {
            throw new DomainRuleException("INPUT-REQUIRED", "日期不能为空", nameof(CalendarDayInput.Date));
        }

        var year = await db.CalendarYears.AsTracking().Include(y => y.Days).SingleOrDefaultAsync(y => y.Year == date.Year, ct);
        if (year is null)
        {
            year = CalendarYear.Create(date.Year, clock.GetUtcNow());
            db.CalendarYears.Add(year);
        }

        year.AddDay(new CalendarDayData(date, input.Kind, input.Name ?? string.Empty, input.Source));
        await SaveAsync(ct);
    }

    public async Task ChangeDayAsync(AccessScope scope, DateOnly date, CalendarDayChange input, CancellationToken ct)
    {
        RequireAdministrator(scope);
        var year = await LoadAsync(date.Year, ct);
        year.ChangeDay(new CalendarDayData(date, input.Kind, input.Name ?? string.Empty, input.Source));
        await SaveAsync(ct);
    }

    public async Task RemoveDayAsync(AccessScope scope, DateOnly date, CancellationToken ct)
    {
        RequireAdministrator(scope);
        var year = await LoadAsync(date.Year, ct);
        year.RemoveDay(date);
        await SaveAsync(ct);
    }

    public async Task ConfirmYearAsync(AccessScope scope, int year, CalendarConfirmation input, CancellationToken ct)
    {
        RequireAdministrator(scope);
        var y = await LoadAsync(year, ct);
        y.Confirm(input.Notice ?? string.Empty);
        await SaveAsync(ct);
    }

    public static void RequireAdministrator(AccessScope scope)
    {
        if (!scope.IsInRole(Roles.Administrator))
        {
            throw new DomainRuleException("AUTH-ROLE", "只有系统管理员可以修改工作日历");
        }
    }

    private static void CheckYear(int year) => new Check()
        .That(year is >= CalendarCoverage.MinYear and <= CalendarCoverage.MaxYear, "year", "CAL-3", $"年份须在 {CalendarCoverage.MinYear}—{CalendarCoverage.MaxYear} 之间")
        .ThrowIfAny();

    private async Task<CalendarYear> LoadAsync(int year, CancellationToken ct)
    {
        CheckYear(year);
        return await db.CalendarYears.AsTracking().Include(y => y.Days).SingleOrDefaultAsync(y => y.Year == year, ct) ?? throw new NotFoundException();
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("CONCURRENCY", "工作日历已被他人修改，请刷新后再试");
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<CalendarYear>().Any(e => e.State == EntityState.Added))
        {
            // Two administrators started the same new year at once: the unique year lets one win.
            throw new DomainRuleException("CONCURRENCY", "工作日历已被他人修改，请刷新后再试");
        }

        await calendar.ReloadAsync(ct);
    }
}
