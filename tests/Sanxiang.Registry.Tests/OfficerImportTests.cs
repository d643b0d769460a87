using System.Text;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Documents.Tabular;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Features.Officers;
using Sanxiang.Registry.Features.Tabular;

namespace Sanxiang.Registry.Tests;

public sealed class OfficerImportTests : RegistryDbTest
{
    private const string Header = "姓名,身份证号,执法证号,执法领域,发证日期,有效期至,辅助人员,法律职业资格\n";

    private static string Row(string name, string id, string cert, string issued = "2024-01-15", string expires = "2029-01-14", string areas = "市场监管", string auxiliary = "否", string legal = "是") =>
        $"{name},{id},{cert},{areas},{issued},{expires},{auxiliary},{legal}\n";

    private async Task<ImportResult> ImportAsync(Stream file, string fileName, Guid? agency = null)
    {
        await using var db = NewContext();
        return await new OfficerImport(db, TimeProvider.System).ImportAsync(Writer, agency ?? AgencyA, file, fileName, CancellationToken.None);
    }

    private async Task<int> CountAsync()
    {
        await using var db = NewContext();
        return await db.Officers.CountAsync();
    }

    [Fact]
    public async Task ValidCsv_AppliesAllRows()
    {
        var csv = Header
            + Row("张三", IdNumber(1), "JZ-0001", areas: "市场监管、食品安全")
            + Row("李四", IdNumber(2).ToLowerInvariant(), "JZ-0002", issued: "2024/3/5", expires: "2030/3/4", areas: "价格;广告", auxiliary: "是", legal: "否")
            + "\n"
            + Row("\"王, 五\"", IdNumber(3), "JZ-0003", legal: "");

        var result = await ImportAsync(Utf8(csv, bom: true), "officers.csv");

        result.Errors.ShouldBeEmpty();
        result.Imported.ShouldBe(3);
        await using var db = NewContext();
        var li = await db.Officers.SingleAsync(o => o.CertificateNumber == "JZ-0002");
        li.AgencyId.ShouldBe(AgencyA);
        li.Areas.ShouldBe(["价格", "广告"]);
        li.IssuedOn.ShouldBe(new DateOnly(2024, 3, 5));
        li.IsAuxiliary.ShouldBeTrue();
        li.HasLegalQualification.ShouldBeFalse();
        (await db.Officers.SingleAsync(o => o.CertificateNumber == "JZ-0003")).Name.ShouldBe("王, 五");
        (await db.Outbox.CountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task ValidXlsx_WithDateCells_AppliesAllRows()
    {
        var xlsx = TabularWriter.Write(TabularFormat.Xlsx, "执法人员", OfficerColumns.All,
        [
            ["张三", IdNumber(1), "JZ-0001", "市场监管", new DateOnly(2024, 1, 15), new DateOnly(2029, 1, 14), false, true],
            ["李四", IdNumber(2), "JZ-0002", "价格、广告", "2024-03-05", "2030/3/4", "是", "否"],
        ]);

        var result = await ImportAsync(new MemoryStream(xlsx), "人员.XLSX");

        result.Errors.ShouldBeEmpty();
        result.Imported.ShouldBe(2);
        await using var db = NewContext();
        var zhang = await db.Officers.SingleAsync(o => o.CertificateNumber == "JZ-0001");
        zhang.IssuedOn.ShouldBe(new DateOnly(2024, 1, 15));
        zhang.ExpiresOn.ShouldBe(new DateOnly(2029, 1, 14));
        zhang.HasLegalQualification.ShouldBeTrue();
        (await db.Officers.SingleAsync(o => o.CertificateNumber == "JZ-0002")).IsAuxiliary.ShouldBeTrue();
    }

    [Fact]
    public async Task GbkEncodedCsv_IsRead()
    {
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        var bytes = gb18030.GetBytes(Header + Row("张三", IdNumber(1), "JZ-0001"));

        var result = await ImportAsync(new MemoryStream(bytes), "officers.csv");

        result.Errors.ShouldBeEmpty();
        await using var db = NewContext();
        (await db.Officers.SingleAsync()).Name.ShouldBe("张三");
    }

    [Fact]
    public async Task WrongIdChecksumAtLine3_AppliesNothing_AndReportsLine3()
    {
        var csv = Header + Row("张三", IdNumber(1), "JZ-0001") + Row("李四", BadIdNumber(2), "JZ-0002") + Row("王五", IdNumber(3), "JZ-0003");

        var result = await ImportAsync(Utf8(csv), "officers.csv");

        result.Imported.ShouldBe(0);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(3);
        error.Column.ShouldBe("身份证号");
        error.Message.ShouldContain("GB 11643");
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task DuplicateCertificateInFile_AppliesNothing()
    {
        var csv = Header + Row("张三", IdNumber(1), "JZ-0001") + Row("李四", IdNumber(2), "JZ-0002") + Row("王五", IdNumber(3), " JZ-0001 ");

        var result = await ImportAsync(Utf8(csv), "officers.csv");

        var error = result.Errors.ShouldHaveSingleItem();
        error.ShouldBe(new ImportError(4, "执法证号", "执法证号“JZ-0001”与第2行重复"));
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task CertificateRegisteredInAnotherAgency_AppliesNothing()
    {
        (await ImportAsync(Utf8(Header + Row("张三", IdNumber(1), "JZ-0001")), "b.csv", AgencyB)).Imported.ShouldBe(1);

        var result = await ImportAsync(Utf8(Header + Row("李四", IdNumber(2), "JZ-0002") + Row("王五", IdNumber(3), "JZ-0001")), "a.csv");

        var error = result.Errors.ShouldHaveSingleItem();
        error.Line.ShouldBe(3);
        error.Column.ShouldBe("执法证号");
        error.Message.ShouldContain("已被登记");
        (await CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task ExpiryBeforeIssueDate_IsRejected()
    {
        var result = await ImportAsync(Utf8(Header + Row("张三", IdNumber(1), "JZ-0001", issued: "2025-06-01", expires: "2025-05-31")), "officers.csv");

        result.Errors.ShouldHaveSingleItem().ShouldBe(new ImportError(2, "有效期至", "有效期截止日期必须晚于发证日期"));
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task UnreadableDateAndFlag_AreReportedPerCell()
    {
        var result = await ImportAsync(Utf8(Header + Row("张三", IdNumber(1), "JZ-0001", issued: "15.01.2024", auxiliary: "也许")), "officers.csv");

        result.Errors.Select(e => e.Column).ShouldBe(["发证日期", "辅助人员"]);
        result.Errors[0].Message.ShouldContain("yyyy-MM-dd");
    }

    [Fact]
    public async Task FieldOverMaxLength_IsRejected()
    {
        var result = await ImportAsync(Utf8(Header + Row(new string('张', 51), IdNumber(1), "JZ-0001", areas: "市场监管、" + new string('域', 21))), "officers.csv");

        result.Errors.Select(e => (e.Line, e.Column)).ShouldBe([(2, "姓名"), (2, "执法领域")]);
        result.Errors[0].Message.ShouldBe("姓名不能超过50个字符（现为51个）");
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task MalformedCsv_UnclosedQuote_IsRejected()
    {
        var csv = Header + Row("张三", IdNumber(1), "JZ-0001") + Row("\"李四", IdNumber(2), "JZ-0002");

        var result = await ImportAsync(Utf8(csv), "officers.csv");

        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("CSV 格式错误");
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task XlsxThatIsNotAZip_IsRejected()
    {
        var result = await ImportAsync(Utf8(Header + Row("张三", IdNumber(1), "JZ-0001")), "officers.xlsx");

        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("不是有效的 .xlsx 文件");
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task WrongHeaders_AreRejected()
    {
        var csv = "姓名,身份证,执法证号,执法领域,发证日期,有效期至,辅助人员,法律职业资格\n" + Row("张三", IdNumber(1), "JZ-0001");

        var result = await ImportAsync(Utf8(csv), "officers.csv");

        result.Errors.Select(e => (e.Line, e.Column)).ShouldBe([(1, "身份证"), (1, "身份证号")]);
        result.Errors[1].Message.ShouldContain("缺少列“身份证号”");
        (await CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("", "文件为空")]
    [InlineData("\n\n", "文件为空")]
    [InlineData(Header, "没有数据行")]
    public async Task EmptyFile_IsRejected(string content, string message)
    {
        var result = await ImportAsync(Utf8(content), "officers.csv");

        result.Errors.ShouldHaveSingleItem().Message.ShouldContain(message);
    }

    [Fact]
    public async Task EmptyXlsx_IsRejected()
    {
        var xlsx = TabularWriter.Write(TabularFormat.Xlsx, "执法人员", OfficerColumns.All, []);

        var result = await ImportAsync(new MemoryStream(xlsx), "officers.xlsx");

        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("没有数据行");
    }

    [Theory]
    [InlineData("officers.xls", ".xls")]
    [InlineData("officers.txt", "仅支持")]
    [InlineData("officers", "仅支持")]
    public async Task UnknownExtension_IsRejected(string fileName, string message)
    {
        var result = await ImportAsync(Utf8(Header + Row("张三", IdNumber(1), "JZ-0001")), fileName);

        result.Errors.ShouldHaveSingleItem().Message.ShouldContain(message);
    }

    [Fact]
    public async Task MoreThan5000Rows_IsRejected()
    {
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 5001; i++)
        {
            csv.Append(Row("张三", IdNumber(i % 1000), $"JZ-{i:00000}"));
        }

        var result = await ImportAsync(Utf8(csv.ToString()), "officers.csv");

        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("5000");
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task FileOver5MB_IsRejected()
    {
        var result = await ImportAsync(new MemoryStream(new byte[(5 * 1024 * 1024) + 1]), "officers.csv");

        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("5 MB");
    }

    [Fact]
    public async Task CallerWithoutWriteAccess_GetsDomainRuleException_AndNothingIsSaved()
    {
        await using var db = NewContext();
        var import = new OfficerImport(db, TimeProvider.System);

        var ex = await Should.ThrowAsync<DomainRuleException>(() =>
            import.ImportAsync(Reader, AgencyA, Utf8(Header + Row("张三", IdNumber(1), "JZ-0001")), "officers.csv", CancellationToken.None));

        ex.RuleId.ShouldBe("AUTH-ROLE");
        (await CountAsync()).ShouldBe(0);
    }
}
