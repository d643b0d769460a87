using System.Text.Json;
using Sanxiang.Cases.Contracts;
using Sanxiang.Documents;

namespace Sanxiang.Cases.Domain.Documents;

/// <summary>
/// A document once issued: its model stored as data (rendered again unchanged to HTML, PDF or .docx) and the
/// SHA-256 of its canonical form, which the case's event puts in the Ledger. Never updated: a correction is a
/// new document with a new number.
/// </summary>
internal sealed class IssuedDocument
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IssuedDocument()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid AgencyId { get; private set; }

    public DocumentKind Kind { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public DateOnly IssuedOn { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public string IssuedBy { get; private set; } = string.Empty;

    public string Sha256 { get; private set; } = string.Empty;

    public string Content { get; private set; } = string.Empty;

    public static IssuedDocument Issue(Guid id, CaseFile c, DocumentKind kind, OfficialDocument document, CaseContext ctx) => new()
    {
        Id = id,
        CaseId = c.Id,
        AgencyId = c.AgencyId,
        Kind = kind,
        Number = document.Number ?? string.Empty,
        Title = document.Title,
        IssuedOn = ctx.Today,
        IssuedAt = ctx.Now.ToUniversalTime(),
        IssuedBy = ctx.Actor.UserId,
        Sha256 = HashOf(document),
        Content = JsonSerializer.Serialize(document, Json),
    };

    /// <summary>
    /// The document's hash: SHA-256 of the canonical form of everything but the verification QR code (which
    /// carries this hash, so it cannot be part of it).
    /// </summary>
    public static string HashOf(OfficialDocument document) => CanonicalForm.Sha256Hex(document with { Verification = null });

    public OfficialDocument Document() => JsonSerializer.Deserialize<OfficialDocument>(Content, Json)!;
}
