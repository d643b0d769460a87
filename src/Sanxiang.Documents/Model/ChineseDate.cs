using System.Globalization;
using System.Text;

namespace Sanxiang.Documents;

/// <summary>How a date is written on a document.</summary>
public enum ChineseDateStyle
{
    /// <summary>二〇二六年十一月二十二日, as on an official seal line.</summary>
    Numerals = 0,

    /// <summary>2026年11月22日.</summary>
    Digits = 1,
}

/// <summary>Dates as written on official documents.</summary>
public static class ChineseDate
{
    private const string Digits = "〇一二三四五六七八九";

    /// <summary>The date in the given style: 二〇二六年十一月二十二日 or 2026年11月22日.</summary>
    public static string Format(DateOnly date, ChineseDateStyle style = ChineseDateStyle.Numerals) => style switch
    {
        ChineseDateStyle.Numerals => ToNumerals(date),
        ChineseDateStyle.Digits => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日"),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "unknown date style"),
    };

    /// <summary>二〇二六年十一月二十二日: the year digit by digit (〇 for zero), month and day as counted numbers (十, 十一, 二十, 三十一).</summary>
    public static string ToNumerals(DateOnly date)
    {
        var result = new StringBuilder(16);
        foreach (var c in date.Year.ToString(CultureInfo.InvariantCulture))
        {
            result.Append(Digits[c - '0']);
        }

        return result.Append('年').Append(Count(date.Month)).Append('月').Append(Count(date.Day)).Append('日').ToString();
    }

    /// <summary>1–99 as counted: 九, 十, 十一, 二十, 二十二.</summary>
    internal static string Count(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 99);
        var tens = value / 10;
        var units = value % 10;
        var head = tens switch
        {
            0 => string.Empty,
            1 => "十",
            _ => Digits[tens] + "十",
        };
        return units == 0 ? head : head + Digits[units];
    }
}
