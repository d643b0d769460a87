using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Tests.Domain;

namespace Sanxiang.Registry.Tests.RecordingLists;

/// <summary>The shipped recording-required list, one test per default rule, and the rules of an edit (GB118-REC-2/3).</summary>
public sealed class RecordingListRuleTests
{
    private static readonly Guid Agency = Given.AgencyId;
    private static readonly RecordingListFacts Defaults = RecordingListFacts.Defaults(Agency);
    private static readonly HashSet<string> AgencyPowers = new(["SJ-CF-001", "SJ-CF-004"], StringComparer.Ordinal);

    [Fact]
    public void GB118_REC_2_SealUpAndSeizure_IsListedByDefault_ForEveryPower()
    {
        Defaults.Requires(RecordingSteps.SealUpSeizure, "SJ-CF-001").ShouldBeTrue();
        Defaults.Requires(RecordingSteps.SealUpSeizure, null).ShouldBeTrue();
        RecordingSteps.Rule(RecordingSteps.SealUpSeizure).ShouldBe("GB118-REC-2");
    }

    [Fact]
    public void GB118_REC_2_CompulsoryEnforcement_IsListedByDefault()
    {
        Defaults.Requires(RecordingSteps.CompulsoryEnforcement, "SJ-CF-001").ShouldBeTrue();
        RecordingSteps.Rule(RecordingSteps.CompulsoryEnforcement).ShouldBe("GB118-REC-2");
    }

    [Fact]
    public void GB118_REC_3_Hearing_IsListedByDefault() =>
        (Defaults.Requires(RecordingSteps.Hearing, "SJ-CF-001"), RecordingSteps.Rule(RecordingSteps.Hearing)).ShouldBe((true, "GB118-REC-3"));

    [Fact]
    public void GB118_REC_3_ServiceByLeaving_IsListedByDefault() =>
        (Defaults.Requires(RecordingSteps.ServiceByLeaving, "SJ-CF-001"), RecordingSteps.Rule(RecordingSteps.ServiceByLeaving)).ShouldBe((true, "GB118-REC-3"));

    [Fact]
    public void GB118_REC_3_ServiceByPublicNotice_IsListedByDefault() =>
        (Defaults.Requires(RecordingSteps.ServiceByNotice, "SJ-CF-001"), RecordingSteps.Rule(RecordingSteps.ServiceByNotice)).ShouldBe((true, "GB118-REC-3"));

    [Fact]
    public void GB118_REC_3_OnSiteInspection_IsListedByDefault_ForNoPower_UntilTheAgencyNamesOne()
    {
        Defaults.Steps.ShouldContain(RecordingSteps.OnSiteInspection);
        Defaults.InspectionPowers.ShouldBeEmpty();
        Defaults.Requires(RecordingSteps.OnSiteInspection, "SJ-CF-001").ShouldBeFalse();
        var named = Defaults with { InspectionPowers = ["SJ-CF-001"] };
        named.Requires(RecordingSteps.OnSiteInspection, "SJ-CF-001").ShouldBeTrue();
        named.Requires(RecordingSteps.OnSiteInspection, "SJ-CF-004").ShouldBeFalse();
        named.Requires(RecordingSteps.OnSiteInspection, null).ShouldBeFalse();
        (named with { Steps = [RecordingSteps.SealUpSeizure, RecordingSteps.CompulsoryEnforcement] }).Requires(RecordingSteps.OnSiteInspection, "SJ-CF-001").ShouldBeFalse("the step itself is off");
    }

    [Fact]
    public void GB118_REC_3_EvidenceCollection_IsNotListedByDefault() =>
        Defaults.Requires(RecordingSteps.EvidenceCollection, "SJ-CF-001").ShouldBeFalse();

    [Fact]
    public void GB118_REC_3_AnEdit_SetsTheWholeList_InStepOrder_AndRaisesOneEvent()
    {
        var list = RecordingList.StartFromDefaults(Agency);
        list.IsDefault.ShouldBeTrue();
        list.Change([RecordingSteps.EvidenceCollection, RecordingSteps.CompulsoryEnforcement, RecordingSteps.SealUpSeizure, RecordingSteps.OnSiteInspection], ["SJ-CF-004", "SJ-CF-001", "SJ-CF-001"], AgencyPowers);
        var facts = list.ToFacts();
        facts.Steps.ShouldBe([RecordingSteps.SealUpSeizure, RecordingSteps.OnSiteInspection, RecordingSteps.EvidenceCollection, RecordingSteps.CompulsoryEnforcement]);
        facts.InspectionPowers.ShouldBe(["SJ-CF-001", "SJ-CF-004"]);
        (facts.Version, list.IsDefault).ShouldBe((1, false));
        facts.Requires(RecordingSteps.Hearing, "SJ-CF-001").ShouldBeFalse();
        var e = list.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<RecordingListChanged>();
        (e.EventType, e.ListVersion).ShouldBe(("registry.recording-list.changed", 1));

        list.Change(facts.Steps.ToList(), ["SJ-CF-001", "SJ-CF-004"], AgencyPowers);
        list.DomainEvents.Count.ShouldBe(1, "an edit that changes nothing is not an event");
        list.ResetToDefaults();
        (list.IsDefault, list.Version, list.DomainEvents[^1].EventType).ShouldBe((true, 2, "registry.recording-list.reset"));
    }

    [Fact]
    public void GB118_REC_2_SealUpAndCompulsoryEnforcement_CannotBeDropped()
    {
        var list = RecordingList.StartFromDefaults(Agency);
        var errors = Given.Refused(() => list.Change([RecordingSteps.Hearing], [], AgencyPowers));
        errors.Select(e => (e.RuleId, e.Field)).ShouldBe([("GB118-REC-2", "Steps"), ("GB118-REC-2", "Steps")]);
        (list.Version, list.DomainEvents.Count).ShouldBe((0, 0));
    }

    [Fact]
    public void GB118_REC_3_UnknownStepCodes_AndPowersOutsideTheAgencysList_AreRefused()
    {
        var list = RecordingList.StartFromDefaults(Agency);
        var errors = Given.Refused(() => list.Change([.. RecordingListFacts.DefaultSteps, "video-everything"], ["SJ-CF-999"], AgencyPowers));
        errors.Select(e => (e.RuleId, e.Field)).ShouldBe([("GB118-REC-3", "Steps"), ("GB118-REC-3", "InspectionPowers")]);
        errors[0].Message.ShouldContain("video-everything");
        errors[1].Message.ShouldContain("SJ-CF-999");
    }
}
