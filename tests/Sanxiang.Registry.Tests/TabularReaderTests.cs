using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Sanxiang.Documents.Tabular;
using Sanxiang.Registry.Features.Tabular;

namespace Sanxiang.Registry.Tests;

public sealed class TabularReaderTests
{
    private static readonly string[] Columns = ["编码", "名称"];

    private static Task<TabularSheet> ReadAsync(byte[] content, string fileName) =>
        TabularReader.ReadAsync(new MemoryStream(content), fileName, Columns, CancellationToken.None);

    [Fact]
    public async Task CsvLineNumbers_CountBlankLinesAndLineBreaksInQuotes()
    {
        var sheet = await ReadAsync(System.Text.Encoding.UTF8.GetBytes("名称,编码\r\nA,\"第一行\n第二行\"\r\n\r\nB,二\r\n"), "x.csv");

        sheet.Rows.Select(r => r.Line).ShouldBe([2, 5]);
        sheet.Cell(sheet.Rows[0], "名称").ShouldBe("A");
        sheet.Cell(sheet.Rows[0], "编码").ShouldBe("第一行\n第二行");
    }

    [Fact]
    public async Task StrayQuote_IsRejectedWithItsLine()
    {
        var ex = await Should.ThrowAsync<TabularFileException>(() => ReadAsync(System.Text.Encoding.UTF8.GetBytes("编码,名称\n1,好\n2,a\"b\n"), "x.csv"));

        ex.Errors.ShouldHaveSingleItem().Line.ShouldBe(3);
    }

    [Fact]
    public async Task RowWiderThanHeader_IsRejected()
    {
        var ex = await Should.ThrowAsync<TabularFileException>(() => ReadAsync(System.Text.Encoding.UTF8.GetBytes("编码,名称\n1,好,多余\n"), "x.csv"));

        ex.Errors.ShouldHaveSingleItem().Line.ShouldBe(2);
    }

    [Fact]
    public async Task Xlsx_InlineStringsNumbersBooleansAndGaps_AreRead()
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            worksheet.Worksheet = new Worksheet(new SheetData(
                new Row(Inline("A1", "编码"), Inline("B1", "名称")) { RowIndex = 1 },
                new Row(new Cell { CellReference = "A3", CellValue = new CellValue("42") }, new Cell { CellReference = "B3", DataType = CellValues.Boolean, CellValue = new CellValue("1") }) { RowIndex = 3 },
                new Row(Inline("B4", "只有名称")) { RowIndex = 4 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Sheet1" }));
        }

        var sheet = await ReadAsync(stream.ToArray(), "x.xlsx");

        sheet.Rows.Select(r => (r.Line, sheet.Cell(r, "编码"), sheet.Cell(r, "名称"))).ShouldBe([(3, "42", "TRUE"), (4, "", "只有名称")]);
    }

    /// <summary>
    /// Issue 15: a small .xlsx whose shared strings inflate to 30 MB (a zip bomb) is refused with a Chinese message in
    /// under a second, and reading it allocates less than 64 MiB. So is a CSV with an endless cell or too many columns.
    /// </summary>
    [Fact]
    public async Task AZipBomb_IsRefusedQuickly_WithoutGrowingMemory()
    {
        var bomb = Bomb(30 * 1024 * 1024);
        bomb.Length.ShouldBeLessThan(200 * 1024, "the bomb is small on the wire");
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var e = await Should.ThrowAsync<TabularFileException>(() => ReadAsync(bomb, "bomb.xlsx"));
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        e.Message.ShouldContain("压缩炸弹");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
        allocated.ShouldBeLessThan(64L * 1024 * 1024);

        // Compressed only about four times but 9 Mi characters of shared strings: streamed and capped at 8 Mi characters.
        var big = Bomb(9 * 1024 * 1024, random: true);
        (await Should.ThrowAsync<TabularFileException>(() => ReadAsync(big, "big.xlsx"))).Message.ShouldContain("压缩炸弹");

        var wide = System.Text.Encoding.UTF8.GetBytes("编码,名称\n" + string.Join(',', Enumerable.Repeat("x", 300)) + "\n");
        (await Should.ThrowAsync<TabularFileException>(() => ReadAsync(wide, "wide.csv"))).Message.ShouldContain("列的上限");
        var longCell = System.Text.Encoding.UTF8.GetBytes("编码,名称\nA," + new string('长', 5000) + "\n");
        (await Should.ThrowAsync<TabularFileException>(() => ReadAsync(longCell, "long.csv"))).Message.ShouldContain("字符的上限");
    }

    /// <summary>A workbook whose shared string table holds <paramref name="chars"/> characters (repeated, or random letters).</summary>
    private static byte[] Bomb(int chars, bool random = false)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            var rng = new Random(42);
            var text = random ? new string([.. Enumerable.Range(0, chars).Select(_ => (char)('a' + rng.Next(4)))]) : new string('炸', chars / 3);
            strings.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text(text)));
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            worksheet.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") }) { RowIndex = 1 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Sheet1" }));
        }

        return stream.ToArray();
    }

    [Fact]
    public async Task XlsxWriterOutput_ReadsBackWithDatesAndFormulaLikeText()
    {
        var bytes = TabularWriter.Write(TabularFormat.Xlsx, "表", Columns, [["=1+1", new DateOnly(2026, 11, 22)], [null, true]]);

        var sheet = await ReadAsync(bytes, "x.xlsx");

        sheet.Rows.Select(r => r.Cells.ToArray()).ShouldBe([["=1+1", "2026-11-22"], ["", "是"]]);
    }

    private static Cell Inline(string reference, string text) =>
        new(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString };
}
