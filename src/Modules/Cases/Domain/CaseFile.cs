using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Domain;

/// <summary>Who acts on a case: a user, and whether they act as the agency's head (负责人) for approvals.</summary>
internal sealed record CaseActor(string UserId, bool IsHead, bool IsReviewer = false);

/// <summary>
/// What every transition needs besides its own input: who, when, the figures and the calendar; for the decision also
/// the agency's ReviewCatalog (GB118-REV-1; the shipped defaults when not given) and the fingerprints of the proposed
/// decisions that passed legal review (APL-58; from the Reviews module); for a step that may need audio-video records
/// the agency's recording-required list (GB118-REC-2/3; the shipped defaults when not given) and the count of records
/// linked to the case per step code (from the Media module; none when not given).
/// </summary>
internal sealed record CaseContext(
    CaseActor Actor,
    DateTimeOffset Now,
    DateOnly Today,
    CaseRuleOptions Rules,
    Sanxiang.Registry.Contracts.IWorkingDayCalendar Calendar,
    ReviewCatalogFacts? Catalog = null,
    IReadOnlyCollection<string>? PassedReviews = null,
    RecordingListFacts? RecordingList = null,
    IReadOnlyDictionary<string, int>? LinkedRecordings = null)
{
    public ReviewCatalogFacts ReviewCatalog => Catalog ?? ReviewCatalogFacts.Defaults(Guid.Empty);

    public RecordingListFacts Recordings => RecordingList ?? RecordingListFacts.Defaults(Guid.Empty);
}

