using Sanxiang.Documents.Tabular;

namespace Sanxiang.Registry.Features.Tabular;

/// <summary>
/// The outcome of an import: either every row was applied (<see cref="Errors"/> is empty) or none was.
/// </summary>
internal sealed record ImportResult(int Imported, IReadOnlyList<ImportError> Errors)
{
    public bool Applied => Errors.Count == 0;

    internal static ImportResult Rejected(IReadOnlyList<ImportError> errors) => new(0, errors);
}

/// <summary>
/// One rejected cell or row. <see cref="Line"/> is the 1-based line (or worksheet row) in the file, the header
/// being line 1; 0 means the file as a whole. <see cref="Column"/> is the Chinese header name, or empty.
/// </summary>
internal sealed record ImportError(int Line, string Column, string Message);

/// <summary>An exported file, ready to be sent to the browser.</summary>
internal sealed record ExportFile(byte[] Content, string ContentType, string FileName);

internal static class TabularFormats
{
    public const string CsvContentType = "text/csv";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Parses "csv" or "xlsx" (any case, with or without a dot); empty means CSV.</summary>
    public static bool TryParse(string? text, out TabularFormat format)
    {
        var t = (text ?? string.Empty).Trim().TrimStart('.');
        if (t.Length == 0 || string.Equals(t, "csv", StringComparison.OrdinalIgnoreCase))
        {
            format = TabularFormat.Csv;
            return true;
        }

        if (string.Equals(t, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            format = TabularFormat.Xlsx;
            return true;
        }

        format = default;
        return false;
    }

    public static string ContentType(TabularFormat format) => format == TabularFormat.Xlsx ? XlsxContentType : CsvContentType;

    public static string Extension(TabularFormat format) => format == TabularFormat.Xlsx ? ".xlsx" : ".csv";
}
