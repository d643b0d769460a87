namespace Sanxiang.Registry.Contracts;

/// <summary>An agency as other modules see it; the region (GB/T 2260 code and name, see <see cref="AdministrativeDivisions"/>) is optional.</summary>
public sealed record AgencySummary(Guid Id, string Name, AgencyLevel Level, AgencyKind Kind, Guid? ParentId, string? RegionCode, string? RegionName);

/// <summary>What other modules (and the host's access scoping) may ask the Registry about agencies.</summary>
public interface IAgencyDirectory
{
    Task<AgencySummary?> FindAsync(Guid agencyId, CancellationToken ct = default);

    /// <summary>The agency and every agency below it.</summary>
    Task<IReadOnlySet<Guid>> SubtreeAsync(Guid agencyId, CancellationToken ct = default);

    Task<IReadOnlyList<AgencySummary>> ListAsync(IReadOnlySet<Guid> ids, CancellationToken ct = default);

    /// <summary>Every agency, in tree order (public lists: the portal, the annual report).</summary>
    Task<IReadOnlyList<AgencySummary>> AllAsync(CancellationToken ct = default);
}
