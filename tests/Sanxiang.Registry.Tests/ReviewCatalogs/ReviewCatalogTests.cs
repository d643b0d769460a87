using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;

namespace Sanxiang.Registry.Tests.ReviewCatalogs;

/// <summary>The catalog aggregate: GB118-REV-1's figures are checked, each change raises exactly one event, nothing changes on a refusal.</summary>
public sealed class ReviewCatalogTests
{
    private static readonly Guid Agency = new("0190f000-0000-7000-8000-0000000000a1");

    private static ReviewCatalogData Edited => ReviewCatalogData.Defaults with { PersonThresholdFen = 500_000, HearingHeld = false, ReviewWorkingDays = 10 };

    [Fact]
    public void StartFromDefaults_IsTheDefaultCatalog_VersionZero_WithoutEvents()
    {
        var catalog = ReviewCatalog.StartFromDefaults(Agency);

        catalog.ToFacts().ShouldBe(ReviewCatalogFacts.Defaults(Agency));
        catalog.IsDefault.ShouldBeTrue();
        catalog.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void Change_SetsTheFigures_AndRaisesOneEvent_WithTheFiguresOnly()
    {
        var catalog = ReviewCatalog.StartFromDefaults(Agency);

        catalog.Change(Edited);

        catalog.ToFacts().ShouldBe(ReviewCatalogFacts.Defaults(Agency) with { Version = 1, PersonThresholdFen = 500_000, HearingHeld = false, ReviewWorkingDays = 10 });
        catalog.IsDefault.ShouldBeFalse();
        catalog.DomainEvents.ShouldHaveSingleItem().ShouldBe(new ReviewCatalogChanged("registry.review-catalog.changed", Agency, 1, Edited, false));
    }

    [Fact]
    public void Change_ToTheSameFigures_RaisesNothing()
    {
        var catalog = ReviewCatalog.StartFromDefaults(Agency);

        catalog.Change(ReviewCatalogData.Defaults);
        catalog.ResetToDefaults();

        catalog.Version.ShouldBe(0);
        catalog.DomainEvents.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0L, 10_000_000L, 7, 3, "PersonThresholdFen")]
    [InlineData(-100L, 10_000_000L, 7, 3, "PersonThresholdFen")]
    [InlineData(1_000_000L, 0L, 7, 3, "OrganisationThresholdFen")]
    [InlineData(1_000_000L, 10_000_000L, 0, 3, "ReviewWorkingDays")]
    [InlineData(1_000_000L, 10_000_000L, 31, 3, "ReviewWorkingDays")]
    [InlineData(1_000_000L, 10_000_000L, 7, -1, "ExtensionWorkingDays")]
    [InlineData(1_000_000L, 10_000_000L, 7, 16, "ExtensionWorkingDays")]
    public void Change_WithAFigureOutOfRange_BreaksGB118REV1_AndChangesNothing(long person, long organisation, int review, int extension, string field)
    {
        var catalog = ReviewCatalog.StartFromDefaults(Agency);
        var data = ReviewCatalogData.Defaults with { PersonThresholdFen = person, OrganisationThresholdFen = organisation, ReviewWorkingDays = review, ExtensionWorkingDays = extension, HearingHeld = false };

        var error = Should.Throw<DomainRuleException>(() => catalog.Change(data)).Errors.ShouldHaveSingleItem();

        (error.Field, error.RuleId).ShouldBe((field, "GB118-REV-1"));
        catalog.IsDefault.ShouldBeTrue();
        catalog.Version.ShouldBe(0);
        catalog.DomainEvents.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(30, 15)]
    public void Change_AtTheEdgesOfTheRanges_IsAccepted(int review, int extension)
    {
        var catalog = ReviewCatalog.StartFromDefaults(Agency);

        catalog.Change(ReviewCatalogData.Defaults with { PersonThresholdFen = 1, ReviewWorkingDays = review, ExtensionWorkingDays = extension });

        (catalog.Figures.PersonThresholdFen, catalog.Figures.ReviewWorkingDays, catalog.Figures.ExtensionWorkingDays).ShouldBe((1L, review, extension));
    }

    [Fact]
    public void ResetToDefaults_RestoresDomainMd4_AndRaisesTheResetEvent()
    {
        var catalog = ReviewCatalog.StartFromDefaults(Agency);
        catalog.Change(Edited);
        catalog.ClearDomainEvents();

        catalog.ResetToDefaults();

        catalog.ToFacts().ShouldBe(ReviewCatalogFacts.Defaults(Agency) with { Version = 2 });
        catalog.DomainEvents.ShouldHaveSingleItem().EventType.ShouldBe("registry.review-catalog.reset");
    }
}
