using Sanxiang.Kernel.Security;

namespace Sanxiang.Registry.Contracts;

public sealed record OfficerSummary(Guid Id, string Name, string CertificateNumber, string AgencyName, DateOnly ExpiresOn);

public sealed record RegistryStats(int Officers, int Expired, int Powers, IReadOnlyList<OfficerSummary> ExpiringSoon);

/// <summary>Counts for the dashboard, within the caller's scope.</summary>
public interface IRegistryOverview
{
    Task<RegistryStats> GetAsync(AccessScope scope, DateOnly today, int soonDays, CancellationToken ct = default);
}
