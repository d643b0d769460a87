using Sanxiang.Cases.Contracts;

namespace Sanxiang.Cases.Features;

/// <summary>
/// Interim <see cref="ICaseRecordings"/> until the Media module exists: no case has linked audio-video records, so every
/// listed step needs the head's written exception (GB118-REC-2/3). Registered with TryAddScoped; the Media module
/// replaces it by registering its own implementation (AddScoped), which links media items to a case and step.
/// </summary>
internal sealed class NoLinkedRecordings : ICaseRecordings
{
    public Task<int> CountLinkedAsync(Guid caseId, string stepCode, CancellationToken ct = default) => Task.FromResult(0);
}
