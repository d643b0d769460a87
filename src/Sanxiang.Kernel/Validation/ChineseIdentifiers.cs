namespace Sanxiang.Kernel.Validation;

/// <summary>Checksums of Chinese identifiers (used for parties and officers).</summary>
public static class ChineseIdentifiers
{
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckChars = "10X98765432";
    private const string CreditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>
    /// GB 11643-1999 citizen ID number: 17 digits, then a check character from ISO 7064 MOD 11-2,
    /// and a valid birth date in positions 7–14.
    /// </summary>
    public static bool IsValidIdNumber(string? value)
    {
        if (value is null || value.Length != 18)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }

            sum += (value[i] - '0') * IdWeights[i];
        }

        var check = char.ToUpperInvariant(value[17]);
        if (check != IdCheckChars[sum % 11])
        {
            return false;
        }

        return DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
    }

    /// <summary>GB 32100-2015 unified social credit code: 18 characters, check character from the weighted sum mod 31.</summary>
    public static bool IsValidCreditCode(string? value)
    {
        if (value is null || value.Length != 18)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = CreditCodeChars.IndexOf(value[i], StringComparison.Ordinal);
            if (v < 0)
            {
                return false;
            }

            sum += v * CreditWeights[i];
        }

        var expected = (31 - (sum % 31)) % 31;
        return value[17] == CreditCodeChars[expected];
    }

    /// <summary>Masks an ID number for display: first 4 and last 4 characters kept (PUB-RED-2, SEC-PI-1).</summary>
    public static string MaskIdNumber(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= 8 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 4), new string('*', value.Length - 8), value.AsSpan(value.Length - 4));
    }
}
