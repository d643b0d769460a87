using System.Text.Json;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;

namespace Sanxiang.Registry.Features.Calendar;

/// <summary>One shipped year of the official schedule.</summary>
internal sealed record ShippedYear(int Year, bool Provisional, string Notice, IReadOnlyList<CalendarDayData> Days);

/// <summary>
/// The official holiday schedules shipped with the app (Persistence/ReferenceData/calendar.json, embedded):
/// 2024–2026 from the State Council's notices, 2027 provisional (statutory holidays only).
/// </summary>
internal static class ShippedCalendar
{
    private const string Resource = "Sanxiang.Registry.ReferenceData.calendar.json";

    private static readonly Lazy<IReadOnlyList<ShippedYear>> Parsed = new(Read);

    public static IReadOnlyList<ShippedYear> Years => Parsed.Value;

    /// <summary>The shipped data as the counting sees it (for tests and the start-up fallback).</summary>
    public static WorkingDayCount Count() => new(
        Years.SelectMany(y => y.Days).Select(d => new CalendarEntry(d.Date, d.Kind, d.Name)),
        new CalendarCoverage(Years.Select(y => y.Year), Years.Where(y => y.Provisional).Select(y => y.Year)));

    private static List<ShippedYear> Read()
    {
        using var stream = typeof(ShippedCalendar).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded resource {Resource} is missing");
        var file = JsonSerializer.Deserialize<FileModel>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("calendar.json is empty");
        return [.. file.Years.Select(y => new ShippedYear(y.Year, y.Provisional, y.Notice, [
            .. y.Holidays.SelectMany(h => Range(h.From, h.To).Select(d => new CalendarDayData(d, CalendarDayKind.Holiday, h.Name, y.Notice))),
            .. y.MakeUpWorkdays.Select(m => new CalendarDayData(m.Date, CalendarDayKind.MakeUpWorkday, m.Name, y.Notice)),
        ]))];
    }

    private static IEnumerable<DateOnly> Range(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    private sealed record FileModel(IReadOnlyList<YearModel> Years);

    private sealed record YearModel(int Year, bool Provisional, string Notice, IReadOnlyList<HolidayModel> Holidays, IReadOnlyList<MakeUpModel> MakeUpWorkdays);

    private sealed record HolidayModel(string Name, DateOnly From, DateOnly To);

    private sealed record MakeUpModel(string Name, DateOnly Date);
}
