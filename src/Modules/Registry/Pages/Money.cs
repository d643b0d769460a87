using System.Globalization;

namespace Sanxiang.Registry.Pages;

/// <summary>Money is stored in fen (long); pages show and read yuan with two decimals.</summary>
internal static class Money
{
    public static string Yuan(long fen) => (fen / 100m).ToString("#,0.##", CultureInfo.InvariantCulture);

    public static bool TryParseYuan(string? text, out long fen)
    {
        fen = 0;
        if (!decimal.TryParse((text ?? string.Empty).Replace(",", string.Empty, StringComparison.Ordinal).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var yuan) || yuan < 0 || yuan > 100_000_000_000m || decimal.Round(yuan, 2) != yuan)
        {
            return false;
        }

        fen = (long)(yuan * 100);
        return true;
    }
}
