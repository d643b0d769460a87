using Microsoft.EntityFrameworkCore;
using Sanxiang.Documents.Tabular;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Features.Officers;
using Sanxiang.Registry.Features.Tabular;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry.Features.Powers;

/// <summary>The columns of power-list files (权责清单), in order; imports and exports use the same header.</summary>
internal static class PowerColumns
{
    public const string Code = "权力编码";
    public const string Name = "权力名称";
    public const string Category = "权力类别";
    public const string LegalBasisLaw = "法律依据";
    public const string LegalBasisArticle = "条款";
    public const string Area = "执法领域";
    public const string EffectiveFrom = "生效日期";

    public static readonly IReadOnlyList<string> All = [Code, Name, Category, LegalBasisLaw, LegalBasisArticle, Area, EffectiveFrom];

    /// <summary>The column of a field named by <see cref="Power.ValidateVersion"/>.</summary>
    public static string Of(string field) => field switch
    {
        nameof(Power.Code) => Code,
        nameof(PowerVersionData.Name) => Name,
        nameof(PowerVersionData.Category) => Category,
        nameof(PowerVersionData.LegalBasisLaw) => LegalBasisLaw,
        nameof(PowerVersionData.LegalBasisArticle) => LegalBasisArticle,
        nameof(PowerVersionData.Area) => Area,
        nameof(PowerVersionData.EffectiveFrom) => EffectiveFrom,
        _ => string.Empty,
    };
}

/// <summary>
/// Creates the powers of one agency from a .csv or .xlsx file, all or nothing: each row is validated by
/// <see cref="Power.ValidateVersion"/> plus the required code, codes must be unique in the file and in the
/// agency (REG-POWER-UNIQUE), and only a file without a single error is saved, in one transaction.
/// </summary>
internal sealed class PowerImport(RegistryDbContext db, TimeProvider clock)
{
    private static readonly string CategoryLabels = string.Join("、", Enum.GetValues<PowerCategory>().Select(RegistryLabels.Of));

    public async Task<ImportResult> ImportAsync(AccessScope scope, Guid agencyId, Stream content, string fileName, CancellationToken ct)
    {
        OfficerFeatures.RequireWriter(scope, agencyId);
        TabularSheet sheet;
        try
        {
            sheet = await TabularReader.ReadAsync(content, fileName, PowerColumns.All, ct);
        }
        catch (TabularFileException e)
        {
            return ImportResult.Rejected(e.Errors);
        }

        var errors = new ImportErrorList(PowerColumns.All);
        var rows = sheet.Rows.Select(row => (row.Line, Code: sheet.Cell(row, PowerColumns.Code), Data: Parse(sheet, row, errors))).ToList();
        errors.AddDuplicates(rows.Select(r => (r.Line, r.Code)), PowerColumns.Code, (key, first) => $"权力编码“{key}”与第{first}行重复");
        var codes = rows.Select(r => r.Code).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(500))
        {
            var list = chunk.ToList();
            existing.UnionWith(await db.Powers.AsNoTracking().Where(p => p.AgencyId == agencyId && list.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct));
        }

        foreach (var row in rows.Where(r => existing.Contains(r.Code)))
        {
            errors.Add(row.Line, PowerColumns.Code, $"本机构已有编码为“{row.Code}”的权力，不能重复");
        }

        if (errors.Count > 0)
        {
            return ImportResult.Rejected(errors.Sorted());
        }

        var now = clock.GetUtcNow();
        db.Powers.AddRange(rows.Select(r => Power.Create(agencyId, r.Code, r.Data, now)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ImportResult.Rejected([new ImportError(0, PowerColumns.Code, "保存时发现权力编码已被他人同时登记，未导入任何数据，请核对后重新导入")]);
        }

        return new ImportResult(rows.Count, []);
    }

    private static PowerVersionData Parse(TabularSheet sheet, TabularRow row, ImportErrorList errors)
    {
        var categoryText = sheet.Cell(row, PowerColumns.Category);
        var categoryRead = RegistryLabels.TryParse<PowerCategory>(categoryText, out var category);
        if (!categoryRead)
        {
            errors.Add(row.Line, PowerColumns.Category, categoryText.Length == 0
                ? $"{PowerColumns.Category}不能为空"
                : $"权力类别“{categoryText}”无效，应为：{CategoryLabels}");
        }

        errors.TryDate(sheet, row, PowerColumns.EffectiveFrom, out var effectiveFrom);
        var data = new PowerVersionData(
            sheet.Cell(row, PowerColumns.Name),
            category,
            sheet.Cell(row, PowerColumns.LegalBasisLaw),
            sheet.Cell(row, PowerColumns.LegalBasisArticle),
            sheet.Cell(row, PowerColumns.Area),
            effectiveFrom,
            null);
        var check = Power.ValidateVersion(data).Required(nameof(Power.Code), PowerColumns.Code, sheet.Cell(row, PowerColumns.Code), 40);
        foreach (var e in check.Errors)
        {
            if (categoryRead || !string.Equals(e.Field, nameof(PowerVersionData.Category), StringComparison.Ordinal))
            {
                errors.Add(row.Line, PowerColumns.Of(e.Field), e.Message);
            }
        }

        return data;
    }
}

/// <summary>
/// Exports the powers the caller may see, each with its current version, under the import's header, so that an
/// export re-imports into another agency (the version history and discretion benchmarks are not exported).
/// </summary>
internal sealed class PowerExport(RegistryDbContext db, TimeProvider clock)
{
    public async Task<ExportFile> ExportAsync(AccessScope scope, Guid? agencyId, TabularFormat format, CancellationToken ct)
    {
        var visible = scope.Visible.ToList();
        var query = db.Powers.AsNoTracking().Where(p => visible.Contains(p.AgencyId));
        if (agencyId is { } id)
        {
            if (!scope.CanSee(id))
            {
                throw new NotFoundException();
            }

            query = query.Where(p => p.AgencyId == id);
        }

        var powers = await query.Include(p => p.Versions).OrderBy(p => p.Code).ToListAsync(ct);
        var rows = powers.Select(p => (Power: p, Current: p.Versions.Single(v => v.Number == p.CurrentVersion)))
            .Select(x => (IReadOnlyList<object?>)
                [x.Power.Code, x.Current.Name, RegistryLabels.Of(x.Current.Category), x.Current.LegalBasisLaw, x.Current.LegalBasisArticle, x.Current.Area, x.Current.EffectiveFrom]);
        var content = TabularWriter.Write(format, "权责清单", PowerColumns.All, rows);
        var today = ChinaTime.Today(clock);
        return new ExportFile(content, TabularFormats.ContentType(format), $"powers-{today:yyyyMMdd}{TabularFormats.Extension(format)}");
    }
}
