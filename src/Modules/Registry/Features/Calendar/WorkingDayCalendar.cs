using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry.Features.Calendar;

/// <summary>
/// The <see cref="IWorkingDayCalendar"/> singleton: answers from an immutable in-memory <see cref="WorkingDayCount"/>
/// built from registry_calendar_days, so a case list can compute thousands of deadlines without a query.
/// <para>
/// Freshness: every change made through this process bumps an in-process version and reloads at once
/// (<see cref="ReloadAsync"/>), so the next deadline already uses the edit. Changes made by another instance of the
/// app are picked up after at most <see cref="Expiry"/>: an older table is still answered from while one background
/// reload runs, so no request waits on the database except the very first (before the start-up load).
/// </para>
/// </summary>
internal sealed partial class WorkingDayCalendar(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WorkingDayCalendar> logger) : IWorkingDayCalendar
{
    /// <summary>How long a loaded table is trusted before a background reload (edits made on other instances).</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(60);

    private readonly Lock _publishLock = new();
    private long _version;
    private int _refreshing;
    private Loaded? _current;

    public CalendarCoverage Coverage => Current.Coverage;

    /// <summary>The table in use (loads it synchronously the first time or after a change in this process).</summary>
    internal WorkingDayCount Current
    {
        get
        {
            var loaded = Volatile.Read(ref _current);
            if (loaded is null || loaded.Version != Interlocked.Read(ref _version))
            {
                return LoadNow();
            }

            if (clock.GetElapsedTime(loaded.LoadedAt) > Expiry)
            {
                RefreshInBackground();
            }

            return loaded.Count;
        }
    }

    public bool IsWorkingDay(DateOnly day) => Current.IsWorkingDay(day);

    public DateOnly AddWorkingDays(DateOnly start, int days) => Current.AddWorkingDays(start, days);

    public DateOnly AddCalendarDays(DateOnly start, int days) => Current.AddCalendarDays(start, days);

    public int WorkingDaysBetween(DateOnly from, DateOnly to) => Current.WorkingDaysBetween(from, to);

    /// <summary>After a change saved by this process (and at start-up): a new version, read from the table now.</summary>
    public async Task ReloadAsync(CancellationToken ct = default)
    {
        var version = Interlocked.Increment(ref _version);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        Publish(Build(await Query(db).ToListAsync(ct)), version);
    }

    private WorkingDayCount LoadNow()
    {
        lock (_publishLock)
        {
            var version = Interlocked.Read(ref _version);
            if (_current is { } loaded && loaded.Version == version)
            {
                return loaded.Count;
            }

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var count = Build([.. Query(db)]);
            Volatile.Write(ref _current, new Loaded(count, version, clock.GetTimestamp()));
            return count;
        }
    }

    private void RefreshInBackground()
    {
        if (Interlocked.CompareExchange(ref _refreshing, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                var version = Interlocked.Read(ref _version);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
                Publish(Build(await Query(db).ToListAsync()), version);
            }
#pragma warning disable CA1031 // a failed refresh keeps the table in use; the next request tries again
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogRefreshFailed(logger, e.GetType().Name, e);
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        });
    }

    /// <summary>Keeps the newest: a slow reload of an older version never replaces a newer table.</summary>
    private void Publish(WorkingDayCount count, long version)
    {
        lock (_publishLock)
        {
            if (_current is null || version >= _current.Version)
            {
                Volatile.Write(ref _current, new Loaded(count, version, clock.GetTimestamp()));
            }
        }
    }

    private static IQueryable<YearRow> Query(RegistryDbContext db) =>
        db.CalendarYears.AsNoTracking().Select(y => new YearRow(y.Year, y.IsProvisional, y.Days.Select(d => new CalendarEntry(d.Date, d.Kind, d.Name)).ToList()));

    private static WorkingDayCount Build(IReadOnlyList<YearRow> years) => new(
        years.SelectMany(y => y.Days),
        new CalendarCoverage(years.Select(y => y.Year), years.Where(y => y.Provisional).Select(y => y.Year)));

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Reloading the working-day calendar failed ({ExceptionType}); the loaded table stays in use")]
    private static partial void LogRefreshFailed(ILogger logger, string exceptionType, Exception exception);

    private sealed record Loaded(WorkingDayCount Count, long Version, long LoadedAt);

    private sealed record YearRow(int Year, bool Provisional, List<CalendarEntry> Days);
}
