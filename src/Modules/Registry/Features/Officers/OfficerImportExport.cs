using Microsoft.EntityFrameworkCore;
using Sanxiang.Documents.Tabular;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Kernel.Validation;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Features.Tabular;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry.Features.Officers;

/// <summary>The columns of officer files, in order; imports and exports use the same header.</summary>
internal static class OfficerColumns
{
    public const string Name = "姓名";
    public const string IdNumber = "身份证号";
    public const string CertificateNumber = "执法证号";
    public const string Areas = "执法领域";
    public const string IssuedOn = "发证日期";
    public const string ExpiresOn = "有效期至";
    public const string IsAuxiliary = "辅助人员";
    public const string HasLegalQualification = "法律职业资格";

    public const string Agency = "所属机构";
    public const string Status = "证件状态";

    public static readonly IReadOnlyList<string> All = [Name, IdNumber, CertificateNumber, Areas, IssuedOn, ExpiresOn, IsAuxiliary, HasLegalQualification];

    /// <summary>Columns an export adds for its readers; an import skips them.</summary>
    public static readonly IReadOnlyList<string> ExportOnly = [Agency, Status];

    /// <summary>The column of a field named by <see cref="Officer.Validate"/>.</summary>
    public static string Of(string field) => field switch
    {
        nameof(OfficerData.Name) => Name,
        nameof(OfficerData.IdNumber) => IdNumber,
        nameof(OfficerData.CertificateNumber) => CertificateNumber,
        nameof(OfficerData.Areas) => Areas,
        nameof(OfficerData.IssuedOn) => IssuedOn,
        nameof(OfficerData.ExpiresOn) => ExpiresOn,
        nameof(OfficerData.IsAuxiliary) => IsAuxiliary,
        nameof(OfficerData.HasLegalQualification) => HasLegalQualification,
        _ => string.Empty,
    };
}

/// <summary>
/// Registers the officers of one agency from a .csv or .xlsx file, all or nothing: every row is validated by
/// <see cref="Officer.Validate"/>, certificate numbers must be unique in the file and in the whole system
/// (REG-CERT-UNIQUE), and only a file without a single error is saved, in one transaction.
/// </summary>
internal sealed class OfficerImport(RegistryDbContext db, TimeProvider clock)
{
    public async Task<ImportResult> ImportAsync(AccessScope scope, Guid agencyId, Stream content, string fileName, CancellationToken ct)
    {
        OfficerFeatures.RequireWriter(scope, agencyId);
        TabularSheet sheet;
        try
        {
            sheet = await TabularReader.ReadAsync(content, fileName, OfficerColumns.All, ct, OfficerColumns.ExportOnly);
        }
        catch (TabularFileException e)
        {
            return ImportResult.Rejected(e.Errors);
        }

        var errors = new ImportErrorList(OfficerColumns.All);
        var rows = sheet.Rows.Select(row => (row.Line, Data: Parse(sheet, row, errors))).ToList();
        var certificates = rows.Select(r => (r.Line, Key: r.Data.CertificateNumber.Trim())).ToList();
        errors.AddDuplicates(certificates, OfficerColumns.CertificateNumber, (key, first) => $"执法证号“{key}”与第{first}行重复");
        var registered = await RegisteredAsync([.. certificates.Select(c => c.Key).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)], ct);
        foreach (var (line, key) in certificates.Where(c => registered.Contains(c.Key)))
        {
            errors.Add(line, OfficerColumns.CertificateNumber, $"执法证号“{key}”已被登记，不能重复");
        }

        if (errors.Count > 0)
        {
            return ImportResult.Rejected(errors.Sorted());
        }

        var now = clock.GetUtcNow();
        db.Officers.AddRange(rows.Select(r => Officer.Register(agencyId, r.Data, now)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ImportResult.Rejected([new ImportError(0, OfficerColumns.CertificateNumber, "保存时发现执法证号已被他人同时登记，未导入任何数据，请核对后重新导入")]);
        }

        return new ImportResult(rows.Count, []);
    }

