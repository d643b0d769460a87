using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Registry.Domain;

/// <summary>
/// An agency's recording-required list (音像记录事项清单): which steps of a case must be recorded on audio-video before
/// the case engine lets them complete (GB118-REC-2/3), and the powers whose on-site inspections must be. An agency
/// without a row uses <see cref="RecordingListFacts.Defaults"/>; its first edit creates the row, and a reset keeps the
/// row (so its version keeps counting) with the default list. Its rules:
/// GB118-REC-2 seal-up and seizure and compulsory enforcement are always listed;
/// GB118-REC-3 only known step codes (<see cref="RecordingSteps"/>), and inspection powers from the agency's own power
/// list. Every change raises one event (codes only); an edit that changes nothing raises none.
/// </summary>
internal sealed class RecordingList : AggregateRoot
{
    public const int MaxInspectionPowers = 200;

    private RecordingList()
    {
    }

    public Guid AgencyId { get; private set; }

    /// <summary>The listed step codes, in <see cref="RecordingSteps.All"/> order.</summary>
    public List<string> Steps { get; private set; } = [.. RecordingListFacts.DefaultSteps];

    /// <summary>The power codes whose on-site inspections are listed, sorted.</summary>
    public List<string> InspectionPowers { get; private set; } = [];

    public int Version { get; private set; }

    public static RecordingList StartFromDefaults(Guid agencyId) => new() { AgencyId = agencyId };

    public bool IsDefault => SameAs(RecordingListFacts.DefaultSteps, []);

    public RecordingListFacts ToFacts() => new(AgencyId, Version, [.. Steps], [.. InspectionPowers]);

    /// <summary>
    /// Sets the whole list; refused as a whole when a step code is unknown, a GB118-REC-2 step is missing or an
    /// inspection power is not in the agency's power list (<paramref name="agencyPowerCodes"/>).
    /// </summary>
    public void Change(IReadOnlyCollection<string> steps, IReadOnlyCollection<string> inspectionPowers, IReadOnlySet<string> agencyPowerCodes)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(inspectionPowers);
        ArgumentNullException.ThrowIfNull(agencyPowerCodes);
        var check = new Check();
        foreach (var code in steps.Where(s => !RecordingSteps.IsKnown(s)).Distinct(StringComparer.Ordinal))
        {
            check.Add(nameof(Steps), "GB118-REC-3", $"音像记录事项编码“{code}”无效");
        }

        foreach (var code in RecordingListFacts.MandatorySteps.Where(m => !steps.Contains(m, StringComparer.Ordinal)))
        {
            check.Add(nameof(Steps), "GB118-REC-2", $"“{RecordingSteps.Label(code)}”直接涉及重大财产权益，须全程音像记录，不能移出清单");
        }

        foreach (var code in inspectionPowers.Where(p => !agencyPowerCodes.Contains(p)).Distinct(StringComparer.Ordinal))
        {
            check.Add(nameof(InspectionPowers), "GB118-REC-3", $"本机关权责清单中没有编码为“{code}”的事项");
        }

        check.That(inspectionPowers.Count <= MaxInspectionPowers, nameof(InspectionPowers), "GB118-REC-3", $"现场检查事项最多{MaxInspectionPowers}项");
        check.ThrowIfAny();
        Commit(
            [.. RecordingSteps.All.Where(s => steps.Contains(s, StringComparer.Ordinal))],
            [.. inspectionPowers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            "registry.recording-list.changed");
    }

    /// <summary>恢复默认: the shipped list.</summary>
    public void ResetToDefaults() => Commit([.. RecordingListFacts.DefaultSteps], [], "registry.recording-list.reset");

    private bool SameAs(IReadOnlyList<string> steps, IReadOnlyList<string> powers) =>
        Steps.SequenceEqual(steps, StringComparer.Ordinal) && InspectionPowers.SequenceEqual(powers, StringComparer.Ordinal);

    private void Commit(List<string> steps, List<string> powers, string eventType)
    {
        if (SameAs(steps, powers))
        {
            return;
        }

        Steps = steps;
        InspectionPowers = powers;
        Version++;
        Raise(new RecordingListChanged(eventType, AgencyId, Version, [.. steps], [.. powers], IsDefault));
    }
}

/// <summary>A change to an agency's recording-required list: the agency, the new version and the codes (no personal data).</summary>
internal sealed record RecordingListChanged(string EventType, Guid AggregateId, int ListVersion, IReadOnlyList<string> Steps, IReadOnlyList<string> InspectionPowers, bool IsDefault) : IDomainEvent;
