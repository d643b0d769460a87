namespace Sanxiang.Documents;

/// <summary>A rendered document as a download: its bytes, content type and file name.</summary>
public sealed record DocumentFile(byte[] Bytes, string ContentType, string FileName)
{
    /// <summary>
    /// The document in one of the three formats, "html", "pdf" (printed by <paramref name="pdf"/>) or "docx", named
    /// <paramref name="name"/> plus the extension; null for any other format.
    /// </summary>
    public static async Task<DocumentFile?> RenderAsync(OfficialDocument document, string format, string name, PdfPrinter pdf, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        return format switch
        {
            "html" => new DocumentFile(System.Text.Encoding.UTF8.GetBytes(HtmlDocumentRenderer.Render(document)), "text/html; charset=utf-8", $"{name}.html"),
            "pdf" => new DocumentFile(await pdf.PrintAsync(document, ct), "application/pdf", $"{name}.pdf"),
            "docx" => new DocumentFile(DocxDocumentRenderer.Render(document), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{name}.docx"),
            _ => null,
        };
    }
}
