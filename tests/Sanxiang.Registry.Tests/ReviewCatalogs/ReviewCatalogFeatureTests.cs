using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Features.ReviewCatalogs;
using Sanxiang.Registry.Tests.Domain;

namespace Sanxiang.Registry.Tests.ReviewCatalogs;

/// <summary>
/// Editing a catalog through the feature handler on a real database: the next <see cref="IReviewCatalogs.ForAgencyAsync"/>
/// returns the change, each change writes exactly one outbox event in the same save, a refusal writes nothing.
/// </summary>
public sealed class ReviewCatalogFeatureTests : RegistryDbTest
{
    private static ReviewCatalogInput Catalog(long personFen = 500_000, int reviewDays = 10, bool? hearing = false) =>
        new(personFen, 10_000_000, true, true, hearing, true, true, true, true, reviewDays, 3);

    private static ReviewCatalogChange Input(long personFen = 500_000, int reviewDays = 10, int? version = null) => new(Catalog(personFen, reviewDays), version);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = NewContext();
        db.Agencies.Add(Agency.CreateWithId(AgencyA, Given.AgencyInput(), null));
        db.Agencies.Add(Agency.CreateWithId(AgencyB, Given.AgencyInput() with { Name = "某县综合行政执法局" }, null));
        await db.SaveChangesAsync();
        await db.Outbox.ExecuteDeleteAsync();
    }

    [Fact]
    public async Task ANeverEditedAgency_GetsTheDefaults_VersionZero()
    {
        await using var db = NewContext();

        (await new ReviewCatalogDirectory(db).ForAgencyAsync(AgencyA)).ShouldBe(ReviewCatalogFacts.Defaults(AgencyA));
        var view = await new ReviewCatalogFeatures(db).GetAsync(Writer, AgencyA, default);
        (view.Version, view.IsDefault, view.CanEdit).ShouldBe((0, true, true));
        view.Rules.Select(r => r.Code).ShouldBe(CatalogCodes.All);
        view.Rules.ShouldAllBe(r => r.Enabled && r.IsDefault);
    }

    [Fact]
    public async Task AChange_IsReturnedByForAgencyAsync_AndWritesExactlyOneOutboxEvent_WithoutPersonalData()
    {
        await using (var db = NewContext())
        {
            await new ReviewCatalogFeatures(db).ChangeAsync(Writer, AgencyA, Input(version: 0), default);
        }

        await using var check = NewContext();
        var facts = await new ReviewCatalogDirectory(check).ForAgencyAsync(AgencyA);
        facts.ShouldBe(ReviewCatalogFacts.Defaults(AgencyA) with { Version = 1, PersonThresholdFen = 500_000, HearingHeld = false, ReviewWorkingDays = 10 });
        (await new ReviewCatalogDirectory(check).ForAgencyAsync(AgencyB)).ShouldBe(ReviewCatalogFacts.Defaults(AgencyB), "another agency keeps the defaults");
        var e = (await check.Outbox.ToListAsync()).ShouldHaveSingleItem();
        (e.EventType, e.AggregateId, e.Module).ShouldBe(("registry.review-catalog.changed", AgencyA, "registry"));
        using var payload = JsonDocument.Parse(e.Payload);
        payload.RootElement.GetProperty("catalogVersion").GetInt32().ShouldBe(1);
        payload.RootElement.GetProperty("catalog").GetProperty("personThresholdFen").GetInt64().ShouldBe(500_000);
        e.Payload.ShouldNotContain("某县");
    }

    [Fact]
    public async Task BadInput_IsRefused_AndChangesNothing()
    {
        await using (var db = NewContext())
        {
            var f = new ReviewCatalogFeatures(db);
            var threshold = await Should.ThrowAsync<DomainRuleException>(() => f.ChangeAsync(Writer, AgencyA, Input(personFen: 0), default));
            var days = await Should.ThrowAsync<DomainRuleException>(() => f.ChangeAsync(Writer, AgencyA, Input(reviewDays: 31), default));
            var missing = await Should.ThrowAsync<DomainRuleException>(() => f.ChangeAsync(Writer, AgencyA, new ReviewCatalogChange(Catalog(hearing: null)), default));

            (threshold.RuleId, threshold.Errors[0].Field).ShouldBe(("GB118-REV-1", "PersonThresholdFen"));
            (days.RuleId, days.Errors[0].Field).ShouldBe(("GB118-REV-1", "ReviewWorkingDays"));
            (missing.RuleId, missing.Errors[0].Field).ShouldBe(("INPUT-REQUIRED", "HearingHeld"));
            var none = await Should.ThrowAsync<DomainRuleException>(() => f.ChangeAsync(Writer, AgencyA, new ReviewCatalogChange(null, 0), default));
            (none.RuleId, none.Errors[0].Field).ShouldBe(("INPUT-REQUIRED", "Catalog"));
        }

        await using var check = NewContext();
        (await check.ReviewCatalogs.CountAsync()).ShouldBe(0);
        (await check.Outbox.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task OutOfScope_IsNotFound_AndAReader_IsRefusedWithAUTHROLE_NothingWritten()
    {
        var ownOnly = new AccessScope("head-a", AgencyA, new HashSet<string>(StringComparer.Ordinal) { Roles.Head }, new HashSet<Guid> { AgencyA }, new HashSet<Guid> { AgencyA });
        await using (var db = NewContext())
        {
            var f = new ReviewCatalogFeatures(db);
            await Should.ThrowAsync<NotFoundException>(() => f.GetAsync(ownOnly, AgencyB, default));
            await Should.ThrowAsync<NotFoundException>(() => f.ChangeAsync(ownOnly, AgencyB, Input(), default));
            await Should.ThrowAsync<NotFoundException>(() => f.ResetAsync(ownOnly, AgencyB, null, default));
            await Should.ThrowAsync<NotFoundException>(() => f.ChangeAsync(Writer, Guid.CreateVersion7(), Input(), default));
            (await Should.ThrowAsync<DomainRuleException>(() => f.ChangeAsync(Reader, AgencyA, Input(), default))).RuleId.ShouldBe("AUTH-ROLE");
            (await f.GetAsync(Reader, AgencyA, default)).CanEdit.ShouldBeFalse();
        }

        await using var check = NewContext();
        (await check.ReviewCatalogs.CountAsync()).ShouldBe(0);
        (await check.Outbox.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AStaleVersion_IsRefusedAsCONCURRENCY()
    {
        await using (var db = NewContext())
        {
            await new ReviewCatalogFeatures(db).ChangeAsync(Writer, AgencyA, Input(version: 0), default);
        }

        await using var again = NewContext();
        var error = await Should.ThrowAsync<DomainRuleException>(() => new ReviewCatalogFeatures(again).ChangeAsync(Writer, AgencyA, Input(personFen: 600_000, version: 0), default));

        error.RuleId.ShouldBe("CONCURRENCY");
        (await new ReviewCatalogDirectory(again).ForAgencyAsync(AgencyA)).PersonThresholdFen.ShouldBe(500_000);
    }

    [Fact]
    public async Task Reset_RestoresTheDefaults_KeepsCountingVersions_AndIsOneEvent()
    {
        await using (var db = NewContext())
        {
            await new ReviewCatalogFeatures(db).ChangeAsync(Writer, AgencyA, Input(), default);
        }

        await using (var db = NewContext())
        {
            await new ReviewCatalogFeatures(db).ResetAsync(Writer, AgencyA, 1, default);
        }

        await using (var db = NewContext())
        {
            // Resetting a catalog already at the defaults changes nothing and records nothing.
            await new ReviewCatalogFeatures(db).ResetAsync(Writer, AgencyA, null, default);
            await new ReviewCatalogFeatures(db).ResetAsync(Writer, AgencyB, null, default);
        }

        await using var check = NewContext();
        (await new ReviewCatalogDirectory(check).ForAgencyAsync(AgencyA)).ShouldBe(ReviewCatalogFacts.Defaults(AgencyA) with { Version = 2 });
        (await check.Outbox.OrderBy(o => o.Sequence).Select(o => o.EventType).ToListAsync()).ShouldBe(["registry.review-catalog.changed", "registry.review-catalog.reset"]);
        (await check.ReviewCatalogs.CountAsync()).ShouldBe(1, "B was never edited: no row");
    }
}
