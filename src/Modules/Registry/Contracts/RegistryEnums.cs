namespace Sanxiang.Registry.Contracts;

/// <summary>Level of an agency in the tree: province → city → county → township.</summary>
public enum AgencyLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
}

public enum AgencyKind
{
    Government = 1,
    MarketRegulation = 2,
    EcologyEnvironment = 3,
    UrbanManagement = 4,
    JusticeBureau = 5,
    Transport = 6,
    Culture = 7,
    Agriculture = 8,
    Other = 99,
}

/// <summary>The ten categories of powers (权责清单).</summary>
public enum PowerCategory
{
    Licensing = 1,
    Penalty = 2,
    Coercion = 3,
    Levy = 4,
    Benefit = 5,
    Adjudication = 6,
    Confirmation = 7,
    Reward = 8,
    Inspection = 9,
    Other = 10,
}

/// <summary>Stored certificate status. "Expired" is never stored: it is derived from the expiry date.</summary>
public enum CertificateStatus
{
    Valid = 1,
    Suspended = 2,
    Revoked = 3,
    Expired = 4,
}

/// <summary>Circumstance levels of a discretion benchmark (裁量基准).</summary>
public enum CircumstanceLevel
{
    Minor = 1,
    General = 2,
    Serious = 3,
    Severe = 4,
}

public static class RegistryLabels
{
    public static string Of(AgencyLevel v) => v switch
    {
        AgencyLevel.Province => "省级",
        AgencyLevel.City => "市级",
        AgencyLevel.County => "县级",
        AgencyLevel.Township => "乡镇级",
        _ => v.ToString(),
    };

    public static string Of(AgencyKind v) => v switch
    {
        AgencyKind.Government => "人民政府",
        AgencyKind.MarketRegulation => "市场监督管理",
        AgencyKind.EcologyEnvironment => "生态环境",
        AgencyKind.UrbanManagement => "综合行政执法（城市管理）",
        AgencyKind.JusticeBureau => "司法行政（执法监督）",
        AgencyKind.Transport => "交通运输",
        AgencyKind.Culture => "文化市场",
        AgencyKind.Agriculture => "农业农村",
        _ => "其他",
    };

    public static string Of(PowerCategory v) => v switch
    {
        PowerCategory.Licensing => "行政许可",
        PowerCategory.Penalty => "行政处罚",
        PowerCategory.Coercion => "行政强制",
        PowerCategory.Levy => "行政征收",
        PowerCategory.Benefit => "行政给付",
        PowerCategory.Adjudication => "行政裁决",
        PowerCategory.Confirmation => "行政确认",
        PowerCategory.Reward => "行政奖励",
        PowerCategory.Inspection => "行政检查",
        _ => "其他行政权力",
    };

    public static string Of(CertificateStatus v) => v switch
    {
        CertificateStatus.Valid => "有效",
        CertificateStatus.Suspended => "暂扣",
        CertificateStatus.Revoked => "吊销",
        CertificateStatus.Expired => "已过期",
        _ => v.ToString(),
    };

    public static string Of(CircumstanceLevel v) => v switch
    {
        CircumstanceLevel.Minor => "轻微",
        CircumstanceLevel.General => "一般",
        CircumstanceLevel.Serious => "较重",
        CircumstanceLevel.Severe => "严重",
        _ => v.ToString(),
    };

    /// <summary>Parses a Chinese label or the English enum name (used by imports).</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim();
        foreach (var v in Enum.GetValues<T>())
        {
            var label = v switch
            {
                AgencyLevel a => Of(a),
                AgencyKind k => Of(k),
                PowerCategory c => Of(c),
                CertificateStatus s => Of(s),
                CircumstanceLevel l => Of(l),
                _ => v.ToString(),
            };
            if (string.Equals(label, t, StringComparison.Ordinal) || string.Equals(v.ToString(), t, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        return false;
    }
}
