using System.Globalization;

namespace Sanxiang.Registry.Features.Tabular;

/// <summary>Parses the text of imported cells: dates, 是/否 and lists.</summary>
internal static class CellText
{
    public const string DateHint = "应为 yyyy-MM-dd 格式，如 2025-01-31";

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];
    private static readonly char[] ListSeparators = ['、', ';', '；'];

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>是/否 (also Y/N, TRUE/FALSE, 1/0); an empty cell means 否.</summary>
    public static bool TryFlag(string text, out bool value)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "" or "否" or "N" or "NO" or "FALSE" or "0":
                value = false;
                return true;
            case "是" or "Y" or "YES" or "TRUE" or "1":
                value = true;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Items separated by 、 or ; (either width), trimmed, empty ones dropped.</summary>
    public static IReadOnlyList<string> List(string text) =>
        [.. text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