/// <summary>
/// A penalty case (行政处罚案件) from clue to archive. Every transition is a method that enforces the Penalty
/// Law and the Compulsion Law and names the rule (DOMAIN.md IDs) when it refuses; nothing changes when a rule
/// fails. Deadlines are computed with the working-day calendar when the step happens and stored.
/// The sub-state lives in <see cref="CaseDetails"/>, stored as JSON with the row.
/// </summary>
internal sealed partial class CaseFile : AggregateRoot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private CaseDetails? _details;

    private CaseFile()
    {
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The case number (案号), given when filing is approved; the clue number before.</summary>
    public string Number { get; private set; } = string.Empty;

    public Procedure Procedure { get; private set; }

    public CaseStage Stage { get; private set; }

    public Guid PowerId { get; private set; }

    /// <summary>The party's name, kept as a column for search in the agency's own lists (never published from here).</summary>
    public string PartyName { get; private set; } = string.Empty;

    /// <summary>
    /// The officer IDs of the current team, space-separated, kept by <see cref="Commit"/> from <see cref="CaseDetails.Team"/>:
    /// the column queries filter on for the cases a user is on the team of (SEC-PI-1, docs/decisions/0012).
    /// </summary>
    public string TeamOfficers { get; private set; } = string.Empty;

    public DateOnly? FiledOn { get; private set; }

    /// <summary>APL-60: the decision deadline (filing + 90 days + approved extensions).</summary>
    public DateOnly? DecisionDeadline { get; private set; }

    /// <summary>The next legal deadline of any kind, for "what is due" lists.</summary>
    public DateOnly? NextDeadline { get; private set; }

    public DecisionOutcome? Outcome { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public string DetailsJson { get; private set; } = "{}";

    public CaseDetails Details => _details ??= JsonSerializer.Deserialize<CaseDetails>(DetailsJson, Json)!;

    public Party Party => Details.Party;

    public PowerSnapshot Power => Details.Power;

    /// <summary>Opens a general-procedure case from a clue (线索登记).</summary>
    public static CaseFile OpenClue(Guid agencyId, string number, PowerFacts power, Party party, CaseFacts facts, CaseContext ctx)
    {
        CheckPower(agencyId, power);
        facts.Validate(ctx.Today);
        var now = ctx.Now;
        var c = new CaseFile
        {
            Id = Guid.CreateVersion7(now),
            AgencyId = agencyId,
            Number = number,
            Procedure = Procedure.General,
            Stage = CaseProcedure.RegisterClue.Target,
            PowerId = power.Id,
            PartyName = party.Name,
            CreatedBy = ctx.Actor.UserId,
            CreatedAt = now.ToUniversalTime(),
            _details = NewDetails(power, party, facts),
        };
        c.Step(ctx, "登记线索", facts.Summary.Trim(), null);
        c.Commit("cases.case.clue-registered", ctx);
        return c;
    }

    /// <summary>What every new case starts with: the power as it stands today, the party and the facts of the act.</summary>
    private static CaseDetails NewDetails(PowerFacts power, Party party, CaseFacts facts) => new()
    {
        Power = PowerSnapshot.Of(power),
        Party = party,
        Summary = facts.Summary.Trim(),
        ActOn = facts.ActOn,
        ActEndedOn = facts.ActEndedOn,
        DiscoveredOn = facts.DiscoveredOn,
        HarmsSafety = facts.HarmsSafety,
        MajorPublicInterest = facts.MajorPublicInterest,
        SeveralLegalRelations = facts.SeveralLegalRelations,
    };

    internal static void CheckPower(Guid agencyId, PowerFacts power)
    {
        if (power.AgencyId != agencyId)
        {
            throw new DomainRuleException("REG-1", "只能适用本机关权责清单中的权力", "PowerId");
        }

        if (power.Category != PowerCategory.Penalty)
        {
            throw new DomainRuleException("APL-39", "处罚案件须适用“行政处罚”类权力", "PowerId");
        }
    }

    public bool IsArchived => Stage == CaseStage.Archived;

    /// <summary>GB118-REC-4: an archived case is read-only; every change is refused (409).</summary>
    private void EnsureWritable()
    {
        if (Stage == CaseStage.Archived)
        {
            throw DomainRuleException.Conflict("GB118-REC-4", "案件已归档，案卷不得删除或修改（如需更正，请另行制作文书）");
        }
    }

    private void EnsureStage(string action, params CaseStage[] allowed)
    {
        EnsureWritable();
        if (!allowed.Contains(Stage))
        {
            var names = string.Join("、", allowed.Select(CaseLabels.Of));
            throw DomainRuleException.Conflict("CASE-STAGE", $"案件当前处于“{CaseLabels.Of(Stage)}”阶段，不能{action}（须在：{names}）");
        }
    }

    /// <summary>The stage guard of <paramref name="action"/> (CASE-STAGE, naming the stages it is allowed in).</summary>
    private void EnsureStage(CaseAction action) => EnsureStage(action.Label, [.. action.From]);

    /// <summary>Moves the case to the stage <paramref name="action"/> leads to.</summary>
    private void MoveTo(CaseAction action) => Stage = action.Target;

    private void Step(CaseContext ctx, string action, string detail, string? ruleId) =>
        Details.Steps.Add(new CaseStep(ctx.Now, ctx.Actor.UserId, action, detail, ruleId));

    /// <summary>Serializes the sub-state, bumps the version and raises the event (IDs and codes only: SEC-PI-1).</summary>
    private void Commit(string eventType, CaseContext ctx, string? documentSha256 = null)
    {
        DetailsJson = JsonSerializer.Serialize(Details, Json);
        TeamOfficers = string.Join(' ', Details.Team.Select(t => t.OfficerId));
        UpdatedAt = ctx.Now.ToUniversalTime();
        Version++;
        NextDeadline = ComputeNextDeadline();
        Raise(new CaseEvent(eventType, Id, AgencyId, Stage, Version, documentSha256));
    }

    /// <summary>The fingerprint of a proposed decision: a review or a discussion applies to exactly this decision (APL-58).</summary>
    public static string Fingerprint(DecisionOutcome outcome, Penalty? penalty)
    {
        var text = penalty is null
            ? $"v1|{outcome}"
            : $"v1|{outcome}|{string.Join(',', penalty.Kinds.Select(k => (int)k))}|{penalty.FineFen}|{penalty.ConfiscationFen}|{(int)penalty.Level}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}

/// <summary>Case events carry IDs, codes and hashes only, never a party's name or number (SEC-PI-1); AttachmentSha256 (an issued document or an evidence file) becomes the ledger entry's attachment hash.</summary>
internal sealed record CaseEvent(string EventType, Guid AggregateId, Guid AgencyId, CaseStage Stage, int CaseVersion, string? AttachmentSha256) : IDomainEvent;

/// <summary>The facts of the act as registered with the clue (APL-36 needs the dates).</summary>
internal sealed record CaseFacts(string Summary, DateOnly ActOn, DateOnly? ActEndedOn, DateOnly DiscoveredOn, bool HarmsSafety, bool MajorPublicInterest = false, bool SeveralLegalRelations = false)
{
    public void Validate(DateOnly today) => new Check()
        .Required("Summary", "案情摘要", Summary, 2000)
        .That(ActOn <= today, "ActOn", "INPUT-DATES", "违法行为发生日期不能晚于今天")
        .That(ActEndedOn is null || (ActEndedOn >= ActOn && ActEndedOn <= today), "ActEndedOn", "INPUT-DATES", "违法行为终了日期须在发生日期之后、今天之前")
        .That(DiscoveredOn >= ActOn && DiscoveredOn <= today, "DiscoveredOn", "INPUT-DATES", "发现日期须在违法行为发生之后、今天之前")
        .ThrowIfAny();
}
