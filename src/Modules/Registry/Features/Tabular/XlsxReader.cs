using System.Globalization;
using System.IO.Packaging;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Sanxiang.Registry.Features.Tabular;

/// <summary>
/// Reads the first worksheet of an .xlsx file row by row (SAX, so a large sheet is not loaded at once):
/// shared strings, inline strings, numbers, booleans and dates stored as OADate serials under a date format.
/// Before anything is decompressed, the zip's directory is checked (issue 15, zip bombs): at most
/// <see cref="MaxParts"/> parts, each at most <see cref="MaxPartBytes"/> and all together <see cref="MaxTotalBytes"/>
/// uncompressed, none compressed more than <see cref="MaxRatio"/> times; shared strings are streamed with a cap.
/// </summary>
internal static class XlsxReader
{
    public const int MaxParts = 200;
    public const long MaxPartBytes = 32L * 1024 * 1024;
    public const long MaxTotalBytes = 64L * 1024 * 1024;
    public const int MaxRatio = 100;
    public const long MaxSharedStringChars = 8L * 1024 * 1024;

    private const string NotXlsx = "不是有效的 .xlsx 文件（文件可能已损坏，或是改了扩展名的其他格式文件）";
    private const string Bomb = "Excel 文件解压后过大或压缩比异常（可能是“压缩炸弹”），已拒绝导入；请另存为普通 .xlsx 或 CSV 后再试";

    public static List<TabularRow> Read(byte[] bytes, int maxNonBlankRows)
    {
        CheckArchive(bytes);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = doc.WorkbookPart ?? throw new TabularFileException(0, NotXlsx);
            var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart worksheet)
            {
                throw new TabularFileException(0, "Excel 文件中没有工作表");
            }

            var strings = SharedStrings(workbook);
            var dateStyles = DateStyles(workbook);
            return ReadRows(worksheet, strings, dateStyles, maxNonBlankRows);
        }
        catch (Exception e) when (e is FileFormatException or InvalidDataException or OpenXmlPackageException or XmlException or IOException or InvalidOperationException or ArgumentException)
        {
            throw new TabularFileException(NotXlsx, e);
        }
    }

    /// <summary>Checks the zip's central directory (sizes as declared; .NET refuses to inflate an entry past its declared size).</summary>
    private static void CheckArchive(byte[] bytes)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes, writable: false), System.IO.Compression.ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxParts)
            {
                throw new TabularFileException(0, Bomb);
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                var ratio = entry.CompressedLength == 0 ? (entry.Length == 0 ? 0 : double.PositiveInfinity) : (double)entry.Length / entry.CompressedLength;
                if (entry.Length > MaxPartBytes || total > MaxTotalBytes || (entry.Length > 1024 * 1024 && ratio > MaxRatio))
                {
                    throw new TabularFileException(0, Bomb);
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new TabularFileException(NotXlsx, e);
        }
    }

    private static List<TabularRow> ReadRows(WorksheetPart worksheet, List<string> strings, HashSet<uint> dateStyles, int maxNonBlankRows)
    {
        var rows = new List<TabularRow>();
        var nonBlank = 0;
        var lastLine = 0;
        using var reader = OpenXmlReader.Create(worksheet);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var line = row.RowIndex?.Value is { } r ? (int)r : lastLine + 1;
            lastLine = line;
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                if (column < cells.Count || column > 16383)
                {
                    column = cells.Count;
                }

                if (column >= TabularReader.MaxColumns)
                {
                    throw TabularReader.TooWide(line);
                }

                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                var text = CellText(cell, strings, dateStyles);
                if (text.Length > TabularReader.MaxCellChars)
                {
                    throw TabularReader.TooLong(line);
                }

                cells.Add(text);
            }

            var tabular = new TabularRow(line, cells);
            if (tabular.IsBlank)
            {
                continue;
            }

            if (++nonBlank > maxNonBlankRows)
            {
                throw TabularReader.TooManyRows();
            }

            rows.Add(tabular);
        }

        return rows;
    }

    private static string CellText(Cell cell, List<string> strings, HashSet<uint> dateStyles)
    {
        var value = cell.CellValue?.Text ?? string.Empty;
        switch (cell.DataType?.Value)
        {
            case CellValues.InlineString:
                return cell.InlineString is null ? string.Empty : RichText(cell.InlineString);
            case CellValues.SharedString:
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : string.Empty;
            case CellValues.Boolean:
                return string.Equals(value, "1", StringComparison.Ordinal) ? "TRUE" : "FALSE";
            case CellValues.Date:
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value;
            case CellValues.Number or null:
                var style = cell.StyleIndex?.Value ?? 0;
                if (dateStyles.Contains(style) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
                {
                    return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }

                return value;
            default:
                return value;
        }
    }

    /// <summary>"B12" → 1 (zero-based column).</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (c - 'A' + 1);
            if (index > 16384)
            {
                break;
            }
        }

        return index - 1;
    }

    /// <summary>The visible text of a string item: plain text or rich-text runs, without phonetic guides.</summary>
    private static string RichText(OpenXmlElement item)
    {
        var text = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is Text t)
            {
                text.Append(t.Text);
            }
            else if (child is Run run)
            {
                text.Append(run.Text?.Text);
            }
        }

        return text.ToString();
    }

    /// <summary>The shared strings, streamed item by item (never the whole part as a tree), at most <see cref="MaxSharedStringChars"/> characters.</summary>
    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var result = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return result;
        }

        long chars = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement)
            {
                continue;
            }

            var text = RichText(reader.LoadCurrentElement()!);
            chars += text.Length;
            if (chars > MaxSharedStringChars)
            {
                throw new TabularFileException(0, Bomb);
            }

            result.Add(text);
        }

        return result;
    }

    /// <summary>Indexes of cell formats that show a number as a date (built-in date formats, including the Chinese ones, or a custom y/d format).</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var result = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return result;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? string.Empty) ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            var isDate = id is (>= 14 and <= 17) or (>= 27 and <= 36) or (>= 50 and <= 58)
                || (custom.TryGetValue(id, out var code) && IsDateCode(code));
            if (isDate)
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    private static bool IsDateCode(string code)
    {
        var inQuotes = false;
        var inBrackets = false;
        foreach (var c in code)
        {
            switch (c)
            {
                case '"':
                    inQuotes = !inQuotes;
                    break;
                case '[' when !inQuotes:
                    inBrackets = true;
                    break;
                case ']' when !inQuotes:
                    inBrackets = false;
                    break;
                case 'y' or 'Y' or 'd' or 'D' when !inQuotes && !inBrackets:
                    return true;
            }
        }

        return false;
    }
}
