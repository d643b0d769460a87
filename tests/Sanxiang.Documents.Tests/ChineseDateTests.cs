namespace Sanxiang.Documents.Tests;

public sealed class ChineseDateTests
{
    [Theory]
    [InlineData(2026, 11, 22, "二〇二六年十一月二十二日")]
    [InlineData(2030, 1, 1, "二〇三〇年一月一日")]
    [InlineData(2026, 10, 10, "二〇二六年十月十日")]
    [InlineData(2026, 12, 31, "二〇二六年十二月三十一日")]
    [InlineData(2027, 2, 20, "二〇二七年二月二十日")]
    [InlineData(2000, 9, 19, "二〇〇〇年九月十九日")]
    public void Numerals_WriteTheYearDigitByDigit_AndMonthAndDayAsCountedNumbers(int year, int month, int day, string expected)
    {
        ChineseDate.ToNumerals(new DateOnly(year, month, day)).ShouldBe(expected);
        ChineseDate.Format(new DateOnly(year, month, day)).ShouldBe(expected);
    }

    [Fact]
    public void DigitsStyle_WritesArabicNumbersWithoutLeadingZeros()
    {
        ChineseDate.Format(new DateOnly(2026, 3, 5), ChineseDateStyle.Digits).ShouldBe("2026年3月5日");
    }
}
