using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Sanxiang.Documents;

/// <summary>The .docx parts besides the body: styles (fonts), the page-number footer, the QR picture.</summary>
internal static class DocxParts
{
    public const uint PageWidth = 11906U;
    public const uint MarginLeft = 1418U;
    public const uint MarginRight = 1134U;
    public const uint TextWidth = PageWidth - MarginLeft - MarginRight;

    private const string StylesXml = """
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:docDefaults>
    <w:rPrDefault><w:rPr>
      <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman" w:hint="eastAsia"/>
      <w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>
    </w:rPr></w:rPrDefault>
    <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault>
  </w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
    <w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr>
    <w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="黑体"/><w:b/><w:bCs/></w:rPr></w:style>
  <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>
    <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>
""";

    public static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(StylesXml);
        part.Styles.Save();
    }

    /// <summary>A footer "第 N 页　共 M 页" (PAGE and NUMPAGES fields); returns its relationship ID.</summary>
    public static string AddPageNumberFooter(MainDocumentPart main)
    {
        var part = main.AddNewPart<FooterPart>();
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            DocxBlocks.Run("第 ", size: 18),
            new SimpleField(DocxBlocks.Run("1", size: 18)) { Instruction = " PAGE " },
            DocxBlocks.Run(" 页　共 ", size: 18),
            new SimpleField(DocxBlocks.Run("1", size: 18)) { Instruction = " NUMPAGES " },
            DocxBlocks.Run(" 页", size: 18)));
        part.Footer.Save();
        return main.GetIdOfPart(part);
    }

    /// <summary>The QR code as an inline picture 25 mm square.</summary>
    public static Drawing QrImage(MainDocumentPart main, byte[] png, string description)
    {
        var image = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png, writable: false))
        {
            image.FeedData(data);
        }

        var id = main.GetIdOfPart(image);
        const long Size = 25L * 36_000L; // 25 mm in EMU
        return new Drawing(new DW.Inline(
            new DW.Extent { Cx = Size, Cy = Size },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = 1U, Name = "verification-qr", Description = DocumentText.XmlSafe(description) },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0U, Name = "verification-qr.png" },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = Size, Cy = Size }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        });
    }
}
