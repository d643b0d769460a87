using System.Diagnostics;

namespace Sanxiang.Documents.Tests;

/// <summary>PDFs printed by Debian's Chromium, checked with poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm) and zbarimg.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class PdfPrinterTests(PdfFixture pdf)
{
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void Pdf_StartsWithThePdfHeader()
    {
        pdf.SamplePdf.Take(5).ToArray().ShouldBe("%PDF-"u8.ToArray());
    }

    [Fact]
    public void PdfText_HoldsTheChineseTitleNumberParagraphTableCellAndNumeralDate()
    {
        var text = Squeeze(pdf.SampleText);
        text.ShouldContain("行政处罚决定书");
        text.ShouldContain("安市监罚〔2026〕12号");
        text.ShouldContain("安平县市场监督管理局");
        text.ShouldContain(Squeeze(((ParagraphBlock)SampleDocuments.PenaltyDecision().Blocks[1]).Text));
        text.ShouldContain("“青山牌”压缩饼干");
        text.ShouldContain("2025年8月20日");
        text.ShouldContain("二〇二六年十一月二十二日");
        text.ShouldContain("第1页共2页");
    }

    /// <summary>
    /// Skia writes the CFF-flavoured Noto CJK collection as Type 3 fonts (glyph outlines); what matters is that every
    /// font is embedded and maps its glyphs to Unicode, so the text can be searched and copied.
    /// </summary>
    [Fact]
    public async Task Pdf_IsTwoA4Pages_WithEveryFontEmbeddedAndMappedToUnicode()
    {
        using var dir = new TempDirectory();
        var file = dir.File("sample.pdf");
        await File.WriteAllBytesAsync(file, pdf.SamplePdf);
        var info = await ExternalTool.RunAsync("pdfinfo", [file]);
        info.ShouldContain("(A4)");
        info.ShouldMatch(@"Pages:\s+2\n");
        var fonts = (await ExternalTool.RunAsync("pdffonts", [file])).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(columns => (Embedded: columns[columns.Length - 5], Unicode: columns[columns.Length - 3])).ToList();
        fonts.ShouldNotBeEmpty();
        fonts.ShouldAllBe(font => font.Embedded == "yes" && font.Unicode == "yes", "emb and uni are yes for every font");
    }

    [Fact]
    public async Task PdfQrCode_OnTheFirstPage_DecodesToThePayload()
    {
        using var dir = new TempDirectory();
        var file = dir.File("sample.pdf");
        await File.WriteAllBytesAsync(file, pdf.SamplePdf);
        await ExternalTool.RunAsync("pdftoppm", ["-r", "150", "-f", "1", "-l", "1", "-png", "-singlefile", file, dir.File("page")]);
        (await ExternalTool.DecodeQrAsync(dir.File("page.png"))).ShouldBe([SampleDocuments.PenaltyDecision().Verification!.Url]);
    }

    [Fact]
    public async Task EightDocumentsAtOnce_AreAllPrinted_EachWithItsOwnText()
    {
        var sample = SampleDocuments.PenaltyDecision();
        var numbers = Enumerable.Range(100, 8).Select(i => $"安市监罚〔2026〕{i}号").ToList();
        var pdfs = await Task.WhenAll(numbers.Select(n => pdf.Printer.PrintAsync(sample with { Number = n })));
        for (var i = 0; i < pdfs.Length; i++)
        {
            pdfs[i].Take(5).ToArray().ShouldBe("%PDF-"u8.ToArray());
            var text = Squeeze(await ExternalTool.PdfToTextAsync(pdfs[i]));
            text.ShouldContain(numbers[i]);
            numbers.Where(n => n != numbers[i]).ShouldAllBe(n => !text.Contains(n));
        }
    }

    /// <summary>
    /// scripts/document-fonts.sh (run by test.sh and run.sh) installs the subset faces the style sheet names first;
    /// fontconfig must find them, regular and bold, or every PDF silently falls back to the slow full collections.
    /// </summary>
    [Theory]
    [InlineData("Sanxiang Serif SC:weight=regular", "SanxiangSerifSC-Regular.otf")]
    [InlineData("Sanxiang Serif SC:weight=bold", "SanxiangSerifSC-Bold.otf")]
    [InlineData("Sanxiang Sans SC:weight=bold", "SanxiangSansSC-Bold.otf")]
    public async Task SubsetDocumentFonts_AreInstalled(string pattern, string file)
    {
        (await ExternalTool.RunAsync("fc-match", ["-f", "%{file}", pattern])).ShouldEndWith("/" + file);
    }

    /// <summary>
    /// The subset holds GB 2312; a rarer character (堃 U+5803, 喆 U+5586, common in names) is not in it and must
    /// come from the full Noto face next in the list, still as searchable text.
    /// </summary>
    [Fact]
    public async Task CharacterOutsideTheSubset_FallsBackToTheFullFace_AndStaysText()
    {
        (await ExternalTool.RunAsync("fc-list", [":charset=5803", "family"])).ShouldNotContain("Sanxiang");
        var sample = SampleDocuments.PenaltyDecision();
        var text = Squeeze(await ExternalTool.PdfToTextAsync(await pdf.Printer.PrintAsync(sample with { Number = "安市监罚〔2026〕堃喆号" })));
        text.ShouldContain("安市监罚〔2026〕堃喆号");
    }

    [Fact]
    public async Task MissingChromium_ThrowsTheChineseUnavailableException()
    {
        await using var printer = PdfFixture.Create("/nonexistent/chromium");
        var e = await Should.ThrowAsync<ChromiumUnavailableException>(() => printer.PrintAsync(SampleDocuments.PenaltyDecision()));
        e.Message.ShouldBe("服务器未安装 Chromium，无法生成 PDF。");
    }

    [Fact]
    public async Task KilledBrowser_IsStartedAgain_AndTheNextPdfIsPrinted()
    {
        var before = ProcessTree.Descendants(Environment.ProcessId).Select(p => p.Pid).ToHashSet();
        await using var printer = PdfFixture.Create(maxConcurrent: 1);
        (await printer.PrintHtmlAsync("<p>一</p>")).Take(5).ToArray().ShouldBe("%PDF-"u8.ToArray());
        var started = ProcessTree.Descendants(Environment.ProcessId).Where(p => !before.Contains(p.Pid)).ToList();
        var browsers = started.Where(p => p.Name == "chromium" && started.All(q => q.Pid != p.ParentPid || q.Name != "chromium")).ToList();
        browsers.Count.ShouldBe(1, "one browser process for the printer");

        using (var browser = Process.GetProcessById(browsers[0].Pid))
        {
            browser.Kill();
            await browser.WaitForExitAsync();
        }

        var text = Squeeze(await ExternalTool.PdfToTextAsync(await printer.PrintHtmlAsync("<p>重启之后</p>")));
        text.ShouldContain("重启之后");
    }

    [Fact]
    public async Task DisposedPrinter_RefusesToPrint()
    {
        var printer = PdfFixture.Create("/nonexistent/chromium");
        await printer.DisposeAsync();
        await Should.ThrowAsync<ObjectDisposedException>(() => printer.PrintHtmlAsync("<p>x</p>"));
    }
}
