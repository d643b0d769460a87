using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Sanxiang.Tlog.Note;

namespace Sanxiang.Disclosure.Badges;

/// <summary>What an officer's badge QR code says: who, which certificate, and when the badge was issued.</summary>
internal sealed record BadgePayload(Guid OfficerId, string CertificateNumber, DateTimeOffset IssuedAt);

/// <summary>
/// Signs and verifies badge QR payloads (GB118-PUB-2) with a dedicated Ed25519 key — never the ledger's. The key comes
/// from Disclosure:BadgeSignerKey (a "PRIVATE+KEY+…" string) or from the file Disclosure:BadgeKeyFile (default
/// data/disclosure/badge-signer.key), created on first use readable by the owner only. A badge is
/// base64url(payload) "." base64url(signature); the signature covers a context line and the payload, so it cannot be
/// replayed as any other Sanxiang signature.
/// </summary>
internal sealed class BadgeSigner
{
    public const string KeyName = "sanxiang-badge";
    private const string Context = "sanxiang/officer-badge/v1\n";
    private readonly Ed25519NoteSigner _signer;

    public BadgeSigner(IConfiguration configuration)
    {
        var configured = configuration["Disclosure:BadgeSignerKey"];
        _signer = !string.IsNullOrWhiteSpace(configured)
            ? (Ed25519NoteSigner)NoteKeys.ParseSigner(configured.Trim())
            : NoteKeyFiles.LoadOrCreate(
                Sanxiang.Kernel.Hosting.DataRoot.PathFor(configuration, "Disclosure:BadgeKeyFile", "disclosure", "badge-signer.key"),
                () => Ed25519NoteSigner.Generate(KeyName),
                s => s.SignerKey);
    }

    /// <summary>The public verifier key (anyone may check badges offline with it).</summary>
    public string VerifierKey => _signer.Verifier.VerifierKey;

    public string Sign(BadgePayload payload)
    {
        var text = $"v1|{payload.OfficerId:N}|{payload.CertificateNumber}|{payload.IssuedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        var bytes = Encoding.UTF8.GetBytes(text);
        return Base64Url.EncodeToString(bytes) + "." + Base64Url.EncodeToString(_signer.Sign(Signed(bytes)));
    }

    /// <summary>The payload when the badge is well formed and its signature is ours; null for a forged or altered badge.</summary>
    public BadgePayload? Verify(string? badge)
    {
        if (string.IsNullOrWhiteSpace(badge) || badge.Length > 1024)
        {
            return null;
        }

        var dot = badge.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot != badge.LastIndexOf('.') || !Base64Url.IsValid(badge.AsSpan(0, dot)) || !Base64Url.IsValid(badge.AsSpan(dot + 1)))
        {
            return null;
        }

        var bytes = Base64Url.DecodeFromChars(badge.AsSpan(0, dot));
        var signature = Base64Url.DecodeFromChars(badge.AsSpan(dot + 1));
        if (signature.Length != 64 || !_signer.Verifier.Verify(Signed(bytes), signature))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split('|');
        return parts.Length == 4 && parts[0] == "v1"
            && Guid.TryParseExact(parts[1], "N", out var id)
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? new BadgePayload(id, parts[2], DateTimeOffset.FromUnixTimeSeconds(seconds))
            : null;
    }

    private static byte[] Signed(byte[] payload) => [.. Encoding.UTF8.GetBytes(Context), .. payload];
}
