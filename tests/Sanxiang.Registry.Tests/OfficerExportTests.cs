using Sanxiang.Registry.Features.Officers;
using Sanxiang.Registry.Features.Tabular;

namespace Sanxiang.Registry.Tests;

public sealed class OfficerExportTests : RegistryDbTest
{
    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task OfficerExport_MasksIdNumbers(string formatName)
    {
        TabularFormats.TryParse(formatName, out var format).ShouldBeTrue();
        var id = IdNumber(7);
        var csv = "姓名,身份证号,执法证号,执法领域,发证日期,有效期至,辅助人员,法律职业资格\n"
            + $"张三,{id},JZ-0001,市场监管、食品安全,2024-01-15,2029-01-14,否,是\n";
        await using (var db = NewContext())
        {
            (await new OfficerImport(db, TimeProvider.System).ImportAsync(Writer, AgencyA, Utf8(csv), "officers.csv", CancellationToken.None)).Imported.ShouldBe(1);
        }

        ExportFile file;
        await using (var db = NewContext())
        {
            file = await new OfficerExport(db, TimeProvider.System).ExportAsync(Writer, AgencyA, format, CancellationToken.None);
        }

        var sheet = await TabularReader.ReadAsync(new MemoryStream(file.Content), file.FileName, OfficerColumns.All, CancellationToken.None);
        var row = sheet.Rows.ShouldHaveSingleItem();
        row.Cells.ShouldBe(["张三", id[..4] + "**********" + id[^4..], "JZ-0001", "市场监管、食品安全", "2024-01-15", "2029-01-14", "否", "是"]);
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
}
