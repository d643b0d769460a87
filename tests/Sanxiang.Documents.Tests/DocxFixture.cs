namespace Sanxiang.Documents.Tests;

/// <summary>
/// The sample decision as .docx, converted to PDF once by LibreOffice (slow to start) with a profile of its own,
/// and that PDF's text.
/// </summary>
public sealed class DocxFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();

    public byte[] Docx { get; } = DocxDocumentRenderer.Render(SampleDocuments.PenaltyDecision());

    public string DocxFile => _dir.File("decision.docx");

    /// <summary>pdftotext of LibreOffice's PDF of the .docx.</summary>
    public string ConvertedText { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await File.WriteAllBytesAsync(DocxFile, Docx);
        var profile = new Uri(_dir.File("libreoffice-profile")).AbsoluteUri;
        var output = _dir.File("converted");
        await ExternalTool.RunAsync(
            "soffice",
            [$"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", output, DocxFile],
            timeoutSeconds: 300);
        var pdf = Path.Combine(output, "decision.pdf");
        File.Exists(pdf).ShouldBeTrue("LibreOffice wrote no PDF: it could not open the .docx");
        ConvertedText = await ExternalTool.PdfToTextAsync(await File.ReadAllBytesAsync(pdf));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _dir.Dispose();
}
