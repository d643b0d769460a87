using System.Globalization;
using Sanxiang.Kernel.Security;
using Sanxiang.Kernel.Web;

namespace Sanxiang.Media.Pages;

/// <summary>Shared helpers of the media pages.</summary>
internal abstract class MediaPageModel(IAccessScopeProvider scopes) : ModulePageModel(scopes)
{
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " 字节",
    };

    public static string Time(DateTimeOffset? t) => t?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "—";

    public static string Duration(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(Math.Round(s)).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : "—";
}
