namespace Sanxiang.Registry.Features.Tabular;

/// <summary>Collects the rejected cells of an import and reports them by line, then in column order.</summary>
internal sealed class ImportErrorList(IReadOnlyList<string> columns)
{
    private readonly List<ImportError> _errors = [];

    public int Count => _errors.Count;

    public void Add(int line, string column, string message) => _errors.Add(new ImportError(line, column, message));

    /// <summary>Reports keys (certificate numbers, codes) that occur on more than one line; the first occurrence stays valid.</summary>
    public void AddDuplicates(IEnumerable<(int Line, string Key)> keys, string column, Func<string, int, string> message)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, key) in keys)
        {
            if (key.Length > 0 && !first.TryAdd(key, line))
            {
                Add(line, column, message(key, first[key]));
            }
        }
    }

    public IReadOnlyList<ImportError> Sorted()
    {
        var order = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i + 1, StringComparer.Ordinal);
        return [.. _errors.OrderBy(e => e.Line).ThenBy(e => order.GetValueOrDefault(e.Column))];
    }

    /// <summary>Reads a required date cell; reports an empty or unreadable one.</summary>
    public bool TryDate(TabularSheet sheet, TabularRow row, string column, out DateOnly date)
    {
        var text = sheet.Cell(row, column);
        if (text.Length == 0)
        {
            Add(row.Line, column, $"{column}不能为空");
            date = default;
            return false;
        }

        if (!CellText.TryDate(text, out date))
        {
            Add(row.Line, column, $"{column}“{text}”无法识别，{CellText.DateHint}");
            return false;
        }

        return true;
    }

    /// <summary>Reads a 是/否 cell (empty means 否); reports anything else.</summary>
    public bool Flag(TabularSheet sheet, TabularRow row, string column)
    {
        var text = sheet.Cell(row, column);
        if (!CellText.TryFlag(text, out var value))
        {
            Add(row.Line, column, $"{column}应填“是”或“否”，现为“{text}”");
        }

        return value;
    }
}