    private static OfficerData Parse(TabularSheet sheet, TabularRow row, ImportErrorList errors)
    {
        var datesRead = errors.TryDate(sheet, row, OfficerColumns.IssuedOn, out var issuedOn)
            & errors.TryDate(sheet, row, OfficerColumns.ExpiresOn, out var expiresOn);
        var data = new OfficerData(
            sheet.Cell(row, OfficerColumns.Name),
            sheet.Cell(row, OfficerColumns.IdNumber).ToUpperInvariant(),
            sheet.Cell(row, OfficerColumns.CertificateNumber),
            CellText.List(sheet.Cell(row, OfficerColumns.Areas)),
            issuedOn,
            expiresOn,
            errors.Flag(sheet, row, OfficerColumns.IsAuxiliary),
            errors.Flag(sheet, row, OfficerColumns.HasLegalQualification));
        foreach (var e in Officer.Validate(data).Errors)
        {
            if (datesRead || !string.Equals(e.Field, nameof(OfficerData.ExpiresOn), StringComparison.Ordinal))
            {
                errors.Add(row.Line, OfficerColumns.Of(e.Field), e.Message);
            }
        }

        return data;
    }

    /// <summary>Which of these certificate numbers are registered already, in any agency (certificate numbers are unique system-wide).</summary>
    private async Task<HashSet<string>> RegisteredAsync(IReadOnlyList<string> certificates, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in certificates.Chunk(500))
        {
            var list = chunk.ToList();
            found.UnionWith(await db.Officers.AsNoTracking().Where(o => list.Contains(o.CertificateNumber)).Select(o => o.CertificateNumber).ToListAsync(ct));
        }

        return found;
    }
}

/// <summary>
/// Exports the officers the caller may see, with the import's header plus the agency and the effective
/// certificate status (expired shown as such, REG-1). For reporting: the ID number is masked (SEC-PI-1), so a
/// re-import needs the full ID numbers filled in again.
/// </summary>
internal sealed class OfficerExport(RegistryDbContext db, TimeProvider clock)
{
    public async Task<ExportFile> ExportAsync(AccessScope scope, Guid? agencyId, TabularFormat format, CancellationToken ct)
    {
        var visible = scope.Visible.ToList();
        var query = db.Officers.AsNoTracking().Where(o => visible.Contains(o.AgencyId));
        if (agencyId is { } id)
        {
            if (!scope.CanSee(id))
            {
                throw new NotFoundException();
            }

            query = query.Where(o => o.AgencyId == id);
        }

        var today = ChinaTime.Today(clock);
        var officers = await query.OrderBy(o => o.Name).ThenBy(o => o.CertificateNumber)
            .Select(o => new
            {
                o.Name,
                o.IdNumber,
                o.CertificateNumber,
                o.Areas,
                o.IssuedOn,
                o.ExpiresOn,
                o.IsAuxiliary,
                o.HasLegalQualification,
                Agency = db.Agencies.Where(a => a.Id == o.AgencyId).Select(a => a.Name).FirstOrDefault(),
                o.Status,
            })
            .ToListAsync(ct);
        var rows = officers.Select(o => (IReadOnlyList<object?>)
            [o.Name, ChineseIdentifiers.MaskIdNumber(o.IdNumber), o.CertificateNumber, string.Join("、", o.Areas), o.IssuedOn, o.ExpiresOn, o.IsAuxiliary, o.HasLegalQualification,
             o.Agency, RegistryLabels.Of(Officer.EffectiveStatusOf(o.Status, o.ExpiresOn, today))]);
        var content = TabularWriter.Write(format, "执法人员", [.. OfficerColumns.All, .. OfficerColumns.ExportOnly], rows);
        return new ExportFile(content, TabularFormats.ContentType(format), $"officers-{today:yyyyMMdd}{TabularFormats.Extension(format)}");
    }
}
