namespace Sanxiang.Cases.Contracts;

/// <summary>Options of the documents (also the Reviews module's opinions): the public address the verification QR code points to.</summary>
public sealed class CaseDocumentOptions
{
    public const string Section = "Cases:Documents";

    /// <summary>The public site's base address; the QR code leads to {PublicBaseUrl}/verify?sha256=….</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
}
