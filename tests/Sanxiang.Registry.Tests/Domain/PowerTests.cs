using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using static Sanxiang.Registry.Tests.Domain.Given;

namespace Sanxiang.Registry.Tests.Domain;

public sealed class PowerTests
{
    private static readonly DateOnly FirstEffective = PowerInput().EffectiveFrom;

    [Fact]
    public void Create_StartsAtVersionOne_AndRaisesCreated()
    {
        var power = NewPower();

        power.CurrentVersion.ShouldBe(1);
        power.Versions.ShouldHaveSingleItem().Number.ShouldBe(1);
        power.Code.ShouldBe("330217001000");
        power.Category.ShouldBe(PowerCategory.Penalty);
        var e = power.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<PowerChanged>();
        (e.EventType, e.AggregateId, e.AgencyId, e.PowerVersion).ShouldBe(("registry.power.created", power.Id, AgencyId, 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WithoutCode_IsRefused(string code)
    {
        var error = Refused(() => Sanxiang.Registry.Domain.Power.Create(AgencyId, code, PowerInput(), Now)).ShouldHaveSingleItem();

        (error.Field, error.RuleId).ShouldBe(("Code", "INPUT-REQUIRED"));
    }

    [Fact]
    public void Create_WithoutLegalBasis_IsRefused()
    {
        var data = PowerInput() with { LegalBasisLaw = "", LegalBasisArticle = " " };

        Refused(() => Sanxiang.Registry.Domain.Power.Create(AgencyId, "X1", data, Now)).Select(e => e.Field)
            .ShouldBe(["LegalBasisLaw", "LegalBasisArticle"], ignoreOrder: true);
    }

    [Fact]
    public void Revise_KeepsHistory_REG5()
    {
        var power = NewPower();
        var revised = PowerInput(from: new DateOnly(2025, 7, 1), reason: "《产品质量法》修正") with { LegalBasisArticle = "第五十条", Name = "新名称" };

        power.Revise(revised);

        power.CurrentVersion.ShouldBe(2);
        power.Name.ShouldBe("新名称");
        power.Versions.Count.ShouldBe(2);
        var first = power.Versions.Single(v => v.Number == 1);
        (first.LegalBasisArticle, first.EffectiveFrom, first.ChangeReason).ShouldBe(("第四十九条", FirstEffective, (string?)null));
        power.Versions.Single(v => v.Number == 2).ChangeReason.ShouldBe("《产品质量法》修正");
        power.VersionOn(new DateOnly(2023, 12, 31)).ShouldBeNull();
        power.VersionOn(new DateOnly(2025, 6, 30))!.Number.ShouldBe(1);
        power.VersionOn(new DateOnly(2025, 7, 1))!.Number.ShouldBe(2);
        power.DomainEvents.OfType<PowerChanged>().Last().ShouldBe(new PowerChanged("registry.power.revised", power.Id, AgencyId, 2));
    }

    [Fact]
    public void Revise_OnTheSameEffectiveDate_IsAllowed_AndTheLaterVersionWins_REG5()
    {
        var power = NewPower();

        power.Revise(PowerInput(from: FirstEffective, reason: "更正") with { Name = "更正后的名称" });

        power.VersionOn(FirstEffective)!.Name.ShouldBe("更正后的名称");
    }

    [Fact]
    public void Revise_EarlierEffectiveDate_BreaksREG5()
    {
        var power = NewPower();

        var error = Refused(() => power.Revise(PowerInput(from: FirstEffective.AddDays(-1), reason: "法律修订"))).ShouldHaveSingleItem();

        (error.Field, error.RuleId).ShouldBe(("EffectiveFrom", "REG-5"));
        power.Versions.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Revise_WithoutReason_BreaksREG5(string? reason)
    {
        var power = NewPower();

        var error = Refused(() => power.Revise(PowerInput(from: new DateOnly(2025, 1, 1), reason: reason))).ShouldHaveSingleItem();

        (error.Field, error.RuleId).ShouldBe(("ChangeReason", "REG-5"));
        power.CurrentVersion.ShouldBe(1);
    }

    [Fact]
    public void Revise_ToANonPenaltyCategory_DropsTheBenchmark_APL34()
    {
        var power = NewPower();
        power.SetBenchmark([Level(CircumstanceLevel.Minor, 0, 100_000)]);

        power.Revise(PowerInput(PowerCategory.Inspection, new DateOnly(2025, 1, 1), "职能调整"));

        power.Category.ShouldBe(PowerCategory.Inspection);
        power.Benchmark.ShouldBeEmpty();
    }

    [Fact]
    public void SetBenchmark_Valid_StoresLevelsInOrder_AndRaisesEvent()
    {
        var power = NewPower();
        power.ClearDomainEvents();

        power.SetBenchmark([
            Level(CircumstanceLevel.Serious, 5_000_000, 10_000_000),
            Level(CircumstanceLevel.Minor, 0, 0, " 首次违法且及时改正 "),
            Level(CircumstanceLevel.General, 100_000, 5_000_000),
        ]);

        power.Benchmark.Select(l => l.Level).ShouldBe([CircumstanceLevel.Minor, CircumstanceLevel.General, CircumstanceLevel.Serious]);
        power.Benchmark[0].Circumstances.ShouldBe("首次违法且及时改正");
        power.DomainEvents.ShouldHaveSingleItem().EventType.ShouldBe("registry.power.benchmark-set");
    }

    [Fact]
    public void SetBenchmark_ReplacesThePreviousBenchmark()
    {
        var power = NewPower();
        power.SetBenchmark([Level(CircumstanceLevel.Minor, 0, 100), Level(CircumstanceLevel.General, 100, 200)]);

        power.SetBenchmark([Level(CircumstanceLevel.Severe, 1_000, 2_000)]);

        power.Benchmark.ShouldHaveSingleItem().Level.ShouldBe(CircumstanceLevel.Severe);
    }

    [Fact]
    public void SetBenchmark_MinAboveMax_BreaksREGBENCH()
    {
        var power = NewPower();

        var error = Refused(() => power.SetBenchmark([Level(CircumstanceLevel.General, 200_000, 100_000)])).ShouldHaveSingleItem();

        error.RuleId.ShouldBe("REG-BENCH");
        error.Message.ShouldContain("一般");
        power.Benchmark.ShouldBeEmpty();
    }

    [Fact]
    public void SetBenchmark_NegativeFine_BreaksREGBENCH()
    {
        Refused(() => NewPower().SetBenchmark([Level(CircumstanceLevel.Minor, -1, 100)])).ShouldHaveSingleItem().RuleId.ShouldBe("REG-BENCH");
    }

    [Fact]
    public void SetBenchmark_SameLevelTwice_BreaksREGBENCH()
    {
        var errors = Refused(() => NewPower().SetBenchmark([Level(CircumstanceLevel.Minor, 0, 100), Level(CircumstanceLevel.Minor, 0, 100)]));

        errors.ShouldContain(e => e.RuleId == "REG-BENCH");
    }

    [Fact]
    public void SetBenchmark_HeavierLevelWithLowerRange_BreaksREGBENCH()
    {
        var errors = Refused(() => NewPower().SetBenchmark([
            Level(CircumstanceLevel.Minor, 0, 500_000),
            Level(CircumstanceLevel.Severe, 100_000, 400_000),
        ]));

        errors.ShouldHaveSingleItem().RuleId.ShouldBe("REG-BENCH");
    }

    [Theory]
    [InlineData(PowerCategory.Licensing)]
    [InlineData(PowerCategory.Coercion)]
    [InlineData(PowerCategory.Inspection)]
    public void SetBenchmark_OnNonPenaltyPower_BreaksAPL34(PowerCategory category)
    {
        var power = NewPower(category);

        var error = Refused(() => power.SetBenchmark([Level(CircumstanceLevel.Minor, 0, 100)])).ShouldHaveSingleItem();

        error.RuleId.ShouldBe("APL-34");
        power.Benchmark.ShouldBeEmpty();
    }

    [Fact]
    public void SetBenchmark_WithoutLevels_IsRefused()
    {
        Refused(() => NewPower().SetBenchmark([])).ShouldHaveSingleItem().RuleId.ShouldBe("INPUT-REQUIRED");
    }

    [Fact]
    public void SetBenchmark_WithoutCircumstances_IsRefused()
    {
        Refused(() => NewPower().SetBenchmark([Level(CircumstanceLevel.Minor, 0, 100, circumstances: " ")]))
            .ShouldHaveSingleItem().RuleId.ShouldBe("INPUT-REQUIRED");
    }
}
