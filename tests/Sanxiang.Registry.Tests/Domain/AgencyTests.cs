using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using static Sanxiang.Registry.Tests.Domain.Given;

namespace Sanxiang.Registry.Tests.Domain;

public sealed class AgencyTests
{
    private static Agency Create(AgencyData data, Agency? parent = null) => Agency.Create(data, parent, Now);

    [Fact]
    public void Create_UnderAParent_ExtendsTheMaterialisedPath()
    {
        var province = Create(AgencyInput(AgencyLevel.Province) with { Name = "某省司法厅" });
        var city = Create(AgencyInput(AgencyLevel.City), province);
        var county = Create(AgencyInput(AgencyLevel.County), city);

        province.Path.ShouldBe($"/{province.Id:N}/");
        county.Path.ShouldBe($"/{province.Id:N}/{city.Id:N}/{county.Id:N}/");
        county.ParentId.ShouldBe(city.Id);
        var e = county.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<AgencyChanged>();
        (e.EventType, e.AggregateId, e.ParentId).ShouldBe(("registry.agency.created", county.Id, (Guid?)city.Id));
    }

    [Theory]
    [InlineData(AgencyLevel.County, AgencyLevel.City)]
    [InlineData(AgencyLevel.County, AgencyLevel.Province)]
    [InlineData(AgencyLevel.Township, AgencyLevel.County)]
    public void Create_AboveTheParentsLevel_BreaksREGTREE(AgencyLevel parentLevel, AgencyLevel childLevel)
    {
        var parent = Create(AgencyInput(parentLevel));

        var error = Refused(() => Create(AgencyInput(childLevel), parent)).ShouldHaveSingleItem();

        (error.Field, error.RuleId).ShouldBe(("Level", "REG-TREE"));
    }

    [Theory]
    [InlineData(AgencyLevel.County, AgencyLevel.County)]
    [InlineData(AgencyLevel.County, AgencyLevel.Township)]
    [InlineData(AgencyLevel.Province, AgencyLevel.Township)]
    public void Create_AtOrBelowTheParentsLevel_IsAllowed_REGTREE(AgencyLevel parentLevel, AgencyLevel childLevel)
    {
        var parent = Create(AgencyInput(parentLevel));

        Create(AgencyInput(childLevel), parent).Level.ShouldBe(childLevel);
    }

    [Fact]
    public void Update_MovingAboveTheParentsLevel_BreaksREGTREE()
    {
        var parent = Create(AgencyInput(AgencyLevel.City));
        var child = Create(AgencyInput(AgencyLevel.County), parent);

        Refused(() => child.Update(AgencyInput(AgencyLevel.Province), parent)).ShouldHaveSingleItem().RuleId.ShouldBe("REG-TREE");
        child.Level.ShouldBe(AgencyLevel.County);
    }

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData(" 914403001922038216 ")]
    public void Create_WithAValidCreditCode_StoresItTrimmed_GB32100(string code)
    {
        Create(AgencyInput(creditCode: code)).CreditCode.ShouldBe(code.Trim());
    }

    [Theory]
    [InlineData("91350100M000100Y44")]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100I000100Y43")]
    public void Create_WithACorruptedCreditCode_BreaksGB32100(string code)
    {
        var error = Refused(() => Create(AgencyInput(creditCode: code))).ShouldHaveSingleItem();

        (error.Field, error.RuleId).ShouldBe(("CreditCode", "GB32100"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_WithoutCreditCode_IsAllowed(string? code)
    {
        Create(AgencyInput(creditCode: code)).CreditCode.ShouldBeNull();
    }

    [Fact]
    public void Create_WithoutLegalUnit_IsRefused_REG4()
    {
        var error = Refused(() => Create(AgencyInput() with { LegalUnit = " " })).ShouldHaveSingleItem();

        (error.Field, error.RuleId).ShouldBe(("LegalUnit", "INPUT-REQUIRED"));
    }

    [Fact]
    public void Create_WithUndefinedLevelOrKind_IsRefused()
    {
        var errors = Refused(() => Create(AgencyInput() with { Level = (AgencyLevel)9, Kind = (AgencyKind)77 }));

        errors.Select(e => (e.Field, e.RuleId)).ShouldBe([("Level", "INPUT-ENUM"), ("Kind", "INPUT-ENUM")], ignoreOrder: true);
    }

    [Fact]
    public void Create_NameLongerThanAHundredCharacters_IsRefused()
    {
        Refused(() => Create(AgencyInput() with { Name = new string('局', 101) })).ShouldHaveSingleItem().RuleId.ShouldBe("INPUT-LENGTH");
    }

    [Fact]
    public void Create_WithARegion_KeepsTheTrimmedCodeAndName()
    {
        var agency = Create(AgencyInput() with { RegionCode = " 110105 ", RegionName = " 北京市朝阳区 " });

        (agency.RegionCode, agency.RegionName).ShouldBe(("110105", "北京市朝阳区"));
    }

    [Theory]
    [InlineData("11010", "北京市朝阳区", "RegionCode", "GB2260")]
    [InlineData("11O105", "北京市朝阳区", "RegionCode", "GB2260")]
    [InlineData("001234", "某地", "RegionCode", "GB2260")]
    [InlineData(null, "北京市朝阳区", "RegionCode", "GB2260")]
    [InlineData("110105", null, "RegionName", "INPUT-REQUIRED")]
    public void Create_WithABrokenRegion_IsRefusedOnItsField(string? code, string? name, string field, string rule)
    {
        var error = Refused(() => Create(AgencyInput() with { RegionCode = code, RegionName = name })).ShouldHaveSingleItem();

        (error.Field, error.RuleId).ShouldBe((field, rule));
    }

    [Theory]
    [InlineData("110105", "110105")]
    [InlineData("110100", "1101")]
    [InlineData("1101", "1101")]
    [InlineData("110000", "11")]
    [InlineData("11", "11")]
    [InlineData("331126", "331126")]
    [InlineData("110", null)]
    [InlineData("000000", null)]
    [InlineData("11a100", null)]
    public void ARegionFilter_StandsForTheCodesUnderIt(string value, string? prefix) =>
        AdministrativeDivisions.Prefix(value).ShouldBe(prefix);
}
