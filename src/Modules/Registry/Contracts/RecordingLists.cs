namespace Sanxiang.Registry.Contracts;

/// <summary>
/// An agency's current recording-required list (音像记录事项清单, GB118-REC-2/3): the step codes of
/// <see cref="RecordingSteps"/> whose completion needs linked audio-video records, and the power codes whose on-site
/// inspections need them (<see cref="RecordingSteps.OnSiteInspection"/> applies only to those). The shipped defaults
/// until the agency edits it (version 0).
/// </summary>
public sealed record RecordingListFacts(Guid AgencyId, int Version, IReadOnlyList<string> Steps, IReadOnlyList<string> InspectionPowers)
{
    /// <summary>
    /// The shipped list: seal-up and seizure and compulsory enforcement (GB118-REC-2, always listed); hearings, service
    /// by leaving and service by public notice (GB118-REC-3); on-site inspection, of no power until the agency names
    /// some; evidence collection not listed. In <see cref="RecordingSteps.All"/> order.
    /// </summary>
    public static IReadOnlyList<string> DefaultSteps { get; } =
        [RecordingSteps.SealUpSeizure, RecordingSteps.OnSiteInspection, RecordingSteps.Hearing, RecordingSteps.ServiceByLeaving, RecordingSteps.ServiceByNotice, RecordingSteps.CompulsoryEnforcement];

    /// <summary>GB118-REC-2: steps every list names (full recording is not a matter of circumstances).</summary>
    public static IReadOnlyList<string> MandatorySteps { get; } = [RecordingSteps.SealUpSeizure, RecordingSteps.CompulsoryEnforcement];

    /// <summary>The shipped list (version 0).</summary>
    public static RecordingListFacts Defaults(Guid agencyId) => new(agencyId, 0, DefaultSteps, []);

    /// <summary>
    /// Whether completing this step needs linked audio-video records: the step is listed and, for an on-site inspection,
    /// the case's power (<paramref name="powerCode"/>) is among the listed powers.
    /// </summary>
    public bool Requires(string stepCode, string? powerCode)
    {
        ArgumentNullException.ThrowIfNull(stepCode);
        if (!Steps.Contains(stepCode, StringComparer.Ordinal))
        {
            return false;
        }

        return stepCode != RecordingSteps.OnSiteInspection
            || (powerCode is not null && InspectionPowers.Contains(powerCode, StringComparer.Ordinal));
    }
}

public interface IRecordingLists
{
    /// <summary>The agency's current recording-required list (the defaults when never edited).</summary>
    Task<RecordingListFacts> ForAgencyAsync(Guid agencyId, CancellationToken ct = default);
}
