using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry.Features.Officers;

internal sealed class RegistryOverview(RegistryDbContext db) : IRegistryOverview
{
    public async Task<RegistryStats> GetAsync(AccessScope scope, DateOnly today, int soonDays, CancellationToken ct = default)
    {
        var visible = scope.Visible.ToList();
        var officers = db.Officers.AsNoTracking().Where(o => visible.Contains(o.AgencyId));
        var total = await officers.CountAsync(ct);
        var expired = await officers.CountAsync(o => o.Status == CertificateStatus.Valid && o.ExpiresOn < today, ct);
        var powers = await db.Powers.AsNoTracking().CountAsync(p => visible.Contains(p.AgencyId), ct);
        var until = today.AddDays(soonDays);
        var soon = await officers.Where(o => o.Status == CertificateStatus.Valid && o.ExpiresOn >= today && o.ExpiresOn <= until)
            .OrderBy(o => o.ExpiresOn)
            .Select(o => new OfficerSummary(o.Id, o.Name, o.CertificateNumber, db.Agencies.Where(a => a.Id == o.AgencyId).Select(a => a.Name).FirstOrDefault() ?? string.Empty, o.ExpiresOn))
            .Take(50).ToListAsync(ct);
        return new RegistryStats(total, expired, powers, soon);
    }
}
