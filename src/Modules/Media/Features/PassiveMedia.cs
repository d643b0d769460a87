namespace Sanxiang.Media.Features;

/// <summary>
/// What a stored record may be served as (issue 15, uploads never run). A record is served with its declared type only
/// when that type is on the allow-list of passive media (video and audio, JPEG/PNG/WebP, PDF) and the file's first bytes
/// agree with it (its magic number); anything else — HTML, SVG, scripts, a "video/mp4" that is really a web page — is
/// served as <c>application/octet-stream</c> with <c>Content-Disposition: attachment</c>, so a browser never renders it
/// on the app's origin. Every file response also carries <c>X-Content-Type-Options: nosniff</c> and
/// <c>Content-Security-Policy: sandbox</c> (MediaEndpoints).
/// </summary>
internal static class PassiveMedia
{
    public const string Download = "application/octet-stream";

    /// <summary>How many leading bytes <see cref="ServedType"/> looks at.</summary>
    public const int HeaderLength = 200;

    private delegate bool Signature(ReadOnlySpan<byte> head);

    private static readonly Dictionary<string, Signature> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["video/mp4"] = IsIsoMedia,
        ["audio/mp4"] = IsIsoMedia,
        ["audio/x-m4a"] = IsIsoMedia,
        ["audio/m4a"] = IsIsoMedia,
        ["video/quicktime"] = IsIsoMedia,
        ["video/3gpp"] = IsIsoMedia,
        ["audio/3gpp"] = IsIsoMedia,
        ["video/webm"] = IsMatroska,
        ["audio/webm"] = IsMatroska,
        ["video/x-matroska"] = IsMatroska,
        ["audio/mpeg"] = IsMpegAudio,
        ["audio/aac"] = IsAdts,
        ["audio/wav"] = h => IsRiff(h, "WAVE"),
        ["audio/wave"] = h => IsRiff(h, "WAVE"),
        ["audio/x-wav"] = h => IsRiff(h, "WAVE"),
        ["video/x-msvideo"] = h => IsRiff(h, "AVI "),
        ["video/avi"] = h => IsRiff(h, "AVI "),
        ["audio/ogg"] = h => h.StartsWith("OggS"u8),
        ["video/ogg"] = h => h.StartsWith("OggS"u8),
        ["audio/amr"] = h => h.StartsWith("#!AMR"u8),
        ["video/mp2t"] = h => h.Length >= 189 && h[0] == 0x47 && h[188] == 0x47,
        ["video/mpeg"] = h => h.Length >= 4 && h[0] == 0 && h[1] == 0 && h[2] == 1 && h[3] is 0xBA or 0xB3,
        ["image/jpeg"] = h => h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        ["image/png"] = h => h.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ["image/webp"] = h => IsRiff(h, "WEBP"),
        ["application/pdf"] = h => h.StartsWith("%PDF-"u8),
    };

    /// <summary>The allow-listed types (for docs and tests).</summary>
    public static IReadOnlyCollection<string> AllowedTypes => Allowed.Keys;

    /// <summary>
    /// The type to serve <paramref name="declared"/> content as, given its first bytes: the declared type (without
    /// parameters, lower case) when it is passive media and the bytes agree, otherwise null (serve as a download).
    /// </summary>
    public static string? ServedType(string? declared, ReadOnlySpan<byte> head)
    {
        var type = (declared ?? string.Empty).Split(';', 2)[0].Trim().ToLowerInvariant();
        return Allowed.TryGetValue(type, out var signature) && signature(head) ? type : null;
    }

    /// <summary>ISO base media (MP4, MOV, 3GP, M4A): a box of type <c>ftyp</c> first (or <c>moov/mdat/free/wide</c> in old QuickTime).</summary>
    private static bool IsIsoMedia(ReadOnlySpan<byte> h) =>
        h.Length >= 8 && (h[4..8].SequenceEqual("ftyp"u8) || h[4..8].SequenceEqual("moov"u8) || h[4..8].SequenceEqual("mdat"u8)
            || h[4..8].SequenceEqual("wide"u8) || h[4..8].SequenceEqual("free"u8));

    private static bool IsMatroska(ReadOnlySpan<byte> h) => h.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]);

    /// <summary>MP3: an ID3v2 tag or an MPEG audio frame sync (11 bits set, layer not reserved).</summary>
    private static bool IsMpegAudio(ReadOnlySpan<byte> h) =>
        h.StartsWith("ID3"u8) || (h.Length >= 2 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0 && (h[1] & 0x06) != 0);

    /// <summary>AAC in ADTS frames: sync 0xFFF, layer 00.</summary>
    private static bool IsAdts(ReadOnlySpan<byte> h) => h.Length >= 2 && h[0] == 0xFF && (h[1] & 0xF6) == 0xF0;

    private static bool IsRiff(ReadOnlySpan<byte> h, string form) =>
        h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual(System.Text.Encoding.ASCII.GetBytes(form));
}
