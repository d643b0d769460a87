using System.ComponentModel.DataAnnotations;

namespace Sanxiang.Documents;

/// <summary>Settings of the <c>Documents</c> configuration section.</summary>
public sealed class DocumentRenderingOptions
{
    public const string Section = "Documents";

    /// <summary>The Chromium executable that prints PDFs (Debian's package by default).</summary>
    [Required]
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How many PDFs are printed at once (each on its own page of the one browser); more requests wait.</summary>
    [Range(1, 32)]
    public int MaxConcurrentPdf { get; set; } = 2;

    /// <summary>The longest one PDF may take, waiting for a free slot included.</summary>
    [Range(1, 600)]
    public int PdfTimeoutSeconds { get; set; } = 60;

    /// <summary>The longest starting the browser may take.</summary>
    [Range(1, 600)]
    public int LaunchTimeoutSeconds { get; set; } = 60;
}
