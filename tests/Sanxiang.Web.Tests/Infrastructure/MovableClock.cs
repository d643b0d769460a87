namespace Sanxiang.Web.Tests.Infrastructure;

/// <summary>
/// The app's clock for tests that must cross legal deadlines (days and weeks): the app reads time only through
/// the injected <see cref="TimeProvider"/>, so moving this clock moves "today" for every rule. Timers still run
/// on real time (the base class's timer).
/// </summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void MoveTo(DateOnly chinaDate, int hour = 9) =>
        _now = new DateTimeOffset(chinaDate.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));

    public void Advance(TimeSpan by) => _now = _now.Add(by);

    public DateOnly Today => DateOnly.FromDateTime(_now.ToOffset(TimeSpan.FromHours(8)).DateTime);
}

/// <summary>The application over a fresh database with a movable clock, starting on a Monday before the 2026 Spring Festival.</summary>
public sealed class ClockFactory : SanxiangFactory
{
    public static DateTimeOffset Start => new(2026, 2, 9, 9, 0, 0, TimeSpan.FromHours(8));

    public override MovableClock Clock { get; } = new(Start);

    protected override string[]? TwoFactorRoles => ["none"];
}
