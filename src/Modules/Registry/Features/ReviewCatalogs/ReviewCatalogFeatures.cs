using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Features.Officers;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry.Features.ReviewCatalogs;

/// <summary>One rule of the catalog as the page and the API show it: on or off, and whether that is the default.</summary>
internal sealed record CatalogRuleRow(string Code, string Label, bool Enabled, bool IsDefault);

/// <summary>An agency's catalog (amounts in fen), the defaults beside it, and its rules in catalog order.</summary>
internal sealed record ReviewCatalogView(
    Guid AgencyId,
    string AgencyName,
    int Version,
    bool IsDefault,
    bool CanEdit,
    ReviewCatalogData Catalog,
    ReviewCatalogData Defaults,
    IReadOnlyList<CatalogRuleRow> Rules);

/// <summary>A whole catalog as a PUT replaces it (amounts in fen). Every value is required, so that a field left out never switches a rule off.</summary>
internal sealed record ReviewCatalogInput(
    long? PersonThresholdFen,
    long? OrganisationThresholdFen,
    bool? SuspensionClosureRestriction,
    bool? LicenceRevocation,
    bool? HearingHeld,
    bool? OutsideBenchmark,
    bool? MajorPublicInterest,
    bool? SeveralLegalRelations,
    bool? SuspectedCrime,
    int? ReviewWorkingDays,
    int? ExtensionWorkingDays);

/// <summary>The body of a PUT: the catalog as the GET shows it, and the version it was read at (409 when stale).</summary>
internal sealed record ReviewCatalogChange(ReviewCatalogInput? Catalog, int? Version = null);

