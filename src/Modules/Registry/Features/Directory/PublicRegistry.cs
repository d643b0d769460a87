using Microsoft.EntityFrameworkCore;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry.Features.Directory;

/// <summary>The public portal's reads (GB118-PUB-1). Officers are projected without their ID numbers.</summary>
internal sealed class PublicRegistry(RegistryDbContext db) : IPublicRegistry
{
    public async Task<IReadOnlyList<PublicAgency>> AgenciesAsync(CancellationToken ct = default)
    {
        var rows = await db.Agencies.AsNoTracking()
            .Select(a => new PublicAgency(a.Id, a.ParentId, a.Name, a.Level, a.Kind, a.CreditCode, a.LegalUnit, a.Address, a.RegionCode, a.RegionName))
            .ToListAsync(ct);
        return [.. rows.OrderBy(a => a.Level).ThenBy(a => a.Name, StringComparer.Ordinal)];
    }

    public async Task<PublicOfficerPage> OfficersAsync(Guid? agencyId, string? search, int page, int pageSize, CancellationToken ct = default)
    {
        var query = db.Officers.AsNoTracking();
        if (agencyId is { } id)
        {
            var subtree = await SubtreeAsync(id, ct);
            query = query.Where(o => subtree.Contains(o.AgencyId));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(o => o.Name.Contains(s) || o.CertificateNumber.Contains(s));
        }

        var total = await query.CountAsync(ct);
        var size = Math.Clamp(pageSize, 1, 100);
        var skip = (Math.Max(1, page) - 1) * size;
        var rows = await query.OrderBy(o => o.AgencyId).ThenBy(o => o.CertificateNumber).Skip(skip).Take(size)
            .Select(o => new { o.Id, o.AgencyId, o.Name, o.CertificateNumber, o.Areas, o.IssuedOn, o.ExpiresOn, o.Status, o.IsAuxiliary })
            .ToListAsync(ct);
        var names = await AgencyNamesAsync(ct);
        var items = rows.Select(o => new PublicOfficer(o.Id, o.AgencyId, names.GetValueOrDefault(o.AgencyId, string.Empty), o.Name, o.CertificateNumber, [.. o.Areas], o.IssuedOn, o.ExpiresOn, o.Status, o.IsAuxiliary)).ToList();
        return new PublicOfficerPage(items, total);
    }

    public async Task<PublicOfficer?> OfficerAsync(Guid id, CancellationToken ct = default)
    {
        var o = await db.Officers.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.AgencyId, x.Name, x.CertificateNumber, x.Areas, x.IssuedOn, x.ExpiresOn, x.Status, x.IsAuxiliary })
            .SingleOrDefaultAsync(ct);
        if (o is null)
        {
            return null;
        }

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == o.AgencyId).Select(a => a.Name).SingleOrDefaultAsync(ct);
        return new PublicOfficer(o.Id, o.AgencyId, agency ?? string.Empty, o.Name, o.CertificateNumber, [.. o.Areas], o.IssuedOn, o.ExpiresOn, o.Status, o.IsAuxiliary);
    }

    public async Task<IReadOnlyList<PublicPower>> PowersAsync(Guid? agencyId, PowerCategory? category, CancellationToken ct = default)
    {
        var query = db.Powers.AsNoTracking();
        if (agencyId is { } id)
        {
            var subtree = await SubtreeAsync(id, ct);
            query = query.Where(p => subtree.Contains(p.AgencyId));
        }

        if (category is { } c)
        {
            query = query.Where(p => p.Category == c);
        }

        var powers = await query.OrderBy(p => p.AgencyId).ThenBy(p => p.Code).ToListAsync(ct);
        var names = await AgencyNamesAsync(ct);
        return [.. powers.Select(p => ToPublic(p, names.GetValueOrDefault(p.AgencyId, string.Empty)))];
    }

    public async Task<PublicPower?> PowerAsync(Guid id, CancellationToken ct = default)
    {
        var power = await db.Powers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (power is null)
        {
            return null;
        }

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == power.AgencyId).Select(a => a.Name).SingleOrDefaultAsync(ct);
        return ToPublic(power, agency ?? string.Empty);
    }

    private async Task<List<Guid>> SubtreeAsync(Guid agencyId, CancellationToken ct)
    {
        var marker = agencyId.ToString("N");
        return await db.Agencies.AsNoTracking().Where(a => a.Path.Contains(marker)).Select(a => a.Id).ToListAsync(ct);
    }

    private async Task<Dictionary<Guid, string>> AgencyNamesAsync(CancellationToken ct) =>
        await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);

    private static PublicPower ToPublic(Power p, string agencyName) => new(
        p.Id,
        p.AgencyId,
        agencyName,
        p.Code,
        p.Name,
        p.Category,
        p.Area,
        p.CurrentVersion,
        [.. p.Versions.OrderBy(v => v.Number).Select(v => new PublicPowerVersion(v.Number, v.Name, v.Category, v.LegalBasisLaw, v.LegalBasisArticle, v.Area, v.EffectiveFrom, v.ChangeReason))],
        [.. p.Benchmark.OrderBy(b => b.Level).Select(b => new PublicBenchmarkLevel(b.Level, b.Circumstances, b.MinFineFen, b.MaxFineFen, b.OtherSanctions))]);
}
