using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Pages.Public;

/// <summary>Texts the public pages share: certificate statuses (never by colour alone) and fines in yuan.</summary>
internal static class PublicLabels
{
    public static string Status(CertificateStatus s) => s switch
    {
        CertificateStatus.Valid => "有效",
        CertificateStatus.Suspended => "已暂扣（暂停执法资格）",
        CertificateStatus.Revoked => "已注销（吊销）",
        CertificateStatus.Expired => "已过期",
        _ => s.ToString(),
    };

    /// <summary>The CSS class: valid in green, anything else in red (the text says it too).</summary>
    public static string StatusClass(CertificateStatus s) => s == CertificateStatus.Valid ? "cert-valid" : "cert-invalid";

    public static string Yuan(long fen) => (fen / 100m).ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture) + " 元";

    public static string Category(PowerCategory c) => RegistryLabels.Of(c);
}
