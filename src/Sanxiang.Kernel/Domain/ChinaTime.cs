namespace Sanxiang.Kernel.Domain;

/// <summary>Legal dates are calendar dates in China time (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
    }
}
