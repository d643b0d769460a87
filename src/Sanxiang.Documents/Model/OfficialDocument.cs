using System.Collections.Immutable;

namespace Sanxiang.Documents;

/// <summary>
/// One official enforcement document (执法文书) as data: what every renderer (HTML, PDF, .docx) draws and what
/// <see cref="CanonicalForm"/> hashes. Immutable; blocks are drawn in order.
/// </summary>
/// <param name="Title">The document's name, e.g. 行政处罚决定书.</param>
/// <param name="Authority">The issuing authority, e.g. 安平县市场监督管理局, shown above the title.</param>
/// <param name="Number">The document number (文号) exactly as the caller assigned it, e.g. 安市监罚〔2026〕12号; null when the document has none.</param>
/// <param name="Blocks">The body, in order.</param>
/// <param name="Verification">The QR code to the public verification page; null for none.</param>
public sealed record OfficialDocument(
    string Title,
    string Authority,
    string? Number,
    ImmutableArray<DocumentBlock> Blocks,
    DocumentVerification? Verification = null)
{
    /// <summary>The body, in order (never a default array).</summary>
    public ImmutableArray<DocumentBlock> Blocks { get; init; } = Blocks.IsDefault ? [] : Blocks;
}

/// <summary>The verification QR code: a URL to the document's public verification page, and its caption.</summary>
public sealed record DocumentVerification(string Url, string Caption = DocumentVerification.DefaultCaption)
{
    public const string DefaultCaption = "扫码核验";
}
