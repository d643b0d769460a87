using Sanxiang.Kernel.Domain;

namespace Sanxiang.Kernel.Tests.Domain;

public sealed class CheckTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Required_Missing_AddsInputRequired(string? value)
    {
        var check = new Check().Required("Name", "姓名", value, 10);

        var error = check.Errors.ShouldHaveSingleItem();
        error.ShouldBe(new FieldError("Name", "INPUT-REQUIRED", "姓名不能为空"));
    }

    [Fact]
    public void Required_TooLong_AddsInputLengthWithBothLengths()
    {
        var check = new Check().Required("Name", "姓名", "张三李四王五", 5);

        var error = check.Errors.ShouldHaveSingleItem();
        error.RuleId.ShouldBe("INPUT-LENGTH");
        error.Field.ShouldBe("Name");
        error.Message.ShouldBe("姓名不能超过5个字符（现为6个）");
    }

    [Theory]
    [InlineData("张三")]
    [InlineData("12345")]
    public void Required_PresentWithinLimit_AddsNothing(string value)
    {
        new Check().Required("Name", "姓名", value, 5).Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    public void MaxLength_AllowsNullEmptyAndExactLength(string? value)
    {
        new Check().MaxLength("Address", "地址", value, 5).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void That_AddsOnlyWhenTheConditionFails()
    {
        var check = new Check()
            .That(true, "A", "REG-1", "不应出现")
            .That(false, "B", "REG-5", "须说明理由");

        check.Errors.ShouldBe([new FieldError("B", "REG-5", "须说明理由")]);
    }

    [Fact]
    public void ThrowIfAny_WithoutErrors_DoesNotThrow()
    {
        Should.NotThrow(() => new Check().Required("Name", "姓名", "张三", 10).ThrowIfAny());
    }

    [Fact]
    public void ThrowIfAny_CarriesAllErrors_FirstRuleId_AndJoinedChineseMessage()
    {
        var check = new Check()
            .Add("Level", "REG-TREE", "层级错误")
            .Required("Name", "名称", "", 10);

        var ex = Should.Throw<DomainRuleException>(check.ThrowIfAny);

        ex.RuleId.ShouldBe("REG-TREE");
        ex.Errors.Count.ShouldBe(2);
        ex.Errors[1].RuleId.ShouldBe("INPUT-REQUIRED");
        ex.Message.ShouldBe("层级错误；名称不能为空");
    }

    [Fact]
    public void DomainRuleException_ForOneRule_NamesFieldAndRule()
    {
        var ex = new DomainRuleException("REG-1", "证件已吊销", "Status");

        ex.RuleId.ShouldBe("REG-1");
        ex.Message.ShouldBe("证件已吊销");
        ex.Errors.ShouldBe([new FieldError("Status", "REG-1", "证件已吊销")]);
    }
}
