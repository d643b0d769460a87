using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Sanxiang.Documents.Tabular;

/// <summary>The file formats of imports and exports.</summary>
public enum TabularFormat
{
    Csv = 1,
    Xlsx = 2,
}

/// <summary>
/// Writes rows under a header as CSV (UTF-8 with BOM, so that Excel shows Chinese correctly) or as .xlsx
/// (shared strings; <see cref="DateOnly"/> values as date cells formatted yyyy-mm-dd; bools as 是/否).
/// </summary>
public static class TabularWriter
{
    private const uint DateStyle = 1;

    public static byte[] Write(TabularFormat format, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) =>
        format == TabularFormat.Xlsx ? WriteXlsx(sheetName, headers, rows) : WriteCsv(headers, rows);

    /// <summary>Text a spreadsheet would run as a formula (CSV injection); such cells get a leading apostrophe in CSV.</summary>
    public static bool IsFormulaLike(ReadOnlySpan<char> text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static byte[] WriteCsv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var options = new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
            InjectionEscape = '\'',
        };
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteRecord([.. headers]);
            foreach (var row in rows)
            {
                csv.WriteRecord([.. row.Select(Text)]);
            }
        }

        return stream.ToArray();
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static byte[] WriteXlsx(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var strings = new SharedStrings();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint line = 1;
            data.Append(XlsxRow(line, headers.Cast<object?>().ToList(), strings));
            foreach (var row in rows)
            {
                data.Append(XlsxRow(++line, row, strings));
            }

            var columns = new Columns(headers.Select((h, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Max(12, h.Length * 4), CustomWidth = true }));
            worksheet.Worksheet = new Worksheet(columns, data);
            var table = workbook.AddNewPart<SharedStringTablePart>();
            table.SharedStringTable = strings.ToTable();
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = sheetName }));
        }

        return stream.ToArray();
    }

    private static Row XlsxRow(uint line, IReadOnlyList<object?> values, SharedStrings strings)
    {
        var row = new Row { RowIndex = line };
        for (var i = 0; i < values.Count; i++)
        {
            var reference = ColumnName(i) + line.ToString(CultureInfo.InvariantCulture);
            var cell = values[i] switch
            {
                null => null,
                DateOnly d => new Cell
                {
                    CellReference = reference,
                    StyleIndex = DateStyle,
                    CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
                },
                int or long or double => new Cell { CellReference = reference, CellValue = new CellValue(Text(values[i])) },
                var other => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.SharedString,
                    CellValue = new CellValue(strings.IndexOf(Text(other)).ToString(CultureInfo.InvariantCulture)),
                },
            };
            if (cell is not null)
            {
                row.Append(cell);
            }
        }

        return row;
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" })) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 2 });

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _items = [];

        public int IndexOf(string text)
        {
            if (!_index.TryGetValue(text, out var i))
            {
                i = _items.Count;
                _index.Add(text, i);
                _items.Add(text);
            }

            return i;
        }

        public SharedStringTable ToTable() => new(_items.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
        {
            Count = (uint)_items.Count,
            UniqueCount = (uint)_items.Count,
        };
    }
}
