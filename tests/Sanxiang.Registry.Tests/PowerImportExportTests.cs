using Microsoft.EntityFrameworkCore;
using Sanxiang.Documents.Tabular;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Features.Powers;
using Sanxiang.Registry.Features.Tabular;

namespace Sanxiang.Registry.Tests;

public sealed class PowerImportExportTests : RegistryDbTest
{
    private const string Header = "权力编码,权力名称,权力类别,法律依据,条款,执法领域,生效日期\n";

    private const string Powers = Header
        + "CF-001,对销售不合格产品的处罚,行政处罚,《中华人民共和国产品质量法》,第四十九条,市场监管,2024-01-01\n"
        + "QZ-001,查封扣押,行政强制,《中华人民共和国行政强制法》,\"第九条, 第二十二条\",市场监管,2023/7/1\n"
        + "JC-001,\"=对经营场所的检查\",Inspection,《市场监督管理行政处罚程序规定》,第二十条,市场监管,2022-05-20\n";

    private async Task<ImportResult> ImportAsync(Stream file, string fileName, Guid agency)
    {
        await using var db = NewContext();
        return await new PowerImport(db, TimeProvider.System).ImportAsync(Writer, agency, file, fileName, CancellationToken.None);
    }

    private async Task<ExportFile> ExportAsync(Guid? agency, TabularFormat format)
    {
        await using var db = NewContext();
        return await new PowerExport(db, TimeProvider.System).ExportAsync(Writer, agency, format, CancellationToken.None);
    }

    private static async Task<List<string[]>> ReadAsync(ExportFile file) =>
        [.. (await TabularReader.ReadAsync(new MemoryStream(file.Content), file.FileName, PowerColumns.All, CancellationToken.None))
            .Rows.Select(r => r.Cells.ToArray())];

