using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry.Features.Agencies;

internal sealed record AgencyRow(Guid Id, string Name, AgencyLevel Level, AgencyKind Kind, Guid? ParentId, string? ParentName, string LegalUnit, string? CreditCode, string? Address, string? RegionCode, string? RegionName, int Depth, int OfficerCount, int PowerCount, int Version);

internal sealed record AgencyInput(string Name, AgencyLevel Level, AgencyKind Kind, Guid? ParentId, string? CreditCode, string LegalUnit, string? Address, int? Version = null, string? RegionCode = null, string? RegionName = null);

/// <summary>List, read, create and edit agencies, always inside the caller's scope.</summary>
internal sealed class AgencyFeatures(RegistryDbContext db, TimeProvider clock)
{
    /// <summary>The visible agencies in tree order (by materialised path), with counts.</summary>
    public async Task<IReadOnlyList<AgencyRow>> ListAsync(AccessScope scope, string? search, CancellationToken ct)
    {
        var visible = scope.Visible.ToList();
        var q = db.Agencies.AsNoTracking().Where(a => visible.Contains(a.Id));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            q = q.Where(a => a.Name.Contains(s) || a.LegalUnit.Contains(s));
        }

        var rows = await Project(q).ToListAsync(ct);
        var paths = await db.Agencies.AsNoTracking().Where(a => visible.Contains(a.Id)).Select(a => new { a.Id, a.Path }).ToDictionaryAsync(a => a.Id, a => a.Path, ct);
        return [.. rows.OrderBy(r => paths[r.Id], StringComparer.Ordinal)];
    }

    public async Task<AgencyRow> GetAsync(AccessScope scope, Guid id, CancellationToken ct)
    {
        if (!scope.CanSee(id))
        {
            throw new NotFoundException();
        }

        return await Project(db.Agencies.AsNoTracking().Where(a => a.Id == id)).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
    }

    public async Task<Guid> CreateAsync(AccessScope scope, AgencyInput input, CancellationToken ct)
    {
        RequireAdministrator(scope);
        if (input.ParentId is { } p && !scope.CanSee(p))
        {
            throw new NotFoundException();
        }

        if (input.ParentId is not { } parentId || !scope.CanWrite(parentId))
        {
            throw new DomainRuleException("REG-TREE", "请选择您有权管理的上级机构", nameof(AgencyInput.ParentId));
        }

        var parent = await db.Agencies.SingleOrDefaultAsync(a => a.Id == parentId, ct) ?? throw new NotFoundException();
        var agency = Agency.Create(ToData(input), parent, clock.GetUtcNow());
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        return agency.Id;
    }

    public async Task UpdateAsync(AccessScope scope, Guid id, AgencyInput input, CancellationToken ct)
    {
        if (!scope.CanSee(id))
        {
            throw new NotFoundException();
        }

        RequireAdministrator(scope);
        if (!scope.CanWrite(id))
        {
            throw new NotFoundException();
        }

        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException();
        if (input.Version is { } v && v != agency.Version)
        {
            throw new DomainRuleException("CONCURRENCY", "该机构已被他人修改，请刷新后再试");
        }

        var parent = agency.ParentId is { } p ? await db.Agencies.SingleAsync(a => a.Id == p, ct) : null;
        agency.Update(ToData(input), parent);
        await db.SaveChangesAsync(ct);
    }

    internal static void RequireAdministrator(AccessScope scope)
    {
        if (!scope.IsInRole(Roles.Administrator))
        {
            throw new DomainRuleException("AUTH-ROLE", "只有系统管理员可以维护执法主体");
        }
    }

    private static AgencyData ToData(AgencyInput i) => new(i.Name ?? string.Empty, i.Level, i.Kind, i.CreditCode, i.LegalUnit ?? string.Empty, i.Address, i.RegionCode, i.RegionName);

    private IQueryable<AgencyRow> Project(IQueryable<Agency> q) =>
        q.Select(a => new AgencyRow(
            a.Id,
            a.Name,
            a.Level,
            a.Kind,
            a.ParentId,
            db.Agencies.Where(p => p.Id == a.ParentId).Select(p => p.Name).FirstOrDefault(),
            a.LegalUnit,
            a.CreditCode,
            a.Address,
            a.RegionCode,
            a.RegionName,
            ((a.Path.Length - 1) / 33) - 1,
            db.Officers.Count(o => o.AgencyId == a.Id),
            db.Powers.Count(p => p.AgencyId == a.Id),
            a.Version));
}

/// <summary>The Registry's answer to other modules' questions about agencies (Contracts).</summary>
internal sealed class AgencyDirectory(RegistryDbContext db) : IAgencyDirectory
{
    public Task<AgencySummary?> FindAsync(Guid agencyId, CancellationToken ct = default) =>
        db.Agencies.AsNoTracking().Where(a => a.Id == agencyId)
            .Select(a => new AgencySummary(a.Id, a.Name, a.Level, a.Kind, a.ParentId, a.RegionCode, a.RegionName)).SingleOrDefaultAsync(ct);

    public async Task<IReadOnlySet<Guid>> SubtreeAsync(Guid agencyId, CancellationToken ct = default)
    {
        var path = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Path).SingleOrDefaultAsync(ct);
        if (path is null)
        {
            return new HashSet<Guid>();
        }

        var ids = await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(path)).Select(a => a.Id).ToListAsync(ct);
        return ids.ToHashSet();
    }

    public async Task<IReadOnlyList<AgencySummary>> AllAsync(CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().OrderBy(a => a.Path)
            .Select(a => new AgencySummary(a.Id, a.Name, a.Level, a.Kind, a.ParentId, a.RegionCode, a.RegionName)).ToListAsync(ct);

    public async Task<IReadOnlyList<AgencySummary>> ListAsync(IReadOnlySet<Guid> ids, CancellationToken ct = default)
    {
        var list = ids.ToList();
        return await db.Agencies.AsNoTracking().Where(a => list.Contains(a.Id)).OrderBy(a => a.Path)
            .Select(a => new AgencySummary(a.Id, a.Name, a.Level, a.Kind, a.ParentId, a.RegionCode, a.RegionName)).ToListAsync(ct);
    }
}
