using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Paging;
using Sanxiang.Kernel.Security;
using Sanxiang.Kernel.Validation;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry.Features.Officers;

/// <summary>An officer as lists and the API show them: the ID number is masked, the status is effective (expiry applied).</summary>
internal sealed record OfficerRow(
    Guid Id,
    string Name,
    Guid AgencyId,
    string AgencyName,
    string IdNumberMasked,
    string CertificateNumber,
    IReadOnlyList<string> Areas,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    CertificateStatus Status,
    bool IsAuxiliary,
    bool HasLegalQualification,
    int Version);

internal sealed record TrainingRow(int Year, int Hours);

internal sealed record OfficerDetails(OfficerRow Officer, IReadOnlyList<TrainingRow> Training);

internal sealed record OfficerInput(
    Guid AgencyId,
    string Name,
    string IdNumber,
    string CertificateNumber,
    IReadOnlyList<string> Areas,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    bool IsAuxiliary,
    bool HasLegalQualification,
    int? Version = null);

/// <summary>Officer list (search, sort, page), details, registration, edits and status changes, scoped.</summary>
internal sealed class OfficerFeatures(RegistryDbContext db, TimeProvider clock)
{
    public const int ExpiringSoonDays = 60;

    public async Task<PagedResult<OfficerRow>> SearchAsync(AccessScope scope, ListQuery query, Guid? agencyId, CertificateStatus? status, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var q = Visible(scope);
        if (agencyId is { } a)
        {
            q = q.Where(o => o.AgencyId == a);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            q = q.Where(o => o.Name.Contains(s) || o.CertificateNumber.Contains(s));
        }

        if (status is { } st)
        {
            q = st switch
            {
                CertificateStatus.Expired => q.Where(o => o.Status == CertificateStatus.Valid && o.ExpiresOn < today),
                CertificateStatus.Valid => q.Where(o => o.Status == CertificateStatus.Valid && o.ExpiresOn >= today),
                _ => q.Where(o => o.Status == st),
            };
        }

        var total = await q.CountAsync(ct);
        query = query.ClampTo(total);
        q = (query.Sort, query.Descending) switch
        {
            ("cert", false) => q.OrderBy(o => o.CertificateNumber),
            ("cert", true) => q.OrderByDescending(o => o.CertificateNumber),
            ("expires", false) => q.OrderBy(o => o.ExpiresOn).ThenBy(o => o.Name),
            ("expires", true) => q.OrderByDescending(o => o.ExpiresOn).ThenBy(o => o.Name),
            ("agency", false) => q.OrderBy(o => db.Agencies.Where(x => x.Id == o.AgencyId).Select(x => x.Name).FirstOrDefault()).ThenBy(o => o.Name),
            ("agency", true) => q.OrderByDescending(o => db.Agencies.Where(x => x.Id == o.AgencyId).Select(x => x.Name).FirstOrDefault()).ThenBy(o => o.Name),
            (_, true) => q.OrderByDescending(o => o.Name).ThenBy(o => o.CertificateNumber),
            _ => q.OrderBy(o => o.Name).ThenBy(o => o.CertificateNumber),
        };
        var rows = await Project(q.Skip(query.Skip).Take(query.SafePageSize), today).ToListAsync(ct);
        return new PagedResult<OfficerRow>([.. rows.Select(Mask)], total, query.SafePage, query.SafePageSize);
    }

    public async Task<OfficerDetails> GetAsync(AccessScope scope, Guid id, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var row = await Project(Visible(scope).Where(o => o.Id == id), today).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        var training = await Visible(scope).Where(o => o.Id == id).SelectMany(o => o.Training).OrderByDescending(t => t.Year)
            .Select(t => new TrainingRow(t.Year, t.Hours)).ToListAsync(ct);
        return new OfficerDetails(Mask(row), training);
    }

    /// <summary>The unmasked ID number, for the edit form of someone who may change the record.</summary>
    public async Task<string> GetIdNumberForEditAsync(AccessScope scope, Guid id, CancellationToken ct)
    {
        var officer = await LoadWritableAsync(scope, id, ct);
        return officer.IdNumber;
    }

