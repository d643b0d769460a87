using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Sanxiang.Documents.Tests;

/// <summary>One warm printer for the PDF tests (Debian's Chromium), and the sample decision printed once.</summary>
public sealed class PdfFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public PdfPrinter Printer { get; } = Create();

    public byte[] SamplePdf { get; private set; } = [];

    /// <summary>pdftotext of the sample.</summary>
    public string SampleText { get; private set; } = string.Empty;

    /// <summary>A printer of its own; the whole suite shares two cores, so the timeout is generous.</summary>
    public static PdfPrinter Create(string chromiumPath = Chromium, int maxConcurrent = 2) =>
        new(Options.Create(new DocumentRenderingOptions { ChromiumPath = chromiumPath, MaxConcurrentPdf = maxConcurrent, PdfTimeoutSeconds = 180, LaunchTimeoutSeconds = 180 }), NullLogger<PdfPrinter>.Instance);

    public async Task InitializeAsync()
    {
        SamplePdf = await Printer.PrintAsync(SampleDocuments.PenaltyDecision());
        SampleText = await ExternalTool.PdfToTextAsync(SamplePdf);
    }

    public async Task DisposeAsync() => await Printer.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<PdfFixture>
{
    /// <summary>Tests that start Chromium run one after another (they count its processes).</summary>
    public const string Name = "Chromium";
}
