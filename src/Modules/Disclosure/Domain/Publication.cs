using System.Security.Cryptography;
using System.Text;
using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Domain;

internal enum PublicationStatus
{
    /// <summary>Decided, waiting for service (PUB-RED-3: the published text is the served version).</summary>
    Pending = 1,
    Published = 2,

    /// <summary>Never to be published: PUB-RED-1 (minor, secrets, privacy), PUB-RED-3 (warning only) or overturned before publication (APL-48).</summary>
    Withheld = 3,
    Withdrawn = 4,
}

/// <summary>The figures of the pipeline (section Disclosure).</summary>
internal sealed record PublicationRules(int PenaltyWorkingDays, int OtherWorkingDays, int WithdrawalWorkingDays, int DisplayYearsOrganisation, int DisplayYearsPerson);

/// <summary>
/// The publication of one decision (行政执法决定公开): masked when it is taken in (PUB-RED-2), published once the
/// decision is served and at the latest 7 working days (penalty, licensing) or 20 (others) after it is made
/// (GB118-PUB-3), never when PUB-RED-1 or PUB-RED-3 says so, withdrawn within 3 working days of being overturned with
/// the reason published (APL-48), shown for the display period (PUB-RED-4). Holds no unmasked personal data.
/// </summary>
internal sealed class Publication : AggregateRoot
{
    private Publication()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string AgencyName { get; private set; } = string.Empty;

    /// <summary>The agency's region (GB/T 2260) when the decision was taken in; null when it had none (and for publications older than the region).</summary>
    public string? RegionCode { get; private set; }

    public string? RegionName { get; private set; }

    public string CaseNumber { get; private set; } = string.Empty;

    public string? DecisionNumber { get; private set; }

    public string? DecisionSha256 { get; private set; }

    public DecisionCategory Category { get; private set; }

    public string PowerName { get; private set; } = string.Empty;

    public PartyKind PartyKind { get; private set; }

    public string PartyName { get; private set; } = string.Empty;

    public string? PartyCreditCode { get; private set; }

    public string Facts { get; private set; } = string.Empty;

    public string Reasons { get; private set; } = string.Empty;

    public string LegalBasis { get; private set; } = string.Empty;

    public string Result { get; private set; } = string.Empty;

    public DateOnly DecidedOn { get; private set; }

    public DateOnly? ServedOn { get; private set; }

    public DateOnly DueOn { get; private set; }

    public PublicationStatus Status { get; private set; }

