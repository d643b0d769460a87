using Microsoft.EntityFrameworkCore;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;

namespace Sanxiang.Registry.Tests;

/// <summary>
/// Rows added to owned collections keyed by a number (power versions, training years, benchmark levels) are
/// inserted, not updated: EF would otherwise treat the int key part as store-generated and a set value as "exists".
/// </summary>
public sealed class OwnedCollectionPersistenceTests : RegistryDbTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Revise_SavesTheNewVersion_AndKeepsTheOld()
    {
        var power = Power.Create(AgencyA, "CF-001", new("处罚甲", PowerCategory.Penalty, "某法", "第一条", "市场监管", new DateOnly(2024, 1, 1), null), Now);
        await using (var db = NewContext())
        {
            db.Powers.Add(power);
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var loaded = await db.Powers.Include(p => p.Versions).Include(p => p.Benchmark).AsTracking().SingleAsync();
            loaded.Revise(new("处罚乙", PowerCategory.Penalty, "某法", "第二条", "市场监管", new DateOnly(2025, 1, 1), "法律修订"));
            loaded.SetBenchmark([new BenchmarkLevel { Level = CircumstanceLevel.Minor, Circumstances = "初次", MinFineFen = 0, MaxFineFen = 100 }]);
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var loaded = await db.Powers.Include(p => p.Versions).Include(p => p.Benchmark).SingleAsync();
            loaded.Versions.OrderBy(v => v.Number).Select(v => v.LegalBasisArticle).ShouldBe(["第一条", "第二条"]);
            loaded.Benchmark.ShouldHaveSingleItem().Level.ShouldBe(CircumstanceLevel.Minor);
        }
    }

    [Fact]
    public async Task RecordTraining_SavesANewYear()
    {
        var officer = Officer.Register(AgencyA, new("张三", IdNumber(1), "JZ-0001", ["市场监管"], new DateOnly(2024, 1, 1), new DateOnly(2029, 1, 1), false, true), Now);
        await using (var db = NewContext())
        {
            db.Officers.Add(officer);
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var loaded = await db.Officers.Include(o => o.Training).AsTracking().SingleAsync();
            loaded.RecordTraining(2026, 40);
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            (await db.Officers.Include(o => o.Training).SingleAsync()).Training.ShouldHaveSingleItem().Hours.ShouldBe(40);
        }
    }
}
