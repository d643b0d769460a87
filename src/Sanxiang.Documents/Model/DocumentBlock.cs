using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Sanxiang.Documents;

/// <summary>
/// One block of a document's body. The set of kinds is closed: the renderers and the canonical form know each one.
/// The JSON type names let an issued document be stored as data and rendered again unchanged.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "block")]
[JsonDerivedType(typeof(HeadingBlock), "heading")]
[JsonDerivedType(typeof(ParagraphBlock), "paragraph")]
[JsonDerivedType(typeof(FieldsBlock), "fields")]
[JsonDerivedType(typeof(TableBlock), "table")]
[JsonDerivedType(typeof(SignatureBlock), "signature")]
[JsonDerivedType(typeof(SealBlock), "seal")]
[JsonDerivedType(typeof(NoteBlock), "note")]
public abstract record DocumentBlock
{
    private protected DocumentBlock()
    {
    }
}

/// <summary>A section heading inside the body, e.g. 一、违法事实.</summary>
public sealed record HeadingBlock(string Text) : DocumentBlock;

/// <summary>Plain text (never markup); line breaks are kept. Indented by two characters unless <paramref name="FirstLineIndent"/> is false.</summary>
public sealed record ParagraphBlock(string Text, bool FirstLineIndent = true) : DocumentBlock;

/// <summary>Labelled values in a two-column ruled table, as in an approval form (立案审批表).</summary>
public sealed record FieldsBlock(ImmutableArray<DocumentField> Fields) : DocumentBlock
{
    public ImmutableArray<DocumentField> Fields { get; init; } = Fields.IsDefault ? [] : Fields;
}

/// <summary>One labelled value; the value may span several lines.</summary>
public sealed record DocumentField(string Label, string Value);

/// <summary>A ruled table with column headers, e.g. a seizure inventory (清单). Rows may be shorter than the headers.</summary>
public sealed record TableBlock(ImmutableArray<string> Headers, ImmutableArray<ImmutableArray<string>> Rows, string? Caption = null) : DocumentBlock
{
    public ImmutableArray<string> Headers { get; init; } = Headers.IsDefault ? [] : Headers;

    public ImmutableArray<ImmutableArray<string>> Rows { get; init; } = Rows.IsDefault ? [] : Rows;
}

/// <summary>The signature area: one line per signer.</summary>
public sealed record SignatureBlock(ImmutableArray<SignatureLine> Lines) : DocumentBlock
{
    public ImmutableArray<SignatureLine> Lines { get; init; } = Lines.IsDefault ? [] : Lines;
}

/// <summary>
/// One signer: the role label (当事人（签名）, 执法人员（签名）), the name when known, the date when known (left blank to be
/// written by hand otherwise), and, when the person refused to sign, the note recording it (e.g. 当事人拒绝签名，由见证人…在场见证).
/// </summary>
public sealed record SignatureLine(string Role, string? Name = null, DateOnly? Date = null, string? RefusalNote = null);

/// <summary>The authority's seal line, right-aligned at the end: the authority's name and the date in Chinese.</summary>
public sealed record SealBlock(string Authority, DateOnly Date, ChineseDateStyle DateStyle = ChineseDateStyle.Numerals) : DocumentBlock;

/// <summary>Small print after the body, e.g. 本文书一式两份，一份交当事人，一份存档。</summary>
public sealed record NoteBlock(string Text) : DocumentBlock;
