using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Registry.Features.Officers;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Web.Tests.Infrastructure;

/// <summary>
/// One agency's registry data read straight from the database: the IDs and identifying strings that must
/// never leak to someone outside its scope, and a fingerprint (versions, statuses, counts) that changes with
/// any write to its agency, review catalog, officers or powers.
/// </summary>
public sealed record RegistrySnapshot(
    Guid AgencyId,
    string AgencyName,
    IReadOnlyList<Guid> OfficerIds,
    IReadOnlyList<Guid> PowerIds,
    IReadOnlyList<string> Secrets,
    string Fingerprint)
{
    public Guid FirstOfficer => OfficerIds[0];

    public Guid FirstPower => PowerIds[0];

    public static async Task<RegistrySnapshot> ReadAsync(SanxiangFactory app, Guid agencyId)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId);
        var officers = await db.Officers.AsNoTracking().Include(o => o.Training).Where(o => o.AgencyId == agencyId).ToListAsync();
        var powers = await db.Powers.AsNoTracking().Include(p => p.Versions).Include(p => p.Benchmark).Where(p => p.AgencyId == agencyId).ToListAsync();
        var agencyCount = await db.Agencies.CountAsync(a => a.ParentId == agencyId);
        var catalog = await db.ReviewCatalogs.AsNoTracking().SingleOrDefaultAsync(c => c.AgencyId == agencyId);
        officers = [.. officers.OrderBy(o => o.CertificateNumber, StringComparer.Ordinal)];
        powers = [.. powers.OrderBy(p => p.Code, StringComparer.Ordinal)];

        var fingerprint = string.Join(
            '\n',
            [
                $"agency {agency.Version} {agency.Name} children={agencyCount}",
                catalog is null ? "review-catalog defaults" : $"review-catalog v{catalog.Version} {catalog.Figures}",
                .. officers.Select(o => $"officer {o.Id} v{o.Version} {o.Name} {o.Status} {o.ExpiresOn:O} training={o.Training.Count}"),
                .. powers.Select(p => $"power {p.Id} v{p.Version} current={p.CurrentVersion} versions={p.Versions.Count} benchmark={string.Join(',', p.Benchmark.OrderBy(l => l.Level).Select(l => $"{l.MinFineFen}-{l.MaxFineFen}"))}"),
            ]);
        List<string> secrets =
        [
            agencyId.ToString(),
            agency.Name,
            .. officers.Select(o => o.Id.ToString()),
            .. officers.Select(o => o.CertificateNumber),
            .. officers.Select(o => o.IdNumber),
            .. powers.Select(p => p.Id.ToString()),
            .. powers.Select(p => p.Code),
        ];
        return new RegistrySnapshot(agencyId, agency.Name, [.. officers.Select(o => o.Id)], [.. powers.Select(p => p.Id)], secrets, fingerprint);
    }

    /// <summary>The first secret found in the text, or null: IDs are compared case-insensitively.</summary>
    public string? LeakIn(string text) => Secrets.FirstOrDefault(s => text.Contains(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>A complete, valid edit of one of the agency's officers (the unmasked ID number comes from the database).</summary>
    internal static async Task<OfficerInput> OfficerEditAsync(SanxiangFactory app, Guid officerId, string? newName = null)
    {
        await using var scope = app.Scope();
        var o = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Officers.AsNoTracking().SingleAsync(x => x.Id == officerId);
        return new OfficerInput(o.AgencyId, newName ?? o.Name, o.IdNumber, o.CertificateNumber, o.Areas, o.IssuedOn, o.ExpiresOn, o.IsAuxiliary, o.HasLegalQualification, o.Version);
    }
}
