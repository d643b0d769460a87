using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sanxiang.Documents;

/// <summary>
/// The canonical bytes of a document model and their SHA-256: what the Ledger records as the document's hash.
/// The same model always gives the same bytes, whichever renderer draws it (PDFs themselves are not
/// byte-reproducible). Format <c>sanxiang-document/1</c>: UTF-8 JSON without whitespace, every property
/// always present (null when absent) in the fixed order below, strings escaped as in RFC 8785 (only
/// <c>"</c>, <c>\</c> and U+0000–U+001F are escaped; everything else is raw UTF-8), line breaks
/// (CR LF, CR) normalised to LF, dates as <c>yyyy-MM-dd</c>, text not Unicode-normalised; a string with a lone
/// surrogate is refused.
/// <code>
/// {"format":"sanxiang-document/1","title":…,"authority":…,"number":…|null,"blocks":[…],"verification":{"url":…,"caption":…}|null}
/// {"kind":"heading","text":…}
/// {"kind":"paragraph","text":…,"indent":true|false}
/// {"kind":"fields","fields":[{"label":…,"value":…},…]}
/// {"kind":"table","caption":…|null,"headers":[…],"rows":[[…],…]}
/// {"kind":"signatures","lines":[{"role":…,"name":…|null,"date":"2026-11-22"|null,"refusal":…|null},…]}
/// {"kind":"seal","authority":…,"date":"2026-11-22","dateStyle":"numerals"|"digits"}
/// {"kind":"note","text":…}
/// </code>
/// </summary>
public static class CanonicalForm
{
    public const string Format = "sanxiang-document/1";

    /// <summary>The canonical UTF-8 JSON bytes of <paramref name="document"/>.</summary>
    public static byte[] GetBytes(OfficialDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var w = new CanonicalJsonWriter();
        w.Begin('{').Name("format").String(Format)
            .Name("title").String(document.Title)
            .Name("authority").String(document.Authority)
            .Name("number").String(document.Number)
            .Name("blocks").Begin('[');
        foreach (var block in document.Blocks)
        {
            w.Item();
            WriteBlock(w, block);
        }

        w.End(']').Name("verification");
        if (document.Verification is { } v)
        {
            w.Begin('{').Name("url").String(v.Url).Name("caption").String(v.Caption).End('}');
        }
        else
        {
            w.Null();
        }

        try
        {
            return w.End('}').ToArray();
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("文书内容含有无效的 Unicode 字符（孤立的代理项）。", nameof(document), e);
        }
    }

    /// <summary>SHA-256 of <see cref="GetBytes"/>.</summary>
    public static byte[] Sha256(OfficialDocument document) => SHA256.HashData(GetBytes(document));

    /// <summary>SHA-256 of <see cref="GetBytes"/> as 64 lower-case hex digits.</summary>
    public static string Sha256Hex(OfficialDocument document) => Convert.ToHexStringLower(Sha256(document));

    private static void WriteBlock(CanonicalJsonWriter w, DocumentBlock block)
    {
        w.Begin('{').Name("kind");
        switch (block)
        {
            case HeadingBlock h:
                w.String("heading").Name("text").String(h.Text);
                break;
            case ParagraphBlock p:
                w.String("paragraph").Name("text").String(p.Text).Name("indent").Bool(p.FirstLineIndent);
                break;
            case FieldsBlock f:
                w.String("fields").Name("fields").Begin('[');
                foreach (var field in f.Fields)
                {
                    w.Item().Begin('{').Name("label").String(field.Label).Name("value").String(field.Value).End('}');
                }

                w.End(']');
                break;
            case TableBlock t:
                w.String("table").Name("caption").String(t.Caption).Name("headers").Strings(t.Headers).Name("rows").Begin('[');
                foreach (var row in t.Rows)
                {
                    w.Item().Strings(row.IsDefault ? [] : row);
                }

                w.End(']');
                break;
            case SignatureBlock s:
                w.String("signatures").Name("lines").Begin('[');
                foreach (var line in s.Lines)
                {
                    w.Item().Begin('{').Name("role").String(line.Role).Name("name").String(line.Name)
                        .Name("date").String(IsoDate(line.Date)).Name("refusal").String(line.RefusalNote).End('}');
                }

                w.End(']');
                break;
            case SealBlock seal:
                w.String("seal").Name("authority").String(seal.Authority).Name("date").String(IsoDate(seal.Date))
                    .Name("dateStyle").String(seal.DateStyle == ChineseDateStyle.Digits ? "digits" : "numerals");
                break;
            case NoteBlock n:
                w.String("note").Name("text").String(n.Text);
                break;
            default:
                throw new ArgumentException($"unknown block kind {block.GetType().Name}", nameof(block));
        }

        w.End('}');
    }

    private static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
