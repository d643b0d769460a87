using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Features.RecordingLists;
using Sanxiang.Registry.Tests.Domain;

namespace Sanxiang.Registry.Tests.RecordingLists;

/// <summary>
/// Editing a recording-required list through the feature handler on a real database: the next
/// <see cref="IRecordingLists.ForAgencyAsync"/> returns the change, each change writes one outbox event in the same
/// save, a refusal writes nothing (GB118-REC-2/3).
/// </summary>
public sealed class RecordingListFeatureTests : RegistryDbTest
{
    private static readonly string[] WithoutHearing =
        [RecordingSteps.SealUpSeizure, RecordingSteps.OnSiteInspection, RecordingSteps.ServiceByLeaving, RecordingSteps.ServiceByNotice, RecordingSteps.CompulsoryEnforcement];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = NewContext();
        db.Agencies.Add(Agency.CreateWithId(AgencyA, Given.AgencyInput(), null));
        db.Agencies.Add(Agency.CreateWithId(AgencyB, Given.AgencyInput() with { Name = "某县综合行政执法局" }, null));
        db.Powers.Add(Given.NewPower());
        await db.SaveChangesAsync();
        await db.Outbox.ExecuteDeleteAsync();
    }

    [Fact]
    public async Task GB118_REC_3_ANeverEditedAgency_GetsTheDefaults_VersionZero()
    {
        await using var db = NewContext();
        var facts = await new RecordingListDirectory(db).ForAgencyAsync(AgencyA);
        facts.Version.ShouldBe(0);
        facts.Steps.ShouldBe(RecordingListFacts.DefaultSteps);
        facts.InspectionPowers.ShouldBeEmpty();
        var view = await new RecordingListFeatures(db).GetAsync(Writer, AgencyA, default);
        (view.Version, view.IsDefault, view.CanEdit).ShouldBe((0, true, true));
        view.Steps.Where(s => s.Listed).Select(s => s.Code).ShouldBe(RecordingListFacts.DefaultSteps);
        view.Steps.Single(s => s.Code == RecordingSteps.SealUpSeizure).ShouldBe(new RecordingStepRow(RecordingSteps.SealUpSeizure, "查封、扣押", "GB118-REC-2", true, true, true));
        view.Powers.ShouldHaveSingleItem().Code.ShouldBe("330217001000");
    }

    [Fact]
    public async Task GB118_REC_3_AChange_IsReturnedByForAgencyAsync_AndWritesOneOutboxEvent()
    {
        await using (var db = NewContext())
        {
            await new RecordingListFeatures(db).ChangeAsync(Writer, AgencyA, new RecordingListChange(WithoutHearing, ["330217001000"], 0), default);
        }

        await using var check = NewContext();
        var facts = await new RecordingListDirectory(check).ForAgencyAsync(AgencyA);
        facts.Version.ShouldBe(1);
        facts.Steps.ShouldBe(WithoutHearing);
        facts.InspectionPowers.ShouldBe(["330217001000"]);
        facts.Requires(RecordingSteps.Hearing, "330217001000").ShouldBeFalse();
        facts.Requires(RecordingSteps.OnSiteInspection, "330217001000").ShouldBeTrue();
        (await new RecordingListDirectory(check).ForAgencyAsync(AgencyB)).Version.ShouldBe(0, "another agency keeps the defaults");
        var e = (await check.Outbox.ToListAsync()).ShouldHaveSingleItem();
        (e.EventType, e.AggregateId, e.Module).ShouldBe(("registry.recording-list.changed", AgencyA, "registry"));
        using var payload = JsonDocument.Parse(e.Payload);
        payload.RootElement.GetProperty("listVersion").GetInt32().ShouldBe(1);
        payload.RootElement.GetProperty("inspectionPowers")[0].GetString().ShouldBe("330217001000");
    }

    [Fact]
    public async Task GB118_REC_2_BadInput_StaleVersions_AndReaders_AreRefused_AndChangeNothing()
    {
        await using (var db = NewContext())
        {
            var f = new RecordingListFeatures(db);
            (await Should.ThrowAsync<DomainRuleException>(() => f.ChangeAsync(Writer, AgencyA, new RecordingListChange([RecordingSteps.Hearing], [], 0), default))).RuleId.ShouldBe("GB118-REC-2");
            (await Should.ThrowAsync<DomainRuleException>(() => f.ChangeAsync(Writer, AgencyA, new RecordingListChange(WithoutHearing, ["OTHER-AGENCY-1"], 0), default))).RuleId.ShouldBe("GB118-REC-3");
            (await Should.ThrowAsync<DomainRuleException>(() => f.ChangeAsync(Writer, AgencyA, new RecordingListChange(WithoutHearing, null, 0), default))).RuleId.ShouldBe("INPUT-REQUIRED");
            (await Should.ThrowAsync<DomainRuleException>(() => f.ChangeAsync(Reader, AgencyA, new RecordingListChange(WithoutHearing, [], 0), default))).RuleId.ShouldBe("AUTH-ROLE");
            (await Should.ThrowAsync<DomainRuleException>(() => f.ChangeAsync(Writer, AgencyA, new RecordingListChange(WithoutHearing, [], 3), default))).RuleId.ShouldBe("CONCURRENCY");
            await Should.ThrowAsync<NotFoundException>(() => f.GetAsync(Writer, Guid.NewGuid(), default));
        }

        await using var check = NewContext();
        (await check.RecordingLists.CountAsync()).ShouldBe(0);
        (await check.Outbox.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task GB118_REC_3_Reset_RestoresTheDefaults_AndKeepsCountingVersions()
    {
        await using (var db = NewContext())
        {
            var f = new RecordingListFeatures(db);
            await f.ChangeAsync(Writer, AgencyA, new RecordingListChange(WithoutHearing, [], 0), default);
            await f.ResetAsync(Writer, AgencyA, 1, default);
            await f.ResetAsync(Writer, AgencyA, 2, default); // already the defaults: no event
        }

        await using var check = NewContext();
        var facts = await new RecordingListDirectory(check).ForAgencyAsync(AgencyA);
        facts.Version.ShouldBe(2);
        facts.Steps.ShouldBe(RecordingListFacts.DefaultSteps);
        (await check.Outbox.OrderBy(o => o.Id).Select(o => o.EventType).ToListAsync()).ShouldBe(["registry.recording-list.changed", "registry.recording-list.reset"]);
    }
}