    public async Task<Guid> RegisterAsync(AccessScope scope, OfficerInput input, CancellationToken ct)
    {
        RequireWriter(scope, input.AgencyId);
        var officer = Officer.Register(input.AgencyId, ToData(input), clock.GetUtcNow());
        await EnsureCertificateUniqueAsync(officer.CertificateNumber, officer.Id, ct);
        db.Officers.Add(officer);
        await SaveAsync(ct);
        return officer.Id;
    }

    public async Task UpdateAsync(AccessScope scope, Guid id, OfficerInput input, CancellationToken ct)
    {
        var officer = await LoadWritableAsync(scope, id, ct);
        CheckVersion(input.Version, officer.Version);
        officer.Update(ToData(input));
        await EnsureCertificateUniqueAsync(officer.CertificateNumber, officer.Id, ct);
        await SaveAsync(ct);
    }

    public async Task ChangeStatusAsync(AccessScope scope, Guid id, CertificateStatus status, CancellationToken ct)
    {
        var officer = await LoadWritableAsync(scope, id, ct);
        officer.ChangeStatus(status);
        await SaveAsync(ct);
    }

    public async Task RecordTrainingAsync(AccessScope scope, Guid id, int year, int hours, CancellationToken ct)
    {
        var officer = await LoadWritableAsync(scope, id, ct);
        officer.RecordTraining(year, hours);
        await SaveAsync(ct);
    }

    internal static void RequireWriter(AccessScope scope, Guid agencyId)
    {
        if (!scope.CanSee(agencyId))
        {
            // Out of scope is indistinguishable from not existing (404), as for every registry object.
            throw new NotFoundException();
        }

        if (!scope.CanWrite(agencyId))
        {
            throw new DomainRuleException("AUTH-ROLE", "您没有维护该机构执法人员的权限（须为本机构负责人或系统管理员）");
        }
    }

    internal static OfficerData ToData(OfficerInput i) => new(i.Name ?? string.Empty, i.IdNumber ?? string.Empty, i.CertificateNumber ?? string.Empty, i.Areas ?? [], i.IssuedOn, i.ExpiresOn, i.IsAuxiliary, i.HasLegalQualification);

    internal static void CheckVersion(int? expected, int actual)
    {
        if (expected is { } v && v != actual)
        {
            throw new DomainRuleException("CONCURRENCY", "该记录已被他人修改，请刷新后再试");
        }
    }

    private async Task EnsureCertificateUniqueAsync(string certificateNumber, Guid selfId, CancellationToken ct)
    {
        if (await db.Officers.AnyAsync(o => o.CertificateNumber == certificateNumber && o.Id != selfId, ct))
        {
            throw new DomainRuleException("REG-CERT-UNIQUE", $"执法证号“{certificateNumber}”已被登记，不能重复", nameof(OfficerInput.CertificateNumber));
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("CONCURRENCY", "该记录已被他人修改，请刷新后再试");
        }
    }

    private async Task<Officer> LoadWritableAsync(AccessScope scope, Guid id, CancellationToken ct)
    {
        var officer = await Visible(scope).Include(o => o.Training).AsTracking().SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException();
        RequireWriter(scope, officer.AgencyId);
        return officer;
    }

    private IQueryable<Officer> Visible(AccessScope scope)
    {
        var visible = scope.Visible.ToList();
        return db.Officers.AsNoTracking().Where(o => visible.Contains(o.AgencyId));
    }

    private static OfficerRow Mask(OfficerRow r) => r with { IdNumberMasked = ChineseIdentifiers.MaskIdNumber(r.IdNumberMasked) };

    private IQueryable<OfficerRow> Project(IQueryable<Officer> q, DateOnly today) =>
        q.Select(o => new OfficerRow(
            o.Id,
            o.Name,
            o.AgencyId,
            db.Agencies.Where(a => a.Id == o.AgencyId).Select(a => a.Name).FirstOrDefault() ?? string.Empty,
            o.IdNumber,
            o.CertificateNumber,
            o.Areas,
            o.IssuedOn,
            o.ExpiresOn,
            o.Status == CertificateStatus.Valid && o.ExpiresOn < today ? CertificateStatus.Expired : o.Status,
            o.IsAuxiliary,
            o.HasLegalQualification,
            o.Version));
}
