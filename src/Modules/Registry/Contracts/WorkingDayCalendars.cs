namespace Sanxiang.Registry.Contracts;

/// <summary>Calendars other code may build without the database.</summary>
public static class WorkingDayCalendars
{
    /// <summary>The official schedules shipped with the app (no administrator edits): for tests, benchmarks and tools.</summary>
    public static IWorkingDayCalendar Shipped() => Features.Calendar.ShippedCalendar.Count();
}
