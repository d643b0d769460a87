using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Features;
using Sanxiang.Cases.Persistence;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// Two requests that take the first number of a kind in a year at the same moment both insert the counter row; the
/// second must be refused as CONCURRENCY (409, retry), having written nothing, not fail as an unknown error (500).
/// </summary>
public sealed class CaseNumberingTests(SanxiangFactory app) : IClassFixture<SanxiangFactory>
{
    [Fact]
    public async Task FirstNumberOfTheYear_TakenTwiceAtOnce_IsRefusedAsConcurrency_AndTheRetryCountsOn()
    {
        var agencies = new HashSet<Guid> { DemoAgencies.MarketRegulation };
        var officer = new AccessScope("officer", DemoAgencies.MarketRegulation, new HashSet<string>(StringComparer.Ordinal) { Roles.Officer }, agencies, agencies);
        var input = await ClueAsync();
        var year = ChinaTime.Today(TimeProvider.System).Year;

        long last;
        int casesBefore;
        await using (var before = app.Scope())
        {
            var db = before.ServiceProvider.GetRequiredService<CasesDbContext>();
            last = await db.Counters.AsNoTracking().Where(c => c.AgencyId == DemoAgencies.MarketRegulation && c.Year == year && c.Kind == "线").Select(c => c.Last).SingleOrDefaultAsync();
            casesBefore = await db.Cases.CountAsync();
        }

        await using var first = app.Scope();
        var taken = await first.ServiceProvider.GetRequiredService<Numbering>().NextAsync(DemoAgencies.MarketRegulation, year, "线", CancellationToken.None);
        taken.ShouldBe(last + 1); // counted in memory: the counter row is not saved yet

        await using (var second = app.Scope())
        {
            await second.ServiceProvider.GetRequiredService<CaseCommands>().OpenClueAsync(officer, input, CancellationToken.None);
        }

        var refused = await Should.ThrowAsync<DomainRuleException>(() => first.ServiceProvider.GetRequiredService<CaseCommands>().OpenClueAsync(officer, input, CancellationToken.None));
        refused.RuleId.ShouldBe("CONCURRENCY");

        await using (var retry = app.Scope())
        {
            var id = await retry.ServiceProvider.GetRequiredService<CaseCommands>().OpenClueAsync(officer, input, CancellationToken.None);
            var db = retry.ServiceProvider.GetRequiredService<CasesDbContext>();
            (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id)).Number.ShouldEndWith($"线〔{year}〕{last + 2}号");
            (await db.Cases.CountAsync()).ShouldBe(casesBefore + 2);
        }
    }

    private async Task<OpenClueInput> ClueAsync()
    {
        await using var scope = app.Scope();
        var directory = scope.ServiceProvider.GetRequiredService<IEnforcementDirectory>();
        var today = ChinaTime.Today(TimeProvider.System);
        var power = (await directory.PowersOfAgencyAsync(DemoAgencies.MarketRegulation, today)).Single(p => p.Code == "SJ-CF-001");
        var officers = await directory.OfficersOfAgencyAsync(DemoAgencies.MarketRegulation);
        Guid[] team = [officers.Single(o => o.Name == "王建国").Id, officers.Single(o => o.Name == "李秀英").Id];
        var party = new PartyInput(PartyKind.Organisation, "安平县某某食品有限公司", null, "91350100M000100Y43", "钱某", "安平县工业园区8号", null);
        return new OpenClueInput(power.Id, party, "销售超过保质期的食品", today.AddDays(-10), null, today.AddDays(-3), false, team);
    }
}
