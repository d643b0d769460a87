using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Domain;
using Sanxiang.Cases.Persistence;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Demo;

/// <summary>
/// Six cases of the demo market-regulation agency at different stages, built through the aggregate's own
/// transitions on dates before today (so every rule held): a clue awaiting filing, an investigation with a
/// seizure (under the head's written exception to the recording-required list), a notice in its statement period, an overdue fine with its surcharge, a summary-procedure fine paid
/// on the spot, and an archived no-penalty case. Names and numbers are invented.
/// </summary>
internal sealed class CasesDemoData(CasesDbContext db, IEnforcementDirectory directory, IWorkingDayCalendar calendar, IOptions<CaseRuleOptions> rules, TimeProvider clock, Numbering numbering) : IDemoDataSeeder
{
    public int Order => 30;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var agency = DemoAgencies.MarketRegulation;
        if (await db.Cases.AnyAsync(ct) || await directory.PowersOfAgencyAsync(agency, ChinaTime.Today(clock), ct) is not { Count: > 0 } powers)
        {
            return;
        }

        var today = ChinaTime.Today(clock);
        var officers = await directory.OfficersOfAgencyAsync(agency, ct);
        OfficerFacts Officer(string name) => officers.Single(o => o.Name == name);
        PowerFacts Power(string code) => powers.Single(p => p.Code == code);
        var food = new[] { Officer("王建国"), Officer("李秀英") };
        var product = new[] { Officer("陈静"), Officer("张伟") };
        var order = new[] { Officer("王建国"), Officer("张伟") };
        Task<string> Number(string kind) => numbering.DocumentNumberAsync(agency, today.Year, kind, ct);
        Task<string> Reference() => numbering.PaymentReferenceAsync(agency, today.Year, ct);
        CaseContext On(int daysAgo, bool head = false) => new(new CaseActor(head ? "demo.head" : "demo.officer", head), new DateTimeOffset(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)), today.AddDays(-daysAgo), rules.Value, calendar);
        var person = Party.Create(PartyKind.Person, "钱某某", "110105199003070017", null, null, "安平县城关镇解放路12号", "13900000000");
        var shop = Party.Create(PartyKind.Organisation, "安平县某某日用品商行", null, "91330000MA27U0TJ0W", "孙某", "安平县城关镇人民路88号", null);
        var fine = (long yuan) => Penalty.Create([PenaltyKind.Fine], yuan * 100, 0, CircumstanceLevel.General, null);
        var ev = (CaseFile c, IReadOnlyList<OfficerFacts> team, int ago) => c.RecordEvidence("书证", "进货票据及销售记录", today.AddDays(-ago), true, null, team, On(ago));

        var clue = CaseFile.OpenClue(agency, await Number("线"), Power("SJ-CF-006"), person, new CaseFacts("群众举报：未取得营业执照从事经营活动", today.AddDays(-5), null, today.AddDays(-1), false), On(0));
        clue.AssignTeam(order, On(0));
        clue.RequestFiling(order, On(0));

        var seized = await FiledAsync(Power("SJ-CF-001"), shop, food, "销售超过保质期的食品", 20);
        ev(seized, food, 20);
        // No Media module yet: the head's written exception stands in for the body-camera video (GB118-REC-2).
        seized.ApproveRecordingException(RecordingSteps.SealUpSeizure, "执法记录仪故障送修，现场以照片和笔录记录，经负责人批准例外", On(2, head: true));
        var exception = RecordingExceptionEntry.Of(seized);
        seized.TakeMeasure(MeasureKind.Seizure, "超过保质期的预包装食品36袋", today.AddDays(-2), true, false, new MeasureSteps(true, true, true, true, true, false, null), food, On(2));

        var notified = await FiledAsync(Power("SJ-CF-004"), shop, product, "销售不合格的电热水壶", 10);
        ev(notified, product, 10);
        notified.IssueNotice(fine(5_000), "销售经检验不合格的电热水壶12台", "违反《产品质量法》第三十九条", today.AddDays(-1), null, product, On(1));

        var overdue = await FiledAsync(Power("SJ-CF-004"), shop, product, "销售不合格的插线板", 45);
        ev(overdue, product, 45);
        overdue.IssueNotice(fine(3_000), "销售经检验不合格的插线板20个", "违反《产品质量法》第三十九条", today.AddDays(-40), null, product, On(40));
        overdue.RecordStatement(string.Empty, true, today.AddDays(-40), On(40));
        overdue.Decide(new DecisionDraft(DecisionOutcome.Penalty, fine(3_000), null, "销售经检验不合格的插线板20个", "依据《产品质量法》第四十九条"), product, On(35));
        overdue.Serve(ServiceMethod.Direct, today.AddDays(-34), "孙某", false, null, await Reference(), On(34));

        var spot = CaseFile.DecideOnTheSpot(agency, await Number("简罚"), Power("SJ-CF-006"), person, new CaseFacts("占道无照摆摊经营", today.AddDays(-3), null, today.AddDays(-3), false),
            Penalty.Create([PenaltyKind.Warning, PenaltyKind.Fine], 100_00, 0, CircumstanceLevel.Minor, null), new OnTheSpotRecord(true, true, true, false), order, await Reference(), On(3));
        spot.CollectOnTheSpot("QC0012345", null, On(3));

        var archived = await FiledAsync(Power("SJ-CF-004"), person, product, "销售标识不全的小家电", 70);
        ev(archived, product, 70);
        archived.Decide(new DecisionDraft(DecisionOutcome.NoPenalty, null, NoPenaltyGround.FirstMinorViolation, "初次违法，危害后果轻微并已及时改正", "依据《行政处罚法》第三十三条第一款，不予行政处罚，已对当事人进行教育"), product, On(60));
        archived.RequestClosing("不予行政处罚，已教育", On(60));
        archived.ApproveClosing(On(59, head: true));
        archived.Archive(On(59));

        db.Cases.AddRange(clue, seized, notified, overdue, spot, archived);
        db.RecordingExceptions.Add(exception);
        await db.SaveChangesAsync(ct);

        async Task<CaseFile> FiledAsync(PowerFacts power, Party party, IReadOnlyList<OfficerFacts> team, string summary, int ago)
        {
            var c = CaseFile.OpenClue(agency, await Number("线"), power, party, new CaseFacts(summary, today.AddDays(-ago - 3), null, today.AddDays(-ago), false), On(ago));
            c.AssignTeam(team, On(ago));
            c.RequestFiling(team, On(ago));
            c.ApproveFiling(await Number("立"), On(ago, head: true));
            return c;
        }
    }
}
