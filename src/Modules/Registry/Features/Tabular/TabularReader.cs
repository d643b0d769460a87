using System.Globalization;
using System.Text;
using CsvHelper;
using Sanxiang.Documents.Tabular;

namespace Sanxiang.Registry.Features.Tabular;

/// <summary>
/// Reads an uploaded .csv or .xlsx file into rows under a header of Chinese column names. The whole file is
/// checked before anything is imported: size, format, encoding, header and row count. Any problem throws a
/// <see cref="TabularFileException"/> with a Chinese message.
/// </summary>
internal static class TabularReader
{
    public const int MaxRows = 5000;
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Columns a row may have and characters a cell may hold (no import has more than 20 columns of short text).</summary>
    public const int MaxColumns = 200;
    public const int MaxCellChars = 4000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="ignored">Columns that exports add for readers (e.g. the effective certificate status) and imports skip.</param>
    public static async Task<TabularSheet> ReadAsync(Stream content, string? fileName, IReadOnlyList<string> headers, CancellationToken ct, IReadOnlyList<string>? ignored = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        if (string.Equals(extension, ".xls", StringComparison.Ordinal))
        {
            throw new TabularFileException(0, "不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）后再导入");
        }

        if (extension is not (".csv" or ".xlsx"))
        {
            throw new TabularFileException(0, "仅支持导入 .csv 或 .xlsx 文件");
        }

        var bytes = await ReadLimitedAsync(content, ct);
        if (bytes.Length == 0)
        {
            throw new TabularFileException(0, "文件为空");
        }

        var rows = string.Equals(extension, ".csv", StringComparison.Ordinal) ? ReadCsv(bytes) : XlsxReader.Read(bytes, MaxRows + 1);
        return Shape(rows, headers, ignored ?? []);
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > MaxBytes)
            {
                throw new TabularFileException(0, $"文件超过 {MaxBytes / 1024 / 1024} MB 的上限，请拆分后分批导入");
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }

    internal static TabularFileException TooWide(int line) => new(line, $"第{line}行超过 {MaxColumns} 列的上限，请检查文件");

    internal static TabularFileException TooLong(int line) => new(line, $"第{line}行有单元格超过 {MaxCellChars} 个字符的上限，请检查文件");

    private static List<TabularRow> ReadCsv(byte[] bytes)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
        };
        var rows = new List<TabularRow>();
        try
        {
            using var reader = CsvReader.FromText(Decode(bytes), options);
            while (reader.Read())
            {
                if (reader.FieldCount > MaxColumns)
                {
                    throw TooWide((int)reader.LineNumber);
                }

                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = Unprotect(reader.GetString(i));
                    if (cells[i].Length > MaxCellChars)
                    {
                        throw TooLong((int)reader.LineNumber);
                    }
                }

                var row = new TabularRow((int)reader.LineNumber, cells);
                if (row.IsBlank)
                {
                    continue;
                }

                if (rows.Count >= MaxRows + 1)
                {
                    throw TooManyRows();
                }

                rows.Add(row);
            }
        }
        catch (CsvFormatException e)
        {
            throw new TabularFileException((int)e.LineNumber, "CSV 格式错误：引号不配对或字段中有多余的引号（含逗号、引号或换行的内容须整体用英文双引号括起，内部的双引号写作两个）");
        }

        return rows;
    }

    /// <summary>UTF-8 (with or without BOM), UTF-16 with BOM, otherwise GB18030 (a superset of GBK, as saved by Chinese Excel).</summary>
    private static string Decode(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return DecodeUtf8(bytes.AsSpan(3));
        }

        if (bytes is [0xFF, 0xFE, ..])
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes is [0xFE, 0xFF, ..])
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)
                ?? throw new TabularFileException(0, "文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8”后再导入");
            return gb18030.GetString(bytes);
        }
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new TabularFileException(0, "文件声明为 UTF-8 编码，但含有无效字符，请重新保存后再导入");
        }
    }

    /// <summary>Undoes the apostrophe that <see cref="TabularWriter"/> puts before text that a spreadsheet would run as a formula.</summary>
    internal static string Unprotect(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && TabularWriter.IsFormulaLike(cell.AsSpan(1)) ? cell[1..] : cell;

    internal static TabularFileException TooManyRows() =>
        new(0, $"数据行超过 {MaxRows} 行的上限，请拆分后分批导入");

    private static TabularSheet Shape(List<TabularRow> rows, IReadOnlyList<string> headers, IReadOnlyList<string> ignored)
    {
        var data = rows.Where(r => !r.IsBlank).ToList();
        if (data.Count == 0)
        {
            throw new TabularFileException(0, "文件为空");
        }

        var header = data[0];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<ImportError>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var name = header.Cells[i].Trim().Trim('\uFEFF');
            if (name.Length == 0 || ignored.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            if (!headers.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(new ImportError(header.Line, name, $"未知的列“{name}”；应有的列为：{string.Join("、", headers)}"));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new ImportError(header.Line, name, $"列“{name}”重复出现"));
            }
        }

        foreach (var missing in headers.Where(h => !columns.ContainsKey(h)))
        {
            errors.Add(new ImportError(header.Line, missing, $"缺少列“{missing}”（第一行须为表头：{string.Join("、", headers)}）"));
        }

        if (errors.Count > 0)
        {
            throw new TabularFileException(errors);
        }

        var body = data.Skip(1).ToList();
        if (body.Count == 0)
        {
            throw new TabularFileException(0, "文件中只有表头，没有数据行");
        }

        if (body.Count > MaxRows)
        {
            throw TooManyRows();
        }

        var width = header.Cells.Count;
        var extra = body.Where(r => r.Cells.Skip(width).Any(c => !string.IsNullOrWhiteSpace(c)))
            .Select(r => new ImportError(r.Line, string.Empty, "该行的列数多于表头，请检查是否有多余的逗号或未加引号的内容"))
            .ToList();
        if (extra.Count > 0)
        {
            throw new TabularFileException(extra);
        }

        return new TabularSheet(columns, body);
    }
}
