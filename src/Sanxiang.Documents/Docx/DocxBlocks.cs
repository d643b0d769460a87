using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Sanxiang.Documents;

/// <summary>The Word markup of each block kind, and the paragraph, run and cell helpers. Sizes are in half-points.</summary>
internal static class DocxBlocks
{
    public static void Append(Body body, DocumentBlock block)
    {
        switch (block)
        {
            case HeadingBlock h:
                body.Append(Paragraph(h.Text, style: "Heading2"));
                break;
            case ParagraphBlock p:
                body.Append(Paragraph(p.Text, indent: p.FirstLineIndent));
                break;
            case FieldsBlock { Fields.Length: 0 }:
                break;
            case FieldsBlock f:
                var label = (int)(DocxParts.TextWidth * 26 / 100);
                body.Append(
                    Grid([label, (int)DocxParts.TextWidth - label], header: null, f.Fields.Select(x => (IReadOnlyList<string>)[x.Label, x.Value])),
                    Spacer());
                break;
            case TableBlock t:
                AppendTable(body, t);
                break;
            case SignatureBlock s:
                AppendSignatures(body, s);
                break;
            case SealBlock seal:
                body.Append(
                    Paragraph(seal.Authority, JustificationValues.Right, spaceBefore: 480, rightIndent: 480),
                    Paragraph(ChineseDate.Format(seal.Date, seal.DateStyle), JustificationValues.Right, rightIndent: 480, spaceAfter: 240));
                break;
            case NoteBlock n:
                body.Append(Paragraph(n.Text, size: 21, spaceBefore: 120));
                break;
            default:
                throw new ArgumentException($"unknown block kind {block.GetType().Name}", nameof(block));
        }
    }

    /// <summary>A paragraph of plain text; each line break becomes a Word line break.</summary>
    public static Paragraph Paragraph(
        string text, JustificationValues? align = null, bool bold = false, int? size = null, bool indent = false,
        string? style = null, int spaceBefore = 0, int spaceAfter = 0, int rightIndent = 0, bool keepNext = false, bool compact = false)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }

        if (keepNext)
        {
            properties.Append(new KeepNext());
        }

        if (spaceBefore > 0 || spaceAfter > 0 || compact)
        {
            var spacing = new SpacingBetweenLines { Before = Twips(spaceBefore), After = Twips(spaceAfter) };
            if (compact)
            {
                spacing.Line = "276";
                spacing.LineRule = LineSpacingRuleValues.Auto;
            }

            properties.Append(spacing);
        }

        if (indent || rightIndent > 0)
        {
            properties.Append(indent
                ? new Indentation { FirstLineChars = 200, FirstLine = Twips(2 * 10 * (size ?? 28)) }
                : new Indentation { Right = Twips(rightIndent) });
        }

        var lines = DocumentText.Lines(text);

        // Justified lines that end in a manual break are stretched across the line: such paragraphs align left.
        if ((align ?? (lines.Length > 1 ? JustificationValues.Left : (JustificationValues?)null)) is { } a)
        {
            properties.Append(new Justification { Val = a });
        }

        var paragraph = new Paragraph(properties);
        for (var i = 0; i < lines.Length; i++)
        {
            var run = Run(lines[i], bold, size);
            if (i > 0)
            {
                run.InsertBefore(new Break(), run.GetFirstChild<Text>());
            }

            paragraph.Append(run);
        }

        return paragraph;
    }

    public static Run Run(string text, bool bold = false, int? size = null, bool underline = false)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold(), new BoldComplexScript());
        }

        if (size is { } s)
        {
            properties.Append(new FontSize { Val = Half(s) }, new FontSizeComplexScript { Val = Half(s) });
        }

        if (underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        var run = new Run();
        if (properties.HasChildren)
        {
            run.Append(properties);
        }

        run.Append(new Text(DocumentText.XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    public static TableCell Cell(int width, params OpenXmlElement[] content)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa }));
        cell.Append(content);
        return cell;
    }

    private static void AppendTable(Body body, TableBlock table)
    {
        if (table.Caption is { Length: > 0 } caption)
        {
            body.Append(Paragraph(caption, JustificationValues.Center, bold: true, size: 24, spaceBefore: 120, spaceAfter: 60, keepNext: true));
        }

        if (table.Headers.Length == 0 && table.Rows.Length == 0)
        {
            return;
        }

        var columns = Math.Max(1, Math.Max(table.Headers.Length, table.Rows.Select(r => r.IsDefault ? 0 : r.Length).DefaultIfEmpty(0).Max()));
        var widths = Enumerable.Range(0, columns).Select(i => ((int)DocxParts.TextWidth / columns) + (i == 0 ? (int)DocxParts.TextWidth % columns : 0)).ToArray();
        body.Append(Grid(widths, table.Headers, table.Rows.Select(r => (IReadOnlyList<string>)(r.IsDefault ? [] : r))), Spacer());
    }

    private static void AppendSignatures(Body body, SignatureBlock block)
    {
        foreach (var line in block.Lines)
        {
            var paragraph = new Paragraph(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "200" }));
            paragraph.Append(Run(line.Role + "："));
            paragraph.Append(Run(line.Name is { Length: > 0 } name ? $"　{name}　" : new string('　', 8), underline: true));
            paragraph.Append(Run("　　" + (line.Date is { } date ? ChineseDate.Format(date, ChineseDateStyle.Digits) : HtmlBlocks.BlankDate)));
            body.Append(paragraph);
            if (line.RefusalNote is { Length: > 0 } note)
            {
                var refusal = Paragraph(note, size: 24);
                refusal.ParagraphProperties!.Append(new Indentation { Left = "560" });
                body.Append(refusal);
            }
        }
    }

    /// <summary>A ruled table with fixed column widths; <paramref name="header"/> (when given) repeats on each page.</summary>
    private static Table Grid(int[] widths, IReadOnlyList<string>? header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var border = new Func<BorderType, BorderType>(b => { b.Val = BorderValues.Single; b.Size = 4U; b.Space = 0U; b.Color = "000000"; return b; });
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = Twips(widths.Sum()), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()), border(new RightBorder()),
                    border(new InsideHorizontalBorder()), border(new InsideVerticalBorder())),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));
        if (header is { Count: > 0 })
        {
            table.Append(Row(widths, header, isHeader: true));
        }

        foreach (var row in rows)
        {
            table.Append(Row(widths, row, isHeader: false));
        }

        return table;
    }

    private static TableRow Row(int[] widths, IReadOnlyList<string> cells, bool isHeader)
    {
        var row = new TableRow(new TableRowProperties(isHeader ? [new CantSplit(), new TableHeader()] : [new CantSplit()]));
        for (var i = 0; i < widths.Length; i++)
        {
            var text = i < cells.Count ? cells[i] : string.Empty;
            var cell = Cell(widths[i], Paragraph(text, isHeader ? JustificationValues.Center : JustificationValues.Left, bold: isHeader, size: 24, compact: true));
            if (isHeader)
            {
                cell.TableCellProperties!.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "EFEFEF" });
            }

            row.Append(cell);
        }

        return row;
    }

    private static Paragraph Spacer() => new(new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "200", LineRule = LineSpacingRuleValues.Exact }));

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Half(int value) => value.ToString(CultureInfo.InvariantCulture);
}
