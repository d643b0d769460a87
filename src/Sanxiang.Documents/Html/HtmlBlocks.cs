using System.Text;

namespace Sanxiang.Documents;

/// <summary>The HTML of each block kind.</summary>
internal static class HtmlBlocks
{
    /// <summary>Shown where a signature date is left to be written by hand.</summary>
    internal const string BlankDate = "　　　　年　　月　　日";

    public static void Write(StringBuilder html, DocumentBlock block)
    {
        switch (block)
        {
            case HeadingBlock h:
                Element(html, "h2", null, h.Text);
                break;
            case ParagraphBlock p:
                Element(html, "p", p.FirstLineIndent ? "indent" : null, p.Text);
                break;
            case FieldsBlock f:
                html.Append("<table class=\"fields\">\n<tbody>\n");
                foreach (var field in f.Fields)
                {
                    html.Append("<tr><th scope=\"row\">");
                    HtmlDocumentRenderer.EncodeLines(html, field.Label);
                    html.Append("</th><td>");
                    HtmlDocumentRenderer.EncodeLines(html, field.Value);
                    html.Append("</td></tr>\n");
                }

                html.Append("</tbody>\n</table>\n");
                break;
            case TableBlock t:
                WriteTable(html, t);
                break;
            case SignatureBlock s:
                WriteSignatures(html, s);
                break;
            case SealBlock seal:
                html.Append("<div class=\"seal\"><div class=\"seal-box\"><div class=\"seal-authority\">");
                HtmlDocumentRenderer.EncodeLines(html, seal.Authority);
                html.Append("</div><div class=\"seal-date\">").Append(ChineseDate.Format(seal.Date, seal.DateStyle)).Append("</div></div></div>\n");
                break;
            case NoteBlock n:
                Element(html, "p", "note", n.Text);
                break;
            default:
                throw new ArgumentException($"unknown block kind {block.GetType().Name}", nameof(block));
        }
    }

    private static void Element(StringBuilder html, string tag, string? cssClass, string text)
    {
        html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            html.Append(" class=\"").Append(cssClass).Append('"');
        }

        html.Append('>');
        HtmlDocumentRenderer.EncodeLines(html, text);
        html.Append("</").Append(tag).Append(">\n");
    }

    private static void WriteTable(StringBuilder html, TableBlock table)
    {
        html.Append("<table class=\"grid\">\n");
        if (table.Caption is { Length: > 0 } caption)
        {
            html.Append("<caption>");
            HtmlDocumentRenderer.EncodeLines(html, caption);
            html.Append("</caption>\n");
        }

        html.Append("<thead><tr>");
        foreach (var header in table.Headers)
        {
            html.Append("<th scope=\"col\">");
            HtmlDocumentRenderer.EncodeLines(html, header);
            html.Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            var cells = row.IsDefault ? [] : row;
            for (var i = 0; i < Math.Max(cells.Length, table.Headers.Length); i++)
            {
                html.Append("<td>");
                HtmlDocumentRenderer.EncodeLines(html, i < cells.Length ? cells[i] : string.Empty);
                html.Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void WriteSignatures(StringBuilder html, SignatureBlock block)
    {
        html.Append("<div class=\"signatures\">\n");
        foreach (var line in block.Lines)
        {
            html.Append("<div class=\"signature\"><span class=\"role\">");
            HtmlDocumentRenderer.Encode(html, line.Role);
            html.Append("：</span><span class=\"name\">");
            HtmlDocumentRenderer.Encode(html, line.Name);
            html.Append("</span><span class=\"date\">")
                .Append(line.Date is { } date ? ChineseDate.Format(date, ChineseDateStyle.Digits) : BlankDate)
                .Append("</span>");
            if (line.RefusalNote is { Length: > 0 } note)
            {
                html.Append("<div class=\"refusal\">");
                HtmlDocumentRenderer.EncodeLines(html, note);
                html.Append("</div>");
            }

            html.Append("</div>\n");
        }

        html.Append("</div>\n");
    }
}
