namespace Sanxiang.Registry.Contracts;

/// <summary>
/// Administrative division codes (行政区划代码, GB/T 2260): six digits, two each for the province, the city and the
/// county (110105 北京市朝阳区). A city or a province is written with its trailing pairs as "00" (110100, 110000); the
/// divisions under it are the codes that start with what is left (1101, 11). Township codes (GB/T 10114, nine digits)
/// are not division codes: a township agency takes its county's code.
/// </summary>
public static class AdministrativeDivisions
{
    public const int CodeLength = 6;

    public const int NameMaxLength = 50;

    public const string CodeMessage = "行政区划代码须为6位数字（GB/T 2260，如 110105 北京市朝阳区）";

    public const string FilterMessage = "行政区划须为2、4或6位数字的代码（如 11、1101、110105）";

    /// <summary>Six ASCII digits whose province pair is not 00.</summary>
    public static bool IsValidCode(string? code) =>
        code is { Length: CodeLength } && code.All(char.IsAsciiDigit) && !code.StartsWith("00", StringComparison.Ordinal);

    /// <summary>
    /// The prefix a region filter stands for: a code of 2, 4 or 6 digits, a 6-digit one losing its trailing "00" pairs
    /// (330000 → 33, 331100 → 3311, 331126 → 331126). Null when the value is no such code.
    /// </summary>
    public static string? Prefix(string? value)
    {
        var v = value?.Trim();
        if (v is not { Length: 2 or 4 or 6 } || !v.All(char.IsAsciiDigit) || v.StartsWith("00", StringComparison.Ordinal))
        {
            return null;
        }

        while (v.Length > 2 && v.EndsWith("00", StringComparison.Ordinal))
        {
            v = v[..^2];
        }

        return v;
    }

    /// <summary>The first and last six-digit codes under a prefix (3311 → 331100 … 331199): a range that any collation orders alike.</summary>
    public static (string First, string Last) Range(string prefix) =>
        (prefix.PadRight(CodeLength, '0'), prefix.PadRight(CodeLength, '9'));
}
