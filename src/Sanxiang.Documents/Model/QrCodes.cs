using QRCoder;

namespace Sanxiang.Documents;

/// <summary>The verification QR code (error correction M) as inline SVG for HTML and as PNG for .docx.</summary>
public static class QrCodes
{
    /// <summary>An &lt;svg&gt; element sized by its viewBox (the page's CSS sets its size), with a quiet zone.</summary>
    public static string Svg(string payload)
    {
        using var data = Create(payload);
        var svg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(256, 256), "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    /// <summary>A black-on-white PNG, <paramref name="pixelsPerModule"/> pixels per module, with a quiet zone.</summary>
    public static byte[] Png(string payload, int pixelsPerModule = 8)
    {
        using var data = Create(payload);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    private static QRCodeData Create(string payload)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
    }
}
