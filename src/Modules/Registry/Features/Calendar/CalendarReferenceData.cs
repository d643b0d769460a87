using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry.Features.Calendar;

/// <summary>
/// Runs on every start (not only with demo data): inserts each shipped year that has no calendar data yet, so a
/// new installation counts holidays from the first day and a newer release adds its new years. A year that
/// exists — even one an administrator has emptied — is never touched. Then loads the calendar into memory.
/// </summary>
internal sealed class CalendarReferenceData(RegistryDbContext db, WorkingDayCalendar calendar, TimeProvider clock) : IReferenceDataLoader
{
    public async Task LoadAsync(CancellationToken ct = default)
    {
        var existing = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        var missing = ShippedCalendar.Years.Where(y => !existing.Contains(y.Year)).ToList();
        if (missing.Count > 0)
        {
            var now = clock.GetUtcNow();
            db.CalendarYears.AddRange(missing.Select(y => CalendarYear.Load(y.Year, y.Notice, y.Provisional, y.Days, now)));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance starting at the same time inserted the year first (unique Year): keep theirs.
                db.ChangeTracker.Clear();
            }
        }

        await calendar.ReloadAsync(ct);
    }
}
