using System.Text;

namespace Sanxiang.Documents;

/// <summary>
/// Renders a document as one self-contained HTML page (inline CSS, inline SVG QR code, no script, no external
/// resource): an A4 sheet on screen for the browser's print view, and the source that <see cref="PdfPrinter"/>
/// prints. Every piece of text from the model is HTML-encoded.
/// </summary>
public static class HtmlDocumentRenderer
{
    /// <summary>The whole page, UTF-8 text starting with &lt;!DOCTYPE html&gt;.</summary>
    public static string Render(OfficialDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder(16_384);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        Encode(html, document.Title);
        if (document.Number is { Length: > 0 } titleNumber)
        {
            html.Append(' ');
            Encode(html, titleNumber);
        }

        html.Append("</title>\n<style>").Append(HtmlStyles.Css).Append("</style>\n</head>\n<body>\n<article class=\"sheet")
            .Append(document.Verification is null ? string.Empty : " has-qr").Append("\">\n");
        if (document.Verification is { } verification)
        {
            html.Append("<figure class=\"qr\">").Append(QrCodes.Svg(verification.Url)).Append("<figcaption>");
            Encode(html, verification.Caption);
            html.Append("</figcaption></figure>\n");
        }

        html.Append("<header>\n<div class=\"authority\">");
        EncodeLines(html, document.Authority);
        html.Append("</div>\n<h1>");
        EncodeLines(html, document.Title);
        html.Append("</h1>\n");
        if (document.Number is { Length: > 0 } number)
        {
            html.Append("<div class=\"number\">");
            Encode(html, number);
            html.Append("</div>\n");
        }

        html.Append("</header>\n");
        foreach (var block in document.Blocks)
        {
            HtmlBlocks.Write(html, block);
        }

        return html.Append("</article>\n</body>\n</html>\n").ToString();
    }

    /// <summary>Appends <paramref name="text"/> with &amp; &lt; &gt; &quot; &#39; encoded.</summary>
    internal static void Encode(StringBuilder html, string? text)
    {
        foreach (var c in DocumentText.XmlSafe(text ?? string.Empty))
        {
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                default: html.Append(c); break;
            }
        }
    }

    /// <summary>Encodes each line and joins them with &lt;br&gt;.</summary>
    internal static void EncodeLines(StringBuilder html, string? text)
    {
        var lines = DocumentText.Lines(text ?? string.Empty);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                html.Append("<br>");
            }

            Encode(html, lines[i]);
        }
    }
}
