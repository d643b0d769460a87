using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Sanxiang.Documents;

/// <summary>
/// Renders a document as a Word file (.docx, Office Open XML): A4, the authority and the title centred (the title
/// bold), the number right-aligned, paragraphs with two-character first-line indent, real Word tables for fields
/// and tables, signature and seal lines, page numbers in the footer, and the verification QR code as a PNG in the
/// top-right corner with its caption. Chinese text uses 宋体 (headings 黑体) through <c>w:eastAsia</c>.
/// </summary>
public static class DocxDocumentRenderer
{
    /// <summary>The .docx file's bytes.</summary>
    public static byte[] Render(OfficialDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return stream.ToArray();
    }

    /// <summary>Writes the .docx file to <paramref name="stream"/> (which must be seekable and writable).</summary>
    public static void Write(OfficialDocument document, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(stream);
        using var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        package.PackageProperties.Title = DocumentText.XmlSafe(DocumentText.NormalizeLineBreaks(document.Title).Replace('\n', ' '));
        var main = package.AddMainDocumentPart();
        DocxParts.AddStyles(main);
        var footerId = DocxParts.AddPageNumberFooter(main);

        var body = new Body();
        AppendHeader(body, main, document);
        foreach (var block in document.Blocks)
        {
            DocxBlocks.Append(body, block);
        }

        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new PageSize { Width = DocxParts.PageWidth, Height = 16838U },
            new PageMargin
            {
                Top = 1418,
                Right = DocxParts.MarginRight,
                Bottom = 1247,
                Left = DocxParts.MarginLeft,
                Header = 851U,
                Footer = 567U,
                Gutter = 0U,
            }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>The authority, the title and the number; with a QR code, the first two sit in a borderless
    /// three-column table whose right cell holds the code and its caption, so the title stays centred.</summary>
    private static void AppendHeader(Body body, MainDocumentPart main, OfficialDocument document)
    {
        var authority = DocxBlocks.Paragraph(document.Authority, JustificationValues.Center, size: 32);
        var title = DocxBlocks.Paragraph(document.Title, JustificationValues.Center, bold: true, size: 44);
        if (document.Verification is { } verification)
        {
            const int Side = 1560;
            var middle = (int)DocxParts.TextWidth - (2 * Side);
            var qr = DocxParts.QrImage(main, QrCodes.Png(verification.Url), verification.Caption);
            var caption = DocxBlocks.Paragraph(verification.Caption, JustificationValues.Center, size: 18);
            var table = new Table(
                new TableProperties(
                    new TableWidth { Width = DocxParts.TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                    new TableBorders(
                        new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                        new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                        new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
                    new TableLayout { Type = TableLayoutValues.Fixed }),
                new TableGrid(new GridColumn { Width = Side.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new GridColumn { Width = middle.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new GridColumn { Width = Side.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                new TableRow(
                    DocxBlocks.Cell(Side, new Paragraph()),
                    DocxBlocks.Cell(middle, authority, title),
                    DocxBlocks.Cell(Side, new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(qr)), caption)));
            body.Append(table);
        }
        else
        {
            body.Append(authority, title);
        }

        if (document.Number is { Length: > 0 } number)
        {
            body.Append(DocxBlocks.Paragraph(number, JustificationValues.Right, spaceAfter: 240));
        }
    }
}
