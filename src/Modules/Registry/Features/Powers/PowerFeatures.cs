using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Paging;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Features.Officers;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry.Features.Powers;

internal sealed record PowerRow(Guid Id, Guid AgencyId, string AgencyName, string Code, string Name, PowerCategory Category, string Area, int CurrentVersion, bool HasBenchmark, int Version);

internal sealed record PowerVersionRow(int Number, string Name, PowerCategory Category, string LegalBasisLaw, string LegalBasisArticle, string Area, DateOnly EffectiveFrom, string? ChangeReason);

internal sealed record BenchmarkLevelRow(CircumstanceLevel Level, string Circumstances, long MinFineFen, long MaxFineFen, string? OtherSanctions);

internal sealed record PowerDetails(PowerRow Power, IReadOnlyList<PowerVersionRow> Versions, int? VersionInForce, IReadOnlyList<BenchmarkLevelRow> Benchmark);

internal sealed record PowerInput(Guid AgencyId, string Code, string Name, PowerCategory Category, string LegalBasisLaw, string LegalBasisArticle, string Area, DateOnly EffectiveFrom);

internal sealed record PowerRevision(string Name, PowerCategory Category, string LegalBasisLaw, string LegalBasisArticle, string Area, DateOnly EffectiveFrom, string ChangeReason, int? Version = null);

/// <summary>Power list (权责清单), versions (REG-5) and discretion benchmarks, scoped to the caller.</summary>
internal sealed class PowerFeatures(RegistryDbContext db, TimeProvider clock)
{
    public async Task<PagedResult<PowerRow>> SearchAsync(AccessScope scope, ListQuery query, Guid? agencyId, PowerCategory? category, CancellationToken ct)
    {
        var q = Visible(scope);
        if (agencyId is { } a)
        {
            q = q.Where(p => p.AgencyId == a);
        }

        if (category is { } c)
        {
            q = q.Where(p => p.Category == c);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            q = q.Where(p => p.Name.Contains(s) || p.Code.Contains(s) || p.Versions.Any(v => v.LegalBasisLaw.Contains(s)));
        }

        var total = await q.CountAsync(ct);
        query = query.ClampTo(total);
        q = (query.Sort, query.Descending) switch
        {
            ("name", false) => q.OrderBy(p => p.Name),
            ("name", true) => q.OrderByDescending(p => p.Name),
            ("category", false) => q.OrderBy(p => p.Category).ThenBy(p => p.Code),
            ("category", true) => q.OrderByDescending(p => p.Category).ThenBy(p => p.Code),
            (_, true) => q.OrderByDescending(p => p.Code),
            _ => q.OrderBy(p => p.Code),
        };
        var rows = await Project(q.Skip(query.Skip).Take(query.SafePageSize)).ToListAsync(ct);
        return new PagedResult<PowerRow>(rows, total, query.SafePage, query.SafePageSize);
    }

    public async Task<PowerDetails> GetAsync(AccessScope scope, Guid id, CancellationToken ct)
    {
        var power = await Visible(scope).Include(p => p.Versions).Include(p => p.Benchmark).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
        var row = await Project(Visible(scope).Where(p => p.Id == id)).SingleAsync(ct);
        var versions = power.Versions.OrderByDescending(v => v.Number)
            .Select(v => new PowerVersionRow(v.Number, v.Name, v.Category, v.LegalBasisLaw, v.LegalBasisArticle, v.Area, v.EffectiveFrom, v.ChangeReason)).ToList();
        var benchmark = power.Benchmark.OrderBy(l => l.Level)
            .Select(l => new BenchmarkLevelRow(l.Level, l.Circumstances, l.MinFineFen, l.MaxFineFen, l.OtherSanctions)).ToList();
        return new PowerDetails(row, versions, power.VersionOn(ChinaTime.Today(clock))?.Number, benchmark);
    }

    public async Task<Guid> CreateAsync(AccessScope scope, PowerInput input, CancellationToken ct)
    {
        OfficerFeatures.RequireWriter(scope, input.AgencyId);
        var power = Power.Create(input.AgencyId, input.Code ?? string.Empty, new PowerVersionData(input.Name ?? string.Empty, input.Category, input.LegalBasisLaw ?? string.Empty, input.LegalBasisArticle ?? string.Empty, input.Area ?? string.Empty, input.EffectiveFrom, null), clock.GetUtcNow());
        await EnsureCodeUniqueAsync(power.AgencyId, power.Code, ct);
        db.Powers.Add(power);
        await db.SaveChangesAsync(ct);
        return power.Id;
    }

    public async Task ReviseAsync(AccessScope scope, Guid id, PowerRevision input, CancellationToken ct)
    {
        var power = await LoadWritableAsync(scope, id, ct);
        OfficerFeatures.CheckVersion(input.Version, power.Version);
        power.Revise(new PowerVersionData(input.Name ?? string.Empty, input.Category, input.LegalBasisLaw ?? string.Empty, input.LegalBasisArticle ?? string.Empty, input.Area ?? string.Empty, input.EffectiveFrom, input.ChangeReason));
        await db.SaveChangesAsync(ct);
    }

    public async Task SetBenchmarkAsync(AccessScope scope, Guid id, IReadOnlyList<BenchmarkLevelRow> levels, CancellationToken ct)
    {
        var power = await LoadWritableAsync(scope, id, ct);
        power.SetBenchmark([.. (levels ?? []).Select(l => new BenchmarkLevel { Level = l.Level, Circumstances = l.Circumstances ?? string.Empty, MinFineFen = l.MinFineFen, MaxFineFen = l.MaxFineFen, OtherSanctions = l.OtherSanctions })]);
        await db.SaveChangesAsync(ct);
    }

    private async Task EnsureCodeUniqueAsync(Guid agencyId, string code, CancellationToken ct)
    {
        if (await db.Powers.AnyAsync(p => p.AgencyId == agencyId && p.Code == code, ct))
        {
            throw new DomainRuleException("REG-POWER-UNIQUE", $"本机构已有编码为“{code}”的权力", nameof(PowerInput.Code));
        }
    }

    private async Task<Power> LoadWritableAsync(AccessScope scope, Guid id, CancellationToken ct)
    {
        var power = await Visible(scope).AsTracking().Include(p => p.Versions).Include(p => p.Benchmark).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
        OfficerFeatures.RequireWriter(scope, power.AgencyId);
        return power;
    }

    private IQueryable<Power> Visible(AccessScope scope)
    {
        var visible = scope.Visible.ToList();
        return db.Powers.AsNoTracking().Where(p => visible.Contains(p.AgencyId));
    }

    private IQueryable<PowerRow> Project(IQueryable<Power> q) =>
        q.Select(p => new PowerRow(
            p.Id,
            p.AgencyId,
            db.Agencies.Where(a => a.Id == p.AgencyId).Select(a => a.Name).FirstOrDefault() ?? string.Empty,
            p.Code,
            p.Name,
            p.Category,
            p.Area,
            p.CurrentVersion,
            p.Benchmark.Any(),
            p.Version));
}
