using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Sanxiang.Documents.Tests;

public sealed class DocxRendererTests(DocxFixture docx) : IClassFixture<DocxFixture>
{
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void LibreOffice_OpensTheDocx_AndItsTextHoldsTheTitleNumberParagraphAndTableCell()
    {
        var text = Squeeze(docx.ConvertedText);
        text.ShouldContain("行政处罚决定书");
        text.ShouldContain("安市监罚〔2026〕12号");
        text.ShouldContain("“青山牌”压缩饼干");
        text.ShouldContain("随卷存档");
        text.ShouldContain("二〇二六年十一月二十二日");
        text.ShouldContain(Squeeze(((ParagraphBlock)SampleDocuments.PenaltyDecision().Blocks[1]).Text));
    }

    [Fact]
    public void OpenXmlValidator_FindsNoErrors_InTheSampleOrInADocumentWithEveryBlockKindAndHostileText()
    {
        Errors(docx.Docx).ShouldBeEmpty();
        Errors(DocxDocumentRenderer.Render(EveryBlock())).ShouldBeEmpty();
        Errors(DocxDocumentRenderer.Render(EveryBlock() with { Verification = null, Number = null })).ShouldBeEmpty();
    }

    [Fact]
    public void ControlCharactersLoneSurrogatesAndEmptyTables_StillGiveAValidDocx()
    {
        var awkward = new OfficialDocument(
            "笔录\u0007",
            "局\ud800",
            null,
            [new ParagraphBlock("响铃\u0007 空字符\0 换页\f"), new FieldsBlock([]), new TableBlock([], [], "空清单"), new TableBlock([], [])]);
        var file = DocxDocumentRenderer.Render(awkward);
        Errors(file).ShouldBeEmpty();
        using var stream = new MemoryStream(file);
        using var package = WordprocessingDocument.Open(stream, false);
        package.MainDocumentPart!.Document.Body!.InnerText.ShouldContain("响铃\uFFFD 空字符\uFFFD 换页\uFFFD");
    }

    [Fact]
    public void Docx_IsA4_WithEastAsianFonts_ACentredBoldTitle_AndTheQrAsPng()
    {
        using var stream = new MemoryStream(docx.Docx);
        using var package = WordprocessingDocument.Open(stream, false);
        var main = package.MainDocumentPart!;
        var size = main.Document.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        ((uint)size.Width!, (uint)size.Height!).ShouldBe((11906U, 16838U));
        var fonts = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.Descendants<RunFonts>().Single();
        fonts.EastAsia!.Value.ShouldBe("宋体");

        var title = main.Document.Descendants<Paragraph>().First(p => p.InnerText == "行政处罚决定书");
        title.ParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Center);
        title.Descendants<Bold>().ShouldNotBeEmpty();
        var number = main.Document.Descendants<Paragraph>().First(p => p.InnerText == "安市监罚〔2026〕12号");
        number.ParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Right);

        main.ImageParts.Single().ContentType.ShouldBe("image/png");
        main.Document.Descendants<Paragraph>().ShouldContain(p => p.InnerText == "扫码核验");
    }

    [Fact]
    public void FieldsAndTables_AreRealWordTables_WithTheirCells()
    {
        using var stream = new MemoryStream(DocxDocumentRenderer.Render(EveryBlock()));
        using var package = WordprocessingDocument.Open(stream, false);
        var tables = package.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        tables.Count.ShouldBe(3, "the header with the QR code, the fields, the table");
        tables[1].Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray())
            .ShouldBe([["案由", "涉嫌经营超过保质期食品"], ["当事人", "安平县青禾食品商行 <b>&"]]);
        var inventory = tables[2].Elements<TableRow>().ToList();
        inventory[0].TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull("the header row repeats on each page");
        inventory.Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ShouldBe([["品名", "数量"], ["饼干", "18袋"]]);
    }

    /// <summary>Every block kind, a multi-line paragraph, a refused signature and hostile text.</summary>
    internal static OfficialDocument EveryBlock() => new(
        "现场检查笔录",
        "安平县市场监督管理局",
        "安市监检〔2026〕7号",
        [
            new HeadingBlock("一、检查情况 <script>alert(1)</script>"),
            new ParagraphBlock("第一行 & 第二段\n第二行"),
            new FieldsBlock([new DocumentField("案由", "涉嫌经营超过保质期食品"), new DocumentField("当事人", "安平县青禾食品商行 <b>&")]),
            new TableBlock(["品名", "数量"], [["饼干", "18袋"]], "物品清单"),
            new SignatureBlock([new SignatureLine("当事人（签名）", RefusalNote: "当事人拒绝签名，由见证人赵某在场见证。"), new SignatureLine("执法人员（签名）", "李明", new DateOnly(2026, 11, 22))]),
            new SealBlock("安平县市场监督管理局", new DateOnly(2026, 11, 22), ChineseDateStyle.Digits),
            new NoteBlock("本笔录一式两份。"),
        ],
        new DocumentVerification("https://example.cn/v/7"));

    private static List<string> Errors(byte[] file)
    {
        using var stream = new MemoryStream(file);
        using var package = WordprocessingDocument.Open(stream, false);
        return new OpenXmlValidator().Validate(package).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }
}
