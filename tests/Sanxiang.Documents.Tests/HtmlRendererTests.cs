using AngleSharp.Html.Parser;

namespace Sanxiang.Documents.Tests;

public sealed class HtmlRendererTests
{
    private const string Hostile = "<script>alert('x')</script> & \"A&B\" <img src=x onerror=alert(1)>";

    [Fact]
    public void HostileInput_IsEncodedEverywhere_AndNeverBecomesMarkup()
    {
        var document = new OfficialDocument(
            Hostile,
            "局&" + Hostile,
            "号<b>" + Hostile,
            [
                new HeadingBlock(Hostile),
                new ParagraphBlock(Hostile + "\n第二行"),
                new FieldsBlock([new DocumentField(Hostile, Hostile)]),
                new TableBlock([Hostile], [[Hostile]], Hostile),
                new SignatureBlock([new SignatureLine(Hostile, Hostile, null, Hostile)]),
                new SealBlock(Hostile, new DateOnly(2026, 11, 22)),
                new NoteBlock(Hostile),
            ],
            new DocumentVerification("https://example.cn/v?a=1&b=<x>", Hostile));

        var html = HtmlDocumentRenderer.Render(document);

        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<img");
        html.ShouldNotContain("<b>");
        html.ShouldContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;A&amp;B&quot;");
        var parsed = new HtmlParser().ParseDocument(html);
        parsed.QuerySelectorAll("script, img, b").Length.ShouldBe(0);
        parsed.Title.ShouldBe(Hostile + " 号<b>" + Hostile);
        parsed.QuerySelector("h1")!.TextContent.ShouldBe(Hostile);
        parsed.QuerySelector("h2")!.TextContent.ShouldBe(Hostile);
        parsed.QuerySelector("table.grid caption")!.TextContent.ShouldBe(Hostile);
        parsed.QuerySelector(".qr figcaption")!.TextContent.ShouldBe(Hostile);
        parsed.QuerySelectorAll("p.indent br").Length.ShouldBe(1);
    }

    [Fact]
    public void Page_HoldsTheTitleNumberAuthorityAndTheTextOfEveryBlock()
    {
        var document = SampleDocuments.PenaltyDecision();
        var parsed = new HtmlParser().ParseDocument(HtmlDocumentRenderer.Render(document));
        parsed.QuerySelector("h1")!.TextContent.ShouldBe("行政处罚决定书");
        parsed.QuerySelector(".number")!.TextContent.ShouldBe("安市监罚〔2026〕12号");
        parsed.QuerySelector(".authority")!.TextContent.ShouldBe("安平县市场监督管理局");
        var text = parsed.Body!.TextContent;
        foreach (var expected in BlockTexts(document))
        {
            text.ShouldContain(expected);
        }

        text.ShouldContain("二〇二六年十一月二十二日");
        text.ShouldContain("2026年11月23日");
    }

    [Fact]
    public void Page_IsSelfContained_A4_WithChineseFonts_AndNoScriptOrExternalResource()
    {
        var html = HtmlDocumentRenderer.Render(SampleDocuments.PenaltyDecision());
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("@page { size: A4;");
        html.ShouldContain("\"Sanxiang Serif SC\", \"Noto Serif CJK SC\"");
        html.ShouldContain("\"Sanxiang Sans SC\", \"Noto Sans CJK SC\"");
        var parsed = new HtmlParser().ParseDocument(html);
        parsed.QuerySelectorAll("script, link, img[src], iframe").Length.ShouldBe(0);
        parsed.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content").ShouldStartWith("default-src 'none'");
    }

    [Fact]
    public void VerificationQr_IsAnInlineSvgWithItsCaption_AndAbsentWithoutPayload()
    {
        var document = SampleDocuments.PenaltyDecision();
        var parsed = new HtmlParser().ParseDocument(HtmlDocumentRenderer.Render(document));
        var figure = parsed.QuerySelector("figure.qr")!;
        figure.QuerySelector("svg")!.GetAttribute("viewBox").ShouldNotBeNullOrEmpty();
        figure.QuerySelectorAll("svg rect, svg path").Length.ShouldBeGreaterThan(0);
        figure.QuerySelector("figcaption")!.TextContent.ShouldBe("扫码核验");

        var without = new HtmlParser().ParseDocument(HtmlDocumentRenderer.Render(document with { Verification = null }));
        without.QuerySelector("figure.qr").ShouldBeNull();
        without.QuerySelector("svg").ShouldBeNull();
    }

    /// <summary>Every line of text the blocks hold (lines are separate in the page).</summary>
    internal static IEnumerable<string> BlockTexts(OfficialDocument document) =>
        document.Blocks.SelectMany(block => block switch
        {
            HeadingBlock h => [h.Text],
            ParagraphBlock p => [p.Text],
            FieldsBlock f => f.Fields.SelectMany(x => new[] { x.Label, x.Value }),
            TableBlock t => t.Headers.Concat(t.Rows.SelectMany(r => r)).Append(t.Caption ?? string.Empty),
            SignatureBlock s => s.Lines.SelectMany(l => new[] { l.Role, l.Name ?? string.Empty, l.RefusalNote ?? string.Empty }),
            SealBlock seal => [seal.Authority],
            NoteBlock n => [n.Text],
            _ => throw new InvalidOperationException(),
        }).SelectMany(text => text.Split('\n'));
}
