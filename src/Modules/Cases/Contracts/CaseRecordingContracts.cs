namespace Sanxiang.Cases.Contracts;

/// <summary>
/// Audio-video records linked to a case's steps (GB118-REC-2/3), implemented by the Media module: the case engine asks
/// it before completing a step on the agency's recording-required list.
/// </summary>
public interface ICaseRecordings
{
    /// <summary>
    /// How many stored media items (not deleted) are linked to this case and step code
    /// (<see cref="Sanxiang.Registry.Contracts.RecordingSteps"/>).
    /// </summary>
    Task<int> CountLinkedAsync(Guid caseId, string stepCode, CancellationToken ct = default);
}