    [Fact]
    public async Task ValidCsv_CreatesPowersWithFirstVersion()
    {
        var result = await ImportAsync(Utf8(Powers), "powers.csv", AgencyA);

        result.ShouldBe(new ImportResult(3, []), new ImportResultComparer());
        await using var db = NewContext();
        var power = await db.Powers.Include(p => p.Versions).SingleAsync(p => p.Code == "QZ-001");
        power.Category.ShouldBe(PowerCategory.Coercion);
        power.CurrentVersion.ShouldBe(1);
        power.Versions.Single().LegalBasisArticle.ShouldBe("第九条, 第二十二条");
        power.Versions.Single().EffectiveFrom.ShouldBe(new DateOnly(2023, 7, 1));
        (await db.Powers.SingleAsync(p => p.Code == "JC-001")).Category.ShouldBe(PowerCategory.Inspection);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task ExportThenReimport_RoundTrips(string formatName)
    {
        TabularFormats.TryParse(formatName, out var format).ShouldBeTrue();
        (await ImportAsync(Utf8(Powers), "powers.csv", AgencyA)).Imported.ShouldBe(3);

        var exported = await ExportAsync(AgencyA, format);
        var reimported = await ImportAsync(new MemoryStream(exported.Content), exported.FileName, AgencyB);

        reimported.Errors.ShouldBeEmpty();
        reimported.Imported.ShouldBe(3);
        var again = await ExportAsync(AgencyB, format);
        (await ReadAsync(again)).ShouldBe(await ReadAsync(exported));
        (await ReadAsync(again))[1].ShouldBe(["JC-001", "=对经营场所的检查", "行政检查", "《市场监督管理行政处罚程序规定》", "第二十条", "市场监管", "2022-05-20"]);
        exported.FileName.ShouldStartWith("powers-");
        exported.FileName.ShouldEndWith(format == TabularFormat.Xlsx ? ".xlsx" : ".csv");
        exported.ContentType.ShouldBe(TabularFormats.ContentType(format));
    }

    [Fact]
    public async Task CsvExport_HasBom_AndEscapesFormulas()
    {
        await ImportAsync(Utf8(Powers), "powers.csv", AgencyA);

        var exported = await ExportAsync(null, TabularFormat.Csv);

        exported.Content[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = System.Text.Encoding.UTF8.GetString(exported.Content.AsSpan(3));
        text.ShouldStartWith("权力编码,权力名称,权力类别,法律依据,条款,执法领域,生效日期\r\n");
        text.ShouldContain("'=对经营场所的检查");
    }

    [Fact]
    public async Task ExportedPowers_ShowTheCurrentVersion()
    {
        await ImportAsync(Utf8(Powers), "powers.csv", AgencyA);
        await using (var db = NewContext())
        {
            var power = await db.Powers.Include(p => p.Versions).Include(p => p.Benchmark).AsTracking().SingleAsync(p => p.Code == "CF-001");
            power.Revise(new("对生产销售不合格产品的处罚", PowerCategory.Penalty, "《中华人民共和国产品质量法》", "第五十条", "市场监管", new DateOnly(2025, 1, 1), "法律修订"));
            await db.SaveChangesAsync();
        }

        var rows = await ReadAsync(await ExportAsync(AgencyA, TabularFormat.Xlsx));

        rows[0].ShouldBe(["CF-001", "对生产销售不合格产品的处罚", "行政处罚", "《中华人民共和国产品质量法》", "第五十条", "市场监管", "2025-01-01"]);
    }

    [Fact]
    public async Task DuplicateCodes_InFileAndInAgency_AreRejected_ButOtherAgenciesMayReuseACode()
    {
        (await ImportAsync(Utf8(Header + "CF-001,处罚甲,行政处罚,某法,第一条,市场监管,2024-01-01\n"), "powers.csv", AgencyB)).Imported.ShouldBe(1);
        (await ImportAsync(Utf8(Header + "CF-001,处罚甲,行政处罚,某法,第一条,市场监管,2024-01-01\n"), "powers.csv", AgencyA)).Imported.ShouldBe(1);

        var result = await ImportAsync(Utf8(Header
            + "CF-002,处罚乙,行政处罚,某法,第二条,市场监管,2024-01-01\n"
            + "CF-002,处罚丙,行政处罚,某法,第三条,市场监管,2024-01-01\n"
            + "CF-001,处罚丁,行政处罚,某法,第四条,市场监管,2024-01-01\n"), "powers.csv", AgencyA);

        result.Errors.ShouldBe(
        [
            new ImportError(3, "权力编码", "权力编码“CF-002”与第2行重复"),
            new ImportError(4, "权力编码", "本机构已有编码为“CF-001”的权力，不能重复"),
        ]);
        await using var db = NewContext();
        (await db.Powers.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task BadCategoryMissingFieldsAndBadDate_AreReportedPerCell()
    {
        var result = await ImportAsync(Utf8(Header
            + ",处罚甲,行政审批,某法,第一条,市场监管,2024-13-01\n"
            + "CF-002,处罚乙,,,第二条," + new string('域', 21) + ",2024-01-01\n"), "powers.csv", AgencyA);

        result.Errors.Select(e => (e.Line, e.Column)).ShouldBe(
        [
            (2, "权力编码"), (2, "权力类别"), (2, "生效日期"),
            (3, "权力类别"), (3, "法律依据"), (3, "执法领域"),
        ]);
        result.Errors[1].Message.ShouldContain("行政处罚");
        result.Errors[5].Message.ShouldBe("执法领域不能超过20个字符（现为21个）");
    }

    [Fact]
    public async Task CallerWithoutWriteAccess_GetsDomainRuleException_AndNothingIsSaved()
    {
        await using var db = NewContext();

        await Should.ThrowAsync<DomainRuleException>(() =>
            new PowerImport(db, TimeProvider.System).ImportAsync(Reader, AgencyA, Utf8(Powers), "powers.csv", CancellationToken.None));

        (await db.Powers.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ExportOfAnAgencyOutsideTheScope_IsNotFound()
    {
        await using var db = NewContext();

        await Should.ThrowAsync<NotFoundException>(() =>
            new PowerExport(db, TimeProvider.System).ExportAsync(Writer, Guid.CreateVersion7(), TabularFormat.Csv, CancellationToken.None));
    }

    private sealed class ImportResultComparer : IEqualityComparer<ImportResult>
    {
        public bool Equals(ImportResult? x, ImportResult? y) => x!.Imported == y!.Imported && x.Errors.SequenceEqual(y.Errors);

        public int GetHashCode(ImportResult obj) => obj.Imported;
    }
}
