using System.Security.Cryptography;
using System.Text;
using Sanxiang.Kernel.Domain;

namespace Sanxiang.Disclosure.Domain;

/// <summary>
/// PUB-RED-2: a phrase of a decided case's texts that a head of its agency masked before publication, where the
/// detector did not (a nickname, a shop sign that is a person's name…). Recorded with who and when; its event carries
/// the phrase's SHA-256, never the phrase, so the Ledger proves the mask without publishing what it hides.
/// </summary>
internal sealed class ManualMask : AggregateRoot
{
    public const int MinLength = 2;
    public const int MaxLength = 100;

    private ManualMask()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public string AddedBy { get; private set; } = string.Empty;

    public DateTimeOffset AddedAt { get; private set; }

    /// <param name="texts">The case's texts to be published: the phrase must be one of their parts.</param>
    public static ManualMask Add(Guid caseId, Guid agencyId, string? text, IEnumerable<string?> texts, string actor, DateTimeOffset now)
    {
        var phrase = (text ?? string.Empty).Trim();
        new Check()
            .That(phrase.Length is >= MinLength and <= MaxLength, "Text", "PUB-RED-2", $"遮蔽内容须为 {MinLength} 至 {MaxLength} 个字")
            .That(phrase.Length == 0 || texts.Any(t => t?.Contains(phrase, StringComparison.Ordinal) == true), "Text", "PUB-RED-2", "遮蔽内容须是本案拟公开文本中的原文")
            .ThrowIfAny();
        var mask = new ManualMask { Id = Guid.CreateVersion7(now), CaseId = caseId, AgencyId = agencyId, Text = phrase, AddedBy = actor, AddedAt = now };
        mask.Raise(new ManualMaskAdded(mask.Id, caseId, agencyId, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(phrase)))));
        return mask;
    }
}

internal sealed record ManualMaskAdded(Guid AggregateId, Guid CaseId, Guid AgencyId, string TextSha256) : IDomainEvent
{
    public string EventType => "disclosure.mask.added";
}
