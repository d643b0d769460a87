using Sanxiang.Registry.Contracts;

namespace Sanxiang.Registry.Tests.ReviewCatalogs;

/// <summary>
/// GB118-REV-1 and the default ReviewCatalog of DOMAIN.md §4: for each rule, a proposed decision that matches it
/// and one just under its threshold, or without its trigger, that does not.
/// </summary>
public sealed class ReviewCatalogRuleTests
{
    private static readonly Guid Agency = new("0190f000-0000-7000-8000-0000000000a1");
    private static readonly ReviewCatalogFacts Defaults = ReviewCatalogFacts.Defaults(Agency);

    /// <summary>A proposed decision that matches no rule: a small fine on a person, nothing else.</summary>
    private static ProposedDecisionFacts Plain(ProposedDecisionKind kind = ProposedDecisionKind.Penalty, bool person = true, long fen = 500_00) =>
        new(kind, person, fen, OrdersSuspensionClosureOrRestriction: false, RevokesLicenceOrLowersQualification: false, HearingHeld: false, OutsideBenchmark: false, MajorPublicInterest: false, SeveralLegalRelations: false);

    private static List<string> Codes(ProposedDecisionFacts decision, ReviewCatalogFacts? catalog = null) =>
        [.. (catalog ?? Defaults).Match(decision).Select(m => m.Code)];

    public static TheoryData<ProposedDecisionKind> AllKinds => [.. Enum.GetValues<ProposedDecisionKind>()];

    public static TheoryData<ProposedDecisionKind> NonPenalties => [ProposedDecisionKind.NoPenalty, ProposedDecisionKind.RevokeCase, ProposedDecisionKind.TransferCrime];

    [Fact]
    public void Defaults_MatchDomainMd4_Exactly()
    {
        var d = ReviewCatalogFacts.Defaults(Agency);

        d.AgencyId.ShouldBe(Agency);
        d.Version.ShouldBe(0);
        d.PersonThresholdFen.ShouldBe(10_000L * 100, "fines or confiscation ≥ 10,000 yuan for a natural person");
        d.OrganisationThresholdFen.ShouldBe(100_000L * 100, "≥ 100,000 yuan for an organisation");
        d.SuspensionClosureRestriction.ShouldBeTrue();
        d.LicenceRevocation.ShouldBeTrue();
        d.HearingHeld.ShouldBeTrue();
        d.OutsideBenchmark.ShouldBeTrue();
        d.MajorPublicInterest.ShouldBeTrue();
        d.SeveralLegalRelations.ShouldBeTrue();
        d.SuspectedCrime.ShouldBeTrue();
        d.ReviewWorkingDays.ShouldBe(7, "7 working days from complete materials");
        d.ExtensionWorkingDays.ShouldBe(3, "extendable once by 3 working days");
        CatalogCodes.All.ShouldBe(["FINE-PERSON", "FINE-ORGANISATION", "SUSPENSION-CLOSURE", "LICENCE", "HEARING", "BENCHMARK", "PUBLIC-INTEREST", "SEVERAL-RELATIONS", "SUSPECTED-CRIME"]);
    }

    [Fact]
    public void Defaults_APlainSmallFine_MatchesNothing()
    {
        Defaults.Match(Plain()).ShouldBeEmpty();
    }

    [Fact]
    public void GB118_REV_1_FINE_PERSON_TenThousandYuanMatches_9999Point99DoesNot()
    {
        Defaults.Match(Plain(fen: 1_000_000)).ShouldBe([new CatalogMatch("FINE-PERSON", "罚没金额达到1万元（自然人）")]);
        Codes(Plain(fen: 2_500_000)).ShouldBe(["FINE-PERSON"]);
        Codes(Plain(fen: 999_999)).ShouldBeEmpty();
        Codes(Plain(person: false, fen: 1_000_000)).ShouldBeEmpty("10,000 yuan on an organisation is under its own threshold");
    }

