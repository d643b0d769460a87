namespace Sanxiang.Registry.Features.Tabular;

/// <summary>One line of a file: its 1-based line number (worksheet row number for .xlsx) and its cells.</summary>
internal sealed record TabularRow(int Line, IReadOnlyList<string> Cells)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>A file whose header matched the expected columns: its data rows, addressed by header name.</summary>
internal sealed class TabularSheet(IReadOnlyDictionary<string, int> columns, IReadOnlyList<TabularRow> rows)
{
    public IReadOnlyList<TabularRow> Rows => rows;

    /// <summary>The trimmed text of a cell ("" when the row is shorter than the header).</summary>
    public string Cell(TabularRow row, string column)
    {
        var i = columns[column];
        return i < row.Cells.Count ? row.Cells[i].Trim() : string.Empty;
    }
}

/// <summary>The file cannot be read at all (format, encoding, size, header); nothing is imported.</summary>
internal sealed class TabularFileException : Exception
{
    public TabularFileException(IReadOnlyList<ImportError> errors)
        : base(string.Join("；", errors.Select(e => e.Message)))
    {
        Errors = errors;
    }

    public TabularFileException(int line, string message)
        : this([new ImportError(line, string.Empty, message)])
    {
    }

    public TabularFileException()
        : this(0, "文件无法读取")
    {
    }

    public TabularFileException(string message)
        : this(0, message)
    {
    }

    public TabularFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ImportError(0, string.Empty, message)];
    }

    public IReadOnlyList<ImportError> Errors { get; }
}
