using Microsoft.EntityFrameworkCore;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry.Features.Directory;

internal sealed class EnforcementDirectory(RegistryDbContext db) : IEnforcementDirectory
{
    public async Task<IReadOnlyList<OfficerFacts>> OfficersAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var list = ids.Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => list.Contains(o.Id)).ToListAsync(ct);
        return [.. officers.Select(ToFacts)];
    }

    public async Task<IReadOnlyList<OfficerFacts>> OfficersOfAgencyAsync(Guid agencyId, CancellationToken ct = default)
    {
        var officers = await db.Officers.AsNoTracking().Where(o => o.AgencyId == agencyId).OrderBy(o => o.CertificateNumber).ToListAsync(ct);
        return [.. officers.Select(ToFacts)];
    }

    public async Task<PowerFacts?> PowerAsync(Guid id, DateOnly on, CancellationToken ct = default)
    {
        var power = await db.Powers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        return power is null ? null : ToFacts(power, on);
    }

    public async Task<IReadOnlyList<PowerFacts>> PowersOfAgencyAsync(Guid agencyId, DateOnly on, CancellationToken ct = default)
    {
        var powers = await db.Powers.AsNoTracking().Where(p => p.AgencyId == agencyId).OrderBy(p => p.Code).ToListAsync(ct);
        return [.. powers.Select(p => ToFacts(p, on)).OfType<PowerFacts>()];
    }

    private static OfficerFacts ToFacts(Officer o) =>
        new(o.Id, o.AgencyId, o.Name, o.CertificateNumber, [.. o.Areas], o.ExpiresOn, o.Status, o.IsAuxiliary, o.HasLegalQualification);

    private static PowerFacts? ToFacts(Power p, DateOnly on)
    {
        var v = p.VersionOn(on);
        if (v is null)
        {
            return null;
        }

        var benchmark = v.Number == p.CurrentVersion
            ? p.Benchmark.Select(b => new BenchmarkRange(b.Level, b.Circumstances, b.MinFineFen, b.MaxFineFen)).ToList()
            : [];
        return new PowerFacts(p.Id, p.AgencyId, p.Code, v.Name, v.Category, v.Area, v.LegalBasisLaw, v.LegalBasisArticle, v.Number, benchmark);
    }
}