    [Fact]
    public void GB118_REV_1_FINE_ORGANISATION_HundredThousandYuanMatches_99999Point99DoesNot()
    {
        Defaults.Match(Plain(person: false, fen: 10_000_000)).ShouldBe([new CatalogMatch("FINE-ORGANISATION", "罚没金额达到10万元（法人或者其他组织）")]);
        Codes(Plain(person: false, fen: 9_999_999)).ShouldBeEmpty();
        Codes(Plain(person: true, fen: 10_000_000)).ShouldBe(["FINE-PERSON"], "a person is measured against the person threshold only");
    }

    [Theory]
    [MemberData(nameof(NonPenalties))]
    public void GB118_REV_1_FINE_PERSON_And_FINE_ORGANISATION_ApplyToAPenaltyOnly(ProposedDecisionKind kind)
    {
        Codes(Plain(kind, person: true, fen: 50_000_000)).ShouldNotContain("FINE-PERSON");
        Codes(Plain(kind, person: false, fen: 500_000_000)).ShouldNotContain("FINE-ORGANISATION");
    }

    [Fact]
    public void GB118_REV_1_SUSPENSION_CLOSURE_OrderingSuspensionClosureOrRestrictionMatches_WithoutItDoesNot()
    {
        Defaults.Match(Plain() with { OrdersSuspensionClosureOrRestriction = true }).ShouldBe([new CatalogMatch("SUSPENSION-CLOSURE", "责令停产停业、责令关闭或者限制从业")]);
        Codes(Plain() with { OrdersSuspensionClosureOrRestriction = false }).ShouldBeEmpty();
    }

