using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Cases.Contracts;
using Sanxiang.Disclosure.Domain;
using Sanxiang.Disclosure.Features;
using Sanxiang.Disclosure.Persistence;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Registry.Contracts;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The word search over many publications (ADR 0017), against an answer computed here: 240 decisions published
/// through the aggregate and the module's own index, over fourteen months, in two regions and two agencies, a third of
/// them about elevators (电梯). Every filter combination gives exactly the expected keys newest first, page after page;
/// the count is exact up to 100 (five pages ahead) and then says "more than"; a withdrawn decision leaves the index.
/// Their keys are spread over tens of thousands (PostgreSQL's index walks blocks of keys: matches in many blocks, and
/// blocks with none).
/// </summary>
public sealed class PublicSearchTests(SanxiangFactory app) : IClassFixture<SanxiangFactory>
{
    private static readonly Guid AgencyA = Guid.Parse("0198a000-0000-7000-8000-00000000000a");
    private static readonly Guid AgencyB = Guid.Parse("0198a000-0000-7000-8000-00000000000b");

    internal sealed record Seeded(Guid Id, long Seq, Guid Agency, string Region, DateOnly DecidedOn, bool Elevator, bool Food, bool Licensing);

    private static List<Seeded>? _seeded;

    [Fact]
    public async Task EveryFilterCombination_GivesExactlyTheMatchingDecisions_NewestFirst_PageAfterPage()
    {
        var all = await SeedAsync();
        var client = app.NewClient();
        var cases = new (string Query, Func<Seeded, bool> Expected)[]
        {
            ("q=电梯", s => s.Elevator),
            ("q=电梯 食品", s => s.Elevator && s.Food),
            ("q=梯", s => s.Elevator),
            ($"q=电梯&agencyId={AgencyB}", s => s.Elevator && s.Agency == AgencyB),
            ("q=电梯&region=331200", s => s.Elevator && s.Region == "331201"),
            ("q=电梯&region=33", s => s.Elevator),
            ("q=电梯&from=2025-05-01&to=2025-08-31", s => s.Elevator && s.DecidedOn >= new DateOnly(2025, 5, 1) && s.DecidedOn <= new DateOnly(2025, 8, 31)),
            ("q=电梯&from=2026-01-15", s => s.Elevator && s.DecidedOn >= new DateOnly(2026, 1, 15)),
            ("q=电梯&to=2025-02-10", s => s.Elevator && s.DecidedOn <= new DateOnly(2025, 2, 10)),
            ("q=电梯&from=2024-01-01&to=2024-12-31", _ => false),
            ("q=食品&category=Licensing&from=2025-03-01", s => s.Food && s.DecidedOn >= new DateOnly(2025, 3, 1) && s.Licensing),
            ("q=罚款", _ => true),
            ("q=罚款&from=2025-06-01", s => s.DecidedOn >= new DateOnly(2025, 6, 1)),
            ($"q=梯&agencyId={AgencyA}&region=3311", s => s.Elevator && s.Agency == AgencyA && s.Region == "331126"),
            ("q=电梯 食品&category=Penalty&region=331126&from=2025-04-01&to=2026-01-31",
                s => s.Elevator && s.Food && !s.Licensing && s.Region == "331126" && s.DecidedOn >= new DateOnly(2025, 4, 1) && s.DecidedOn <= new DateOnly(2026, 1, 31)),
            ($"q=罚款&agencyId={AgencyB}&category=Licensing", s => s.Agency == AgencyB && s.Licensing),
            ("q=罚款&region=3312", s => s.Region == "331201"),
            ("q=电梯&region=3313", _ => false),
        };
        foreach (var (query, expected) in cases)
        {
            var want = all.Where(expected).OrderByDescending(s => s.Seq).Select(s => s.Id).ToList();
            var got = new List<Guid>();
            for (var page = 1; page <= 20; page++)
            {
                using var doc = JsonDocument.Parse(await client.GetStringAsync($"/api/public/decisions?{query}&pageSize=15&page={page}"));
                var items = doc.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
                got.AddRange(items);
                if (page == 1)
                {
                    var (total, capped) = (doc.RootElement.GetProperty("total").GetInt32(), doc.RootElement.GetProperty("totalCapped").GetBoolean());
                    (capped ? total < want.Count : total == want.Count).ShouldBeTrue($"{query}: total {total} (capped {capped}) for {want.Count}");
                    capped.ShouldBe(want.Count > 100, query);
                }

                if (items.Count < 15)
                {
                    break;
                }
            }

            got.ShouldBe(want, query);
        }
    }

    [Fact]
    public async Task APL_48_AWithdrawnDecision_LeavesTheWordIndex_ButKeepsItsNotice()
    {
        var all = await SeedAsync();
        var victim = all.Where(s => s.Elevator).MaxBy(s => s.Seq)!;
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<DecisionIndex>().RemoveAsync(victim.Seq, default);
        }

