using Sanxiang.Documents.Tabular;
using Sanxiang.Registry.Features.Officers;
using Sanxiang.Registry.Features.Tabular;

namespace Sanxiang.Registry.Tests;

public sealed class OfficerExportTests : RegistryDbTest
{
    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task OfficerExport_MasksIdNumbers_AndShowsTheEffectiveStatus_REG1(string formatName)
    {
        TabularFormats.TryParse(formatName, out var format).ShouldBeTrue();
        var id = IdNumber(7);
        var csv = "姓名,身份证号,执法证号,执法领域,发证日期,有效期至,辅助人员,法律职业资格\n"
            + $"张三,{id},JZ-0001,市场监管、食品安全,2024-01-15,2029-01-14,否,是\n"
            + $"李四,{IdNumber(8)},JZ-0002,市场监管,2015-01-15,2020-01-14,否,否\n";
        await using (var db = NewContext())
        {
            (await new OfficerImport(db, TimeProvider.System).ImportAsync(Writer, AgencyA, Utf8(csv), "officers.csv", CancellationToken.None)).Imported.ShouldBe(2);
        }

        ExportFile file;
        await using (var db = NewContext())
        {
            file = await new OfficerExport(db, TimeProvider.System).ExportAsync(Writer, AgencyA, format, CancellationToken.None);
        }

        var sheet = await TabularReader.ReadAsync(new MemoryStream(file.Content), file.FileName, [.. OfficerColumns.All, .. OfficerColumns.ExportOnly], CancellationToken.None);
        sheet.Rows.Count.ShouldBe(2);
        var row = sheet.Rows[0];
        row.Cells.Take(8).ShouldBe(["张三", id[..4] + "**********" + id[^4..], "JZ-0001", "市场监管、食品安全", "2024-01-15", "2029-01-14", "否", "是"]);
        row.Cells[9].ShouldBe("有效");
        sheet.Rows[1].Cells[9].ShouldBe("已过期");
        System.Text.Encoding.UTF8.GetString(file.Content).ShouldNotContain(id);
        file.FileName.ShouldStartWith("officers-");
    }

    [Fact]
    public async Task ReimportOfAnOfficerExport_IsRejected_BecauseIdNumbersAreMasked()
    {
        var csv = "姓名,身份证号,执法证号,执法领域,发证日期,有效期至,辅助人员,法律职业资格\n张三," + IdNumber(7) + ",JZ-0001,市场监管,2024-01-15,2029-01-14,否,是\n";
        await using var db = NewContext();
        await new OfficerImport(db, TimeProvider.System).ImportAsync(Writer, AgencyA, Utf8(csv), "officers.csv", CancellationToken.None);
        var file = await new OfficerExport(db, TimeProvider.System).ExportAsync(Writer, null, TabularFormat.Csv, CancellationToken.None);

        var result = await new OfficerImport(db, TimeProvider.System).ImportAsync(Writer, AgencyB, new MemoryStream(file.Content), file.FileName, CancellationToken.None);

        result.Errors.Select(e => e.Column).ShouldBe(["身份证号", "执法证号"]);
    }

    [Fact]
    public async Task AnExportWithFullIdNumbers_ReimportsCleanly_TheExportOnlyColumnsAreSkipped()
    {
        var csv = "姓名,身份证号,执法证号,执法领域,发证日期,有效期至,辅助人员,法律职业资格,所属机构,证件状态\n"
            + $"王五,{IdNumber(9)},JZ-0009,市场监管,2024-01-15,2029-01-14,否,否,任意机构名,已过期\n";
        await using var db = NewContext();
        var result = await new OfficerImport(db, TimeProvider.System).ImportAsync(Writer, AgencyA, Utf8(csv), "officers.csv", CancellationToken.None);
        result.Errors.ShouldBeEmpty();
        result.Imported.ShouldBe(1);
    }
}
