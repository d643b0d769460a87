using System.Security.Cryptography;
using System.Text;

namespace Sanxiang.Documents.Tests;

public sealed class CanonicalFormTests
{
    private static OfficialDocument Small(string paragraph = "第一行\n第二行") => new(
        "询问笔录",
        "安平县市场监督管理局",
        "安市监询〔2026〕3号",
        [
            new HeadingBlock("一、基本情况"),
            new ParagraphBlock(paragraph),
            new FieldsBlock([new DocumentField("案由", "涉嫌经营超过保质期食品")]),
            new TableBlock(["品名", "数量"], [["饼干", "18袋"]]),
            new SignatureBlock([new SignatureLine("被询问人（签名）", RefusalNote: "拒绝签名")]),
            new SealBlock("安平县市场监督管理局", new DateOnly(2026, 11, 22)),
            new NoteBlock("本笔录共1页"),
        ],
        new DocumentVerification("https://example.cn/v/1"));

    [Fact]
    public void Bytes_AreTheDocumentedJson_WithFixedPropertyOrderAndRawUtf8()
    {
        var expected =
            """{"format":"sanxiang-document/1","title":"询问笔录","authority":"安平县市场监督管理局","number":"安市监询〔2026〕3号","blocks":["""
            + """{"kind":"heading","text":"一、基本情况"},{"kind":"paragraph","text":"第一行\n第二行","indent":true},"""
            + """{"kind":"fields","fields":[{"label":"案由","value":"涉嫌经营超过保质期食品"}]},"""
            + """{"kind":"table","caption":null,"headers":["品名","数量"],"rows":[["饼干","18袋"]]},"""
            + """{"kind":"signatures","lines":[{"role":"被询问人（签名）","name":null,"date":null,"refusal":"拒绝签名"}]},"""
            + """{"kind":"seal","authority":"安平县市场监督管理局","date":"2026-11-22","dateStyle":"numerals"},"""
            + """{"kind":"note","text":"本笔录共1页"}],"verification":{"url":"https://example.cn/v/1","caption":"扫码核验"}}""";
        Encoding.UTF8.GetString(CanonicalForm.GetBytes(Small())).ShouldBe(expected);
    }

    [Fact]
    public void SameModel_BuiltTwice_GivesTheSameBytesAndHash()
    {
        CanonicalForm.GetBytes(SampleDocuments.PenaltyDecision()).ShouldBe(CanonicalForm.GetBytes(SampleDocuments.PenaltyDecision()));
        CanonicalForm.Sha256Hex(Small()).ShouldBe(CanonicalForm.Sha256Hex(Small()));
    }

    [Fact]
    public void Hash_IsTheSha256OfTheBytes_AndStaysTheSameAcrossRunsAndVersions()
    {
        var bytes = CanonicalForm.GetBytes(Small());
        CanonicalForm.Sha256(Small()).ShouldBe(SHA256.HashData(bytes));
        CanonicalForm.Sha256Hex(Small()).ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes)))));

        // Recorded in the Ledger: a change to the canonical form must be a new format, never a silent change.
        CanonicalForm.Sha256Hex(Small()).ShouldBe(GoldenSmallHash);
    }

    [Fact]
    public void RenderingTheDocument_DoesNotChangeItsHash()
    {
        var document = SampleDocuments.PenaltyDecision();
        var before = CanonicalForm.Sha256Hex(document);
        HtmlDocumentRenderer.Render(document);
        DocxDocumentRenderer.Render(document);
        CanonicalForm.Sha256Hex(document).ShouldBe(before);
    }

    [Fact]
    public void AnyChangeOfContent_GivesADifferentHash()
    {
        var original = Small();
        var variants = new[]
        {
            Small("第一行\n第二行。"),
            original with { Number = "安市监询〔2026〕4号" },
            original with { Number = null },
            original with { Title = "询问笔录 " },
            original with { Verification = null },
            original with { Verification = new DocumentVerification("https://example.cn/v/2") },
            original with { Blocks = original.Blocks.RemoveAt(0) },
            original with { Blocks = [original.Blocks[1], original.Blocks[0], .. original.Blocks[2..]] },
            original with { Blocks = original.Blocks.SetItem(1, new ParagraphBlock("第一行\n第二行", FirstLineIndent: false)) },
            original with { Blocks = original.Blocks.SetItem(5, new SealBlock("安平县市场监督管理局", new DateOnly(2026, 11, 22), ChineseDateStyle.Digits)) },
            original with { Blocks = original.Blocks.SetItem(4, new SignatureBlock([new SignatureLine("被询问人（签名）")])) },
        };
        var hashes = variants.Select(CanonicalForm.Sha256Hex).Append(CanonicalForm.Sha256Hex(original)).ToList();
        hashes.Distinct(StringComparer.Ordinal).Count().ShouldBe(hashes.Count);
    }

    [Fact]
    public void LineBreaks_CrLfAndCr_GiveTheSameBytesAsLf()
    {
        CanonicalForm.GetBytes(Small("第一行\r\n第二行")).ShouldBe(CanonicalForm.GetBytes(Small()));
        CanonicalForm.GetBytes(Small("第一行\r第二行")).ShouldBe(CanonicalForm.GetBytes(Small()));
    }

    [Fact]
    public void Strings_EscapeOnlyQuoteBackslashAndControlCharacters()
    {
        var json = Encoding.UTF8.GetString(CanonicalForm.GetBytes(Small("引号\"反斜杠\\制表\t响铃\u0007<script>&")));
        json.ShouldContain("""引号\"反斜杠\\制表\t响铃\u0007<script>&""");
    }

    [Fact]
    public void LoneSurrogate_IsRefused()
    {
        Should.Throw<ArgumentException>(() => CanonicalForm.GetBytes(Small("坏\ud800字")));
    }

    // sha256 of the JSON in Bytes_AreTheDocumentedJson_…, computed outside .NET (Python hashlib).
    private const string GoldenSmallHash = "8a9d318014b4cb99c080a355fcc1f32210c40f1823c724f20450d0fdc1cb3de5";
}
