using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Tests.Domain;

/// <summary>Builds cases in a given stage through the aggregate's own transitions, with a movable "today".</summary>
internal sealed class CaseBuilder
{
    public static readonly Guid Agency = Guid.Parse("0190f000-0000-7000-8000-000000000011");
    public static readonly OfficerFacts Wang = Officer("王建国", "33110000001");
    public static readonly OfficerFacts Li = Officer("李秀英", "33110000002");
    public static readonly OfficerFacts Zhang = Officer("张伟", "33110000003");
    public static readonly OfficerFacts Chen = Officer("陈静", "33110000005");

    public static readonly PowerFacts FoodPower = new(Guid.Parse("0190f000-0000-7000-8000-0000000000a1"), Agency, "SJ-CF-001", "对经营不符合食品安全标准的食品的处罚", PowerCategory.Penalty, "食品安全", "《中华人民共和国食品安全法》", "第一百二十四条第一款", 1,
        [new(CircumstanceLevel.Minor, "首次违法", 50_000_00, 65_000_00), new(CircumstanceLevel.General, "一般情节", 65_000_00, 85_000_00), new(CircumstanceLevel.Serious, "多次违法", 85_000_00, 100_000_00)]);

    public static readonly PowerFacts PricePower = new(Guid.Parse("0190f000-0000-7000-8000-0000000000a2"), Agency, "SJ-CF-005", "对经营者不按规定明码标价的处罚", PowerCategory.Penalty, "食品安全", "《中华人民共和国价格法》", "第四十二条", 1,
        [new(CircumstanceLevel.Minor, "首次发现", 0, 1_000_00), new(CircumstanceLevel.General, "一般情节", 1_000_00, 3_000_00)]);

    // 110101199003077777 style numbers with a valid GB 11643 check digit.
    public const string AdultId = "110105199003070017";

    public const string ChildId = "110105201403070016";

    public CaseBuilder(DateOnly today) => Today = today;

    public DateOnly Today { get; set; }

    public CaseRuleOptions Rules { get; } = new();

    public IWorkingDayCalendar Calendar { get; } = WorkingDayCalendars.Shipped();

    public CaseContext Ctx(bool head = false, bool reviewer = false) =>
        new(new CaseActor(head ? "head" : reviewer ? "reviewer" : "officer", head, reviewer), new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)), Today, Rules, Calendar);

    public CaseContext Head => Ctx(head: true);

    public CaseContext Officer() => Ctx();

    /// <summary>An officer's context in which the Media module has linked one audio-video record to each of these steps (GB118-REC-2/3).</summary>
    public CaseContext Recorded(params string[] steps) => Ctx() with { LinkedRecordings = steps.ToDictionary(s => s, _ => 1, StringComparer.Ordinal) };

    public static OfficerFacts Officer(string name, string cert, bool auxiliary = false, DateOnly? expires = null, CertificateStatus status = CertificateStatus.Valid, string areas = "食品安全、市场秩序") =>
        new(Guid.NewGuid(), Agency, name, cert, areas.Split('、'), expires ?? new DateOnly(2030, 1, 1), status, auxiliary, false);

    public static Party Person(string id = AdultId) => Party.Create(PartyKind.Person, "赵某", id, null, null, "安平县城关镇幸福路1号", "13800000000");

    public static Party Company() => Party.Create(PartyKind.Organisation, "安平县某某食品有限公司", null, "91330000MA27U0TJ0W", "钱某", "安平县工业园区8号", null);

    public static Penalty Fine(long yuan, CircumstanceLevel level = CircumstanceLevel.Minor, string? reason = null) =>
        Penalty.Create([PenaltyKind.Fine], yuan * 100, 0, level, reason);

    public CaseFile Clue(Party? party = null, PowerFacts? power = null, DateOnly? actOn = null, bool harmsSafety = false)
    {
        var act = actOn ?? Today.AddDays(-10);
        var c = CaseFile.OpenClue(Agency, "线索〔2026〕1号", power ?? FoodPower, party ?? Person(), new CaseFacts("销售过期食品", act, null, Today.AddDays(-1) < act ? act : Today.AddDays(-1), harmsSafety), Officer());
        c.AssignTeam([Wang, Li], Officer());
        return c;
    }

    public CaseFile Filed(Party? party = null, PowerFacts? power = null)
    {
        var c = Clue(party, power);
        c.RequestFiling([Wang, Li], Officer());
        c.ApproveFiling("安市监立〔2026〕1号", Head);
        c.RecordEvidence("物证", "过期食品20袋", Today, true, null, [Wang, Li], Officer());
        return c;
    }

    public CaseFile Notified(Penalty penalty, Party? party = null, PowerFacts? power = null)
    {
        var c = Filed(party, power);
        c.IssueNotice(penalty, "销售超过保质期的食品", "违反食品安全法第三十四条", Today, null, [Wang, Li], Officer());
        return c;
    }

    /// <summary>A fine of <paramref name="yuan"/> decided and served today (statement waived), with payment reference P1.</summary>
    public CaseFile Served(long yuan)
    {
        var c = Notified(Fine(yuan), power: PricePower);
        c.RecordStatement(string.Empty, true, Today, Officer());
        c.Decide(PenaltyDraft(Fine(yuan)), [Wang, Li], Officer());
        c.Serve(ServiceMethod.Direct, Today, "赵某", false, null, "P1", Officer());
        return c;
    }

    public static DecisionDraft PenaltyDraft(Penalty p) => new(DecisionOutcome.Penalty, p, null, "销售超过保质期的食品", "依据食品安全法第一百二十四条");
}