    [Fact]
    public void GB118_REV_1_LICENCE_RevokingALicenceOrLoweringAQualificationMatches_WithoutItDoesNot()
    {
        Codes(Plain() with { RevokesLicenceOrLowersQualification = true }).ShouldBe(["LICENCE"]);
        Codes(Plain() with { RevokesLicenceOrLowersQualification = false }).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void GB118_REV_1_HEARING_AHeldHearingMatches_AnyKind_WithoutOneDoesNot(ProposedDecisionKind kind)
    {
        Defaults.Match(Plain(kind) with { HearingHeld = true }).ShouldContain(new CatalogMatch("HEARING", "经过听证"));
        Codes(Plain(kind)).ShouldNotContain("HEARING");
    }

    [Fact]
    public void GB118_REV_1_BENCHMARK_APenaltyOutsideTheBenchmarkMatches_WithinItOrNotAPenaltyDoesNot()
    {
        Codes(Plain() with { OutsideBenchmark = true }).ShouldBe(["BENCHMARK"]);
        Codes(Plain() with { OutsideBenchmark = false }).ShouldBeEmpty();
        Codes(Plain(ProposedDecisionKind.NoPenalty) with { OutsideBenchmark = true }).ShouldBeEmpty("only a penalty can be outside the penalty benchmark");
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void GB118_REV_1_PUBLIC_INTEREST_MajorPublicInterestMatches_AnyKind_WithoutItDoesNot(ProposedDecisionKind kind)
    {
        Codes(Plain(kind) with { MajorPublicInterest = true }).ShouldContain("PUBLIC-INTEREST");
        Codes(Plain(kind)).ShouldNotContain("PUBLIC-INTEREST");
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void GB118_REV_1_SEVERAL_RELATIONS_SeveralLegalRelationsMatch_AnyKind_OneDoesNot(ProposedDecisionKind kind)
    {
        Codes(Plain(kind) with { SeveralLegalRelations = true }).ShouldContain("SEVERAL-RELATIONS");
        Codes(Plain(kind)).ShouldNotContain("SEVERAL-RELATIONS");
    }

    [Fact]
    public void GB118_REV_1_SUSPECTED_CRIME_ATransferMatches_APenaltyOrNoPenaltyDoesNot()
    {
        Codes(Plain(ProposedDecisionKind.TransferCrime)).ShouldBe(["SUSPECTED-CRIME"]);
        Codes(Plain(ProposedDecisionKind.Penalty)).ShouldBeEmpty();
        Codes(Plain(ProposedDecisionKind.NoPenalty)).ShouldBeEmpty();
        Codes(Plain(ProposedDecisionKind.RevokeCase)).ShouldBeEmpty();
    }

    [Fact]
    public void EveryTrigger_MatchesEveryRule_InCatalogOrder()
    {
        var all = new ProposedDecisionFacts(ProposedDecisionKind.Penalty, true, 5_000_000, true, true, true, true, true, true);

        Codes(all).ShouldBe(["FINE-PERSON", "SUSPENSION-CLOSURE", "LICENCE", "HEARING", "BENCHMARK", "PUBLIC-INTEREST", "SEVERAL-RELATIONS"]);
        Codes(all with { Kind = ProposedDecisionKind.TransferCrime, PartyIsNaturalPerson = false }).ShouldBe(["SUSPENSION-CLOSURE", "LICENCE", "HEARING", "PUBLIC-INTEREST", "SEVERAL-RELATIONS", "SUSPECTED-CRIME"]);
    }

    [Theory]
    [InlineData("SUSPENSION-CLOSURE")]
    [InlineData("LICENCE")]
    [InlineData("HEARING")]
    [InlineData("BENCHMARK")]
    [InlineData("PUBLIC-INTEREST")]
    [InlineData("SEVERAL-RELATIONS")]
    [InlineData("SUSPECTED-CRIME")]
    public void ADisabledRule_NeverMatches(string code)
    {
        var all = new ProposedDecisionFacts(ProposedDecisionKind.Penalty, true, 5_000_000, true, true, true, true, true, true);
        var catalog = code switch
        {
            "SUSPENSION-CLOSURE" => Defaults with { SuspensionClosureRestriction = false },
            "LICENCE" => Defaults with { LicenceRevocation = false },
            "HEARING" => Defaults with { HearingHeld = false },
            "BENCHMARK" => Defaults with { OutsideBenchmark = false },
            "PUBLIC-INTEREST" => Defaults with { MajorPublicInterest = false },
            "SEVERAL-RELATIONS" => Defaults with { SeveralLegalRelations = false },
            _ => Defaults with { SuspectedCrime = false },
        };

        Codes(all, catalog).ShouldNotContain(code);
        Codes(all with { Kind = ProposedDecisionKind.TransferCrime }, catalog).ShouldNotContain(code);
        Codes(all).Concat(Codes(all with { Kind = ProposedDecisionKind.TransferCrime })).ShouldContain(code, "on by default");
    }

    [Fact]
    public void AnEditedThreshold_IsTheOneMatched()
    {
        var catalog = Defaults with { PersonThresholdFen = 500_000, OrganisationThresholdFen = 20_000_000 };

        catalog.Match(Plain(fen: 500_000)).ShouldBe([new CatalogMatch("FINE-PERSON", "罚没金额达到5000元（自然人）")]);
        Codes(Plain(fen: 499_999), catalog).ShouldBeEmpty();
        catalog.Match(Plain(person: false, fen: 20_000_000)).ShouldBe([new CatalogMatch("FINE-ORGANISATION", "罚没金额达到20万元（法人或者其他组织）")]);
        Codes(Plain(person: false, fen: 19_999_999), catalog).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0L, 10_000_000L)]
    [InlineData(-1L, 10_000_000L)]
    [InlineData(1_000_000L, 0L)]
    public void ACatalogWithAThresholdOfZeroOrLess_IsInvalid(long person, long organisation)
    {
        var catalog = Defaults with { PersonThresholdFen = person, OrganisationThresholdFen = organisation };

        Should.Throw<InvalidOperationException>(() => catalog.Match(Plain())).Message.ShouldContain("GB118-REV-1");
    }
}
