using FsCheck;
using FsCheck.Fluent;
using Sanxiang.Kernel.Validation;

namespace Sanxiang.Kernel.Tests.Validation;

/// <summary>GB 11643 citizen ID numbers and GB 32100 unified social credit codes (parties, officers, agencies).</summary>
public sealed class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")] // the standard's own example, check character X
    [InlineData("11010519491231002x")] // a lower-case x is accepted
    [InlineData("440524188001010014")]
    [InlineData("110101199003074477")]
    [InlineData("110101200002290018")] // 29 February of a leap year
    public void Valid_IdNumbers_GB11643(string value)
    {
        ChineseIdentifiers.IsValidIdNumber(value).ShouldBeTrue();
    }

    [Theory]
    [InlineData("110105194912310021", "wrong check character (X expected)")]
    [InlineData("110101199003074478", "wrong check character")]
    [InlineData("320311197001010012", "wrong check character")]
    [InlineData("11010519491231002", "17 characters")]
    [InlineData("11010519491231002XX", "19 characters")]
    [InlineData("110105491231002", "old 15-digit number")]
    [InlineData("", "empty")]
    [InlineData(null, "null")]
    [InlineData("1101051949123100AX", "letter in the body")]
    [InlineData("11010519491231002Y", "check character not in 0-9X")]
    [InlineData(" 11010519491231002X", "leading space")]
    public void Invalid_IdNumbers_GB11643(string? value, string why)
    {
        ChineseIdentifiers.IsValidIdNumber(value).ShouldBeFalse(why);
    }

    [Theory]
    [InlineData("19990230")]
    [InlineData("19991301")]
    [InlineData("19990001")]
    [InlineData("19990100")]
    [InlineData("19000229")] // 1900 was not a leap year
    public void Invalid_BirthDate_IsRefused_EvenWithACorrectCheckCharacter_GB11643(string birth)
    {
        var value = WithCheckCharacter("110101" + birth + "001");

        ChineseIdentifiers.IsValidIdNumber(value).ShouldBeFalse();
    }

    [Fact]
    public void ForAnyBodyWithAValidDate_ExactlyOneCheckCharacterIsValid_GB11643()
    {
        var body =
            from area in Gen.Choose(100000, 999999)
            from days in Gen.Choose(0, 365 * 150)
            from sequence in Gen.Choose(0, 999)
            select $"{area:D6}{new DateOnly(1900, 1, 1).AddDays(days):yyyyMMdd}{sequence:D3}";

        Prop.ForAll(body.ToArbitrary(), b => "0123456789X".Count(c => ChineseIdentifiers.IsValidIdNumber(b + c)) == 1)
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("11010519491231002X", "1101**********002X")]
    [InlineData("123456789", "1234*6789")]
    [InlineData("12345678", "********")]
    [InlineData("", "")]
    public void MaskIdNumber_KeepsFirstAndLastFour_PUBRED2(string value, string expected)
    {
        ChineseIdentifiers.MaskIdNumber(value).ShouldBe(expected);
    }

    [Fact]
    public void MaskIdNumber_HidesTheBirthDate_SECPI1()
    {
        ChineseIdentifiers.MaskIdNumber("11010519491231002X").ShouldNotContain("19491231");
    }

    /// <summary>ISO 7064 MOD 11-2, written independently of the code under test.</summary>
    internal static string WithCheckCharacter(string body17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = (int)(Math.Pow(2, 17 - i) % 11);
            sum += (body17[i] - '0') * weight;
        }

        return body17 + "10X98765432"[sum % 11];
    }
}

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("914403001922038216")] // 华为技术有限公司
    [InlineData("9144030071526726XG")] // 深圳市腾讯计算机系统有限公司
    [InlineData("91110108551385082Q")] // 北京小米科技有限责任公司
    public void Published_CreditCodes_AreValid_GB32100(string value)
    {
        ChineseIdentifiers.IsValidCreditCode(value).ShouldBeTrue();
    }

    [Theory]
    [InlineData("91350100M000100Y44", "check character changed")]
    [InlineData("91350100M000100Y4", "17 characters")]
    [InlineData("91350100M000100Y433", "19 characters")]
    [InlineData("91350100M000101Y43", "one body character changed")]
    [InlineData("91350100M001000Y43", "two characters swapped")]
    [InlineData("91350100I000100Y43", "I is not in the GB 32100 alphabet")]
    [InlineData("91350100O000100Y43", "O is not in the GB 32100 alphabet")]
    [InlineData("91350100M000100Y4Z", "Z is not in the GB 32100 alphabet")]
    [InlineData("", "empty")]
    [InlineData(null, "null")]
    public void Corrupted_CreditCodes_AreRefused_GB32100(string? value, string why)
    {
        ChineseIdentifiers.IsValidCreditCode(value).ShouldBeFalse(why);
    }

    [Fact]
    public void AnySingleCharacterChange_IsDetected_GB32100()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        const string code = "914403001922038216";
        for (var i = 0; i < code.Length; i++)
        {
            foreach (var c in alphabet.Where(c => c != code[i]))
            {
                var changed = code[..i] + c + code[(i + 1)..];
                ChineseIdentifiers.IsValidCreditCode(changed).ShouldBeFalse(changed);
            }
        }
    }
}