    public string? WithheldRule { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>The order of publication (1, 2, …): the search index's key, newest first.</summary>
    public long? Seq { get; private set; }

    public string? Sha256 { get; private set; }

    public string? PublishedText { get; private set; }

    public DateOnly? DisplayUntil { get; private set; }

    public bool Indexed { get; set; }

    public DateOnly? WithdrawalDueOn { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }

    public string? WithdrawalReason { get; private set; }

    public string? WithdrawalSha256 { get; private set; }

    public Guid? PublishEventId { get; set; }

    public Guid? WithdrawEventId { get; set; }

    public DateOnly? LateAlertOn { get; private set; }

    public DateOnly? LateWithdrawalAlertOn { get; private set; }

    public int SourceVersion { get; private set; }

    public int Version { get; private set; }

    /// <summary>Takes in a decided case with its agency's name and region as they are now (later changes of the agency do not follow).</summary>
    public static Publication Take(DecidedCase c, AgencySummary? agency, PublicationRules rules, Func<DateOnly, int, DateOnly> addWorkingDays) => new()
    {
        Id = Guid.CreateVersion7(c.UpdatedAt),
        CaseId = c.CaseId,
        AgencyId = c.AgencyId,
        AgencyName = agency?.Name ?? string.Empty,
        RegionCode = agency?.RegionCode,
        RegionName = agency?.RegionName,
        DecidedOn = c.DecidedOn,
        Category = c.Category,
        DueOn = addWorkingDays(c.DecidedOn, c.Category == DecisionCategory.Other ? rules.OtherWorkingDays : rules.PenaltyWorkingDays),
        Status = PublicationStatus.Pending,
    };

    /// <summary>Takes in a newer version of the case: the masked texts while unpublished; exclusions; an overturning remedy.</summary>
    /// <param name="manualMasks">Phrases the agency's head masked by hand (PUB-RED-2).</param>
    public void Update(DecidedCase c, PublicationRules rules, DateOnly today, Func<DateOnly, int, DateOnly> addWorkingDays, IReadOnlyCollection<string>? manualMasks = null)
    {
        SourceVersion = c.CaseVersion;
        Version++;
        if (Status == PublicationStatus.Pending)
        {
            var r = Redaction.For(c, manualMasks);
            CaseNumber = c.CaseNumber;
            DecisionNumber = c.DecisionNumber;
            DecisionSha256 = c.DecisionSha256;
            PowerName = r.Mask(c.PowerName);
            PartyKind = c.Party.Kind;
            PartyName = c.Party.Name;
            PartyCreditCode = c.Party.CreditCode;
            Facts = r.Mask(c.Facts);
            Reasons = r.Mask(c.Reasons);
            LegalBasis = r.Mask(c.LegalBasis);
            Result = r.Mask(c.Result);
            ServedOn = c.ServedOn;
        }

        var overturned = c.Remedies.Where(x => x.Overturns).OrderBy(x => x.EndedOn).FirstOrDefault();
        if (Status == PublicationStatus.Pending)
        {
            var rule = c.PartyWasMinor || c.ExemptionReason is not null ? "PUB-RED-1" : c.WarningOnly ? "PUB-RED-3" : overturned is not null ? "APL-48" : null;
            if (rule is not null)
            {
                Status = PublicationStatus.Withheld;
                WithheldRule = rule;
                Raise(new PublicationEvent("disclosure.decision.withheld", Id, CaseId, AgencyId, Category, rule, null));
            }
        }
        else if (Status == PublicationStatus.Published && WithdrawalDueOn is null)
        {
            if (overturned is not null)
            {
                WithdrawalDueOn = addWorkingDays(overturned.EndedOn!.Value, rules.WithdrawalWorkingDays);
                WithdrawalReason = $"该决定经{CaseLabels.Of(overturned.Kind)}于{overturned.EndedOn:yyyy年M月d日}被{CaseLabels.Of(overturned.Result!.Value)}，依法撤下（《行政处罚法》第四十八条）。"
                    + (string.IsNullOrWhiteSpace(overturned.Text) ? string.Empty : Redaction.For(c, manualMasks).Mask(overturned.Text));
            }
            else if (c.PartyWasMinor || c.ExemptionReason is not null)
            {
                WithdrawalDueOn = today;
                WithdrawalReason = "经审查，该决定属于依法不予公开的情形，予以撤下。";
            }
        }
    }

    /// <summary>Publishes once served (PUB-RED-3); late when after the due date (GB118-PUB-3).</summary>
    public bool PublishIfServed(long seq, DateOnly today, DateTimeOffset now, PublicationRules rules)
    {
        if (Status != PublicationStatus.Pending || ServedOn is not { } served || served > today)
        {
            return false;
        }

        Status = PublicationStatus.Published;
        Version++;
        Seq = seq;
        PublishedOn = today;
        PublishedAt = now.ToUniversalTime();
        DisplayUntil = today.AddYears(PartyKind == PartyKind.Person ? rules.DisplayYearsPerson : rules.DisplayYearsOrganisation);
        PublishedText = Text();
        Sha256 = Hash(PublishedText);
        Raise(new PublicationEvent("disclosure.decision.published", Id, CaseId, AgencyId, Category, "GB118-PUB-3", Sha256));
        if (today > DueOn)
        {
            LateAlertOn ??= today;
        }

        return true;
    }

    /// <summary>APL-48: the withdrawal, its notice published (its own hash in the Ledger); late when after the due date.</summary>
    public bool WithdrawIfDue(DateOnly today)
    {
        if (Status != PublicationStatus.Published || WithdrawalDueOn is null)
        {
            return false;
        }

        Status = PublicationStatus.Withdrawn;
        Version++;
        WithdrawnOn = today;
        WithdrawalSha256 = Hash($"撤回公告\n公开编号：{Id}\n原公开文本SHA-256：{Sha256}\n撤回日期：{today:yyyy-MM-dd}\n撤回理由：{WithdrawalReason}\n");
        Raise(new PublicationEvent("disclosure.decision.withdrawn", Id, CaseId, AgencyId, Category, "APL-48", WithdrawalSha256));
        if (today > WithdrawalDueOn)
        {
            LateWithdrawalAlertOn ??= today;
        }

        return true;
    }

    /// <summary>GB118-PUB-3 / APL-48: raises the late alert once when the due date has passed with nothing done.</summary>
    public bool RaiseLateAlerts(DateOnly today)
    {
        if (Status == PublicationStatus.Pending && today > DueOn && LateAlertOn is null)
        {
            LateAlertOn = today;
            Version++;
            Raise(new PublicationEvent("disclosure.publication.late", Id, CaseId, AgencyId, Category, "GB118-PUB-3", null));
            return true;
        }

        if (Status == PublicationStatus.Published && WithdrawalDueOn is { } due && today > due && LateWithdrawalAlertOn is null)
        {
            LateWithdrawalAlertOn = today;
            Version++;
            Raise(new PublicationEvent("disclosure.withdrawal.late", Id, CaseId, AgencyId, Category, "APL-48", null));
            return true;
        }

        return false;
    }

    /// <summary>The text that is published and hashed: exactly the fields the public pages show.</summary>
    public string Text() => new StringBuilder()
        .Append("行政执法决定公开\n")
        .Append("公开编号：").Append(Id).Append('\n')
        .Append("执法机关：").Append(AgencyName).Append('\n')
        .Append("决定书文号：").Append(DecisionNumber ?? "—").Append('\n')
        .Append("案号：").Append(CaseNumber).Append('\n')
        .Append("类别：").Append(PublicationLabels.Of(Category)).Append('\n')
        .Append("当事人：").Append(PartyName).Append(PartyCreditCode is null ? string.Empty : $"（统一社会信用代码：{PartyCreditCode}）").Append('\n')
        .Append("执法事项：").Append(PowerName).Append('\n')
        .Append("主要违法事实：").Append(Facts).Append('\n')
        .Append("理由和依据：").Append(Reasons).Append('\n')
        .Append("法律依据：").Append(LegalBasis).Append('\n')
        .Append("处理结果：").Append(Result).Append('\n')
        .Append("决定日期：").Append(DecidedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
        .Append("决定书SHA-256：").Append(DecisionSha256 ?? "—").Append('\n')
        .ToString();

    /// <summary>What the search index holds: the published fields, masked.</summary>
    public string SearchText() => string.Join('\n', AgencyName, DecisionNumber, CaseNumber, PartyName, PartyCreditCode, PowerName, Facts, Reasons, LegalBasis, Result);

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>Publication events carry IDs, codes and the published text's hash (attachmentSha256: /verify?sha256= finds it), never personal data.</summary>
internal sealed record PublicationEvent(string EventType, Guid AggregateId, Guid CaseId, Guid AgencyId, DecisionCategory Category, string RuleId, string? AttachmentSha256) : IDomainEvent;

internal static class PublicationLabels
{
    public static string Of(DecisionCategory c) => c switch
    {
        DecisionCategory.Penalty => "行政处罚",
        DecisionCategory.Licensing => "行政许可",
        _ => "其他行政执法决定",
    };

    public static string Of(PublicationStatus s) => s switch
    {
        PublicationStatus.Pending => "待公开",
        PublicationStatus.Published => "已公开",
        PublicationStatus.Withheld => "不予公开",
        PublicationStatus.Withdrawn => "已撤回",
        _ => s.ToString(),
    };
}
