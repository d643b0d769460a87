using Sanxiang.Kernel.Security;

namespace Sanxiang.Cases.Contracts;

/// <summary>
/// A case as other modules may refer to it (no personal data): its agency, number, stage, team and whether the caller
/// sees its personal data in full (the case team, the agency's heads and reviewers, supervisors: SEC-PI-1, ADR 0012).
/// </summary>
public sealed record CaseRef(Guid CaseId, Guid AgencyId, string Number, CaseStage Stage, IReadOnlyList<Guid> TeamOfficerIds, bool MaySeeInFull);

/// <summary>Looks a case up for another module (implemented by Cases).</summary>
public interface ICaseLookup
{
    /// <summary>The case, or null when it does not exist or lies outside the caller's scope.</summary>
    Task<CaseRef?> FindAsync(AccessScope scope, Guid caseId, CancellationToken ct = default);

    /// <summary>Cases of the given IDs that the caller's scope covers (for lists), keyed by ID.</summary>
    Task<IReadOnlyDictionary<Guid, CaseRef>> FindManyAsync(AccessScope scope, IReadOnlyCollection<Guid> caseIds, CancellationToken ct = default);
}