/// <summary>
/// Read, change and reset an agency's review catalog (GB118-REV-1). Anyone who may see the agency reads its
/// catalog (agencies publish it); the agency's head and the administrators over it change it (AccessScope.Writable).
/// Each change is one save of the catalog with its event in the registry outbox.
/// </summary>
internal sealed class ReviewCatalogFeatures(RegistryDbContext db)
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CatalogCodes.FinePerson] = "对自然人罚没金额达到标准",
        [CatalogCodes.FineOrganisation] = "对法人或者其他组织罚没金额达到标准",
        [CatalogCodes.SuspensionClosure] = "责令停产停业、责令关闭、限制从业",
        [CatalogCodes.Licence] = "吊销、撤销或者不予许可证件、营业执照，降低资质等级",
        [CatalogCodes.Hearing] = "经过听证程序的案件",
        [CatalogCodes.Benchmark] = "超出裁量基准作出处罚（从轻、减轻或者从重）",
        [CatalogCodes.PublicInterest] = "涉及重大公共利益",
        [CatalogCodes.SeveralRelations] = "案情疑难复杂、涉及多个法律关系",
        [CatalogCodes.SuspectedCrime] = "涉嫌犯罪、需移送司法机关",
    };

    public async Task<ReviewCatalogView> GetAsync(AccessScope scope, Guid agencyId, CancellationToken ct)
    {
        var name = await AgencyLists.VisibleAgencyNameAsync(db, scope, agencyId, ct);
        var catalog = await db.ReviewCatalogs.AsNoTracking().SingleOrDefaultAsync(c => c.AgencyId == agencyId, ct) ?? ReviewCatalog.StartFromDefaults(agencyId);
        return View(catalog, name, scope.CanWrite(agencyId));
    }

    public async Task ChangeAsync(AccessScope scope, Guid agencyId, ReviewCatalogChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var catalog = await LoadWritableAsync(scope, agencyId, change.Version, ct);
        catalog.Change(ToData(change.Catalog ?? throw new DomainRuleException("INPUT-REQUIRED", "目录内容不能为空", nameof(ReviewCatalogChange.Catalog))));
        await SaveAsync(catalog, ct);
    }

    public async Task ResetAsync(AccessScope scope, Guid agencyId, int? version, CancellationToken ct)
    {
        var catalog = await LoadWritableAsync(scope, agencyId, version, ct);
        catalog.ResetToDefaults();
        await SaveAsync(catalog, ct);
    }

    /// <summary>The shape checks of a PUT: every value present (the aggregate checks the ranges).</summary>
    internal static ReviewCatalogData ToData(ReviewCatalogInput i)
    {
        var check = new Check();
        T Required<T>(T? value, string field, string label)
            where T : struct
        {
            check.That(value.HasValue, field, "INPUT-REQUIRED", $"{label}不能为空");
            return value.GetValueOrDefault();
        }

        var data = new ReviewCatalogData(
            Required(i.PersonThresholdFen, nameof(i.PersonThresholdFen), "自然人罚没金额标准"),
            Required(i.OrganisationThresholdFen, nameof(i.OrganisationThresholdFen), "法人或者其他组织罚没金额标准"),
            Required(i.SuspensionClosureRestriction, nameof(i.SuspensionClosureRestriction), Labels[CatalogCodes.SuspensionClosure]),
            Required(i.LicenceRevocation, nameof(i.LicenceRevocation), Labels[CatalogCodes.Licence]),
            Required(i.HearingHeld, nameof(i.HearingHeld), Labels[CatalogCodes.Hearing]),
            Required(i.OutsideBenchmark, nameof(i.OutsideBenchmark), Labels[CatalogCodes.Benchmark]),
            Required(i.MajorPublicInterest, nameof(i.MajorPublicInterest), Labels[CatalogCodes.PublicInterest]),
            Required(i.SeveralLegalRelations, nameof(i.SeveralLegalRelations), Labels[CatalogCodes.SeveralRelations]),
            Required(i.SuspectedCrime, nameof(i.SuspectedCrime), Labels[CatalogCodes.SuspectedCrime]),
            Required(i.ReviewWorkingDays, nameof(i.ReviewWorkingDays), "审核期限"),
            Required(i.ExtensionWorkingDays, nameof(i.ExtensionWorkingDays), "延长期限"));
        check.ThrowIfAny();
        return data;
    }

    private static ReviewCatalogView View(ReviewCatalog c, string agencyName, bool canEdit)
    {
        var (d, n) = (c.Figures, ReviewCatalogData.Defaults);
        return new ReviewCatalogView(
            c.AgencyId,
            agencyName,
            c.Version,
            c.IsDefault,
            canEdit,
            d,
            n,
            [
                Rule(CatalogCodes.FinePerson, true, d.PersonThresholdFen == n.PersonThresholdFen),
                Rule(CatalogCodes.FineOrganisation, true, d.OrganisationThresholdFen == n.OrganisationThresholdFen),
                Rule(CatalogCodes.SuspensionClosure, d.SuspensionClosureRestriction, d.SuspensionClosureRestriction == n.SuspensionClosureRestriction),
                Rule(CatalogCodes.Licence, d.LicenceRevocation, d.LicenceRevocation == n.LicenceRevocation),
                Rule(CatalogCodes.Hearing, d.HearingHeld, d.HearingHeld == n.HearingHeld),
                Rule(CatalogCodes.Benchmark, d.OutsideBenchmark, d.OutsideBenchmark == n.OutsideBenchmark),
                Rule(CatalogCodes.PublicInterest, d.MajorPublicInterest, d.MajorPublicInterest == n.MajorPublicInterest),
                Rule(CatalogCodes.SeveralRelations, d.SeveralLegalRelations, d.SeveralLegalRelations == n.SeveralLegalRelations),
                Rule(CatalogCodes.SuspectedCrime, d.SuspectedCrime, d.SuspectedCrime == n.SuspectedCrime),
            ]);
    }

    private static CatalogRuleRow Rule(string code, bool enabled, bool isDefault) => new(code, Labels[code], enabled, isDefault);

    private async Task<ReviewCatalog> LoadWritableAsync(AccessScope scope, Guid agencyId, int? version, CancellationToken ct)
    {
        await AgencyLists.RequireWritableAsync(db, scope, agencyId, "法制审核目录", ct);
        var catalog = await db.ReviewCatalogs.AsTracking().SingleOrDefaultAsync(c => c.AgencyId == agencyId, ct) ?? ReviewCatalog.StartFromDefaults(agencyId);
        OfficerFeatures.CheckVersion(version, catalog.Version);
        return catalog;
    }

    private Task SaveAsync(ReviewCatalog catalog, CancellationToken ct) =>
        AgencyLists.SaveAsync(db, catalog, catalog.DomainEvents.Count, () => db.ReviewCatalogs.Add(catalog), "法制审核目录", ct);
}

/// <summary>The Registry's answer to other modules: an agency's current catalog, or the defaults when it never edited one.</summary>
internal sealed class ReviewCatalogDirectory(RegistryDbContext db) : IReviewCatalogs
{
    public async Task<ReviewCatalogFacts> ForAgencyAsync(Guid agencyId, CancellationToken ct = default)
    {
        var catalog = await db.ReviewCatalogs.AsNoTracking().SingleOrDefaultAsync(c => c.AgencyId == agencyId, ct);
        return catalog?.ToFacts() ?? ReviewCatalogFacts.Defaults(agencyId);
    }
}