        var client = app.NewClient();
        var first = JsonDocument.Parse(await client.GetStringAsync("/api/public/decisions?q=电梯&pageSize=5")).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
        first.ShouldNotBe(victim.Id);
        _seeded!.Remove(victim);
    }

    /// <summary>
    /// On PostgreSQL the app's sessions run without JIT: the search's plan is estimated over every block of the index
    /// but stops after the first; with JIT on, PostgreSQL would spend 20 ms compiling it (ADR 0017). (On SQLite there is
    /// nothing to check; the PostgreSQL pass of the suite runs this.)
    /// </summary>
    [Fact]
    public async Task OnPostgres_TheAppsSessionsRunWithoutJit()
    {
        if (app.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        (await db.Database.SqlQuery<string>($"SELECT current_setting('jit') AS \"Value\"").SingleAsync()).ShouldBe("off");
    }

    /// <summary>Once per class: 240 published decisions with known words, dates, agencies and regions.</summary>
    private async Task<List<Seeded>> SeedAsync() => _seeded ??= await SeedAsync(app, 240);

    /// <summary><paramref name="count"/> decisions published through the aggregate and the module's own index, newest last.</summary>
    internal static async Task<List<Seeded>> SeedAsync(SanxiangFactory app, int count)
    {
        var rules = new PublicationRules(7, 20, 3, 3, 3);
        var list = new List<Seeded>();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var index = scope.ServiceProvider.GetRequiredService<DecisionIndex>();
        var seq = await db.Publications.MaxAsync(p => p.Seq) ?? 0;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < count; i++)
        {
            var decided = new DateOnly(2025, 1, 6).AddDays(i * 425 / count);
            var (elevator, food) = (i % 3 == 0, i % 2 == 0);
            var agency = i % 4 == 0 ? AgencyB : AgencyA;
            var region = i % 5 == 0 ? "331201" : "331126";
            var facts = (elevator ? "使用未经定期检验的电梯" : "擅自占用城市道路") + (food ? "，并销售过期食品" : string.Empty) + "，当事人积极整改。";
            var c = new DecidedCase(Guid.NewGuid(), agency, $"检索〔2025〕{i + 1}号", 1, DateTimeOffset.UtcNow, null, null, i % 7 == 0 ? DecisionCategory.Licensing : DecisionCategory.Penalty,
                DecisionOutcome.Penalty, "对违法行为的行政处罚", decided, decided, new PublishableParty(PartyKind.Organisation, "某某有限公司", null), false, null, false, facts, "依法处理", "依据有关法律", "罚款人民币1000元。", [], []);
            var p = Publication.Take(c, new AgencySummary(agency, "检索测试局", AgencyLevel.County, AgencyKind.MarketRegulation, null, region, "测试区"), rules, (d, n) => d.AddDays(n));
            p.Update(c, rules, decided, (d, n) => d.AddDays(n));
            seq += i % 10 == 0 ? 2500 : 37; // keys spread over many of the PostgreSQL index's blocks, some of them empty
            p.PublishIfServed(seq, today, DateTimeOffset.UtcNow, rules).ShouldBeTrue();
            p.Indexed = true;
            db.Publications.Add(p);
            await db.SaveChangesAsync();
            await index.AddAsync(p, default);
            list.Add(new Seeded(p.Id, seq, agency, region, decided, elevator, food, i % 7 == 0));
        }

        return list;
    }
}

/// <summary>
/// The word index rebuilt after a migration (its own app: the publication job it runs also publishes the demo data's
/// served decisions, which the exact answers of <see cref="PublicSearchTests"/> do not expect).
/// </summary>
public sealed class PublicSearchReindexTests(SanxiangFactory app) : IClassFixture<SanxiangFactory>
{
    /// <summary>
    /// After a migration that rebuilt the index (disclosure 0004 empties it and marks every published decision
    /// unindexed), the publication job indexes them again, batch after batch, and the search finds them as before.
    /// </summary>
    [Fact]
    public async Task AfterTheIndexWasRebuilt_ThePublicationJob_IndexesThePublishedDecisionsAgain()
    {
        var all = await PublicSearchTests.SeedAsync(app, 60);
        var seqs = all.Select(s => (long?)s.Seq).ToList();
        await using (var scope = app.Scope())
        {
            var index = scope.ServiceProvider.GetRequiredService<DecisionIndex>();
            foreach (var s in all)
            {
                await index.RemoveAsync(s.Seq, default);
            }

            await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Publications.Where(p => seqs.Contains(p.Seq))
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Indexed, false));
        }

        var client = app.NewClient();
        async Task<List<Guid>> ElevatorsAsync()
        {
            using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/public/decisions?q=电梯&pageSize=100"));
            return [.. doc.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Where(id => all.Any(s => s.Id == id))];
        }

        (await ElevatorsAsync()).ShouldBeEmpty("the seeded decisions left the index");
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PublicationPipeline>().RunAsync();
        }

        (await ElevatorsAsync()).ShouldBe([.. all.Where(s => s.Elevator).OrderByDescending(s => s.Seq).Select(s => s.Id)]);
    }
}
