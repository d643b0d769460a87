using DocumentFormat.OpenXml.Packaging;

namespace Sanxiang.Documents.Tests;

/// <summary>QR codes decoded back with zbarimg (Debian's zbar-tools), a decoder independent of QRCoder.</summary>
public sealed class QrCodeTests
{
    [Theory]
    [InlineData("https://zhifa.anping.example.cn/verify/document/0193f1c2-7a4e-7b21-9c55-2d8f0e6a41b7")]
    [InlineData("https://example.cn/verify?event=0193f1c2-7a4e-7b21-9c55-2d8f0e6a41b7&hash=8a9d318014b4cb99c080a355fcc1f32210c40f1823c724f20450d0fdc1cb3de5")]
    public async Task Png_DecodesBackToThePayload(string payload)
    {
        using var dir = new TempDirectory();
        await File.WriteAllBytesAsync(dir.File("qr.png"), QrCodes.Png(payload));
        (await ExternalTool.DecodeQrAsync(dir.File("qr.png"))).ShouldBe([payload]);
    }

    [Fact]
    public async Task DocxPicture_DecodesBackToThePayload()
    {
        var document = SampleDocuments.PenaltyDecision();
        using var stream = new MemoryStream(DocxDocumentRenderer.Render(document));
        using var package = WordprocessingDocument.Open(stream, false);
        using var dir = new TempDirectory();
        await using (var image = package.MainDocumentPart!.ImageParts.Single().GetStream())
        await using (var file = File.Create(dir.File("qr.png")))
        {
            await image.CopyToAsync(file);
        }

        (await ExternalTool.DecodeQrAsync(dir.File("qr.png"))).ShouldBe([document.Verification!.Url]);
    }
}
