namespace Sanxiang.Registry.Contracts;

/// <summary>An agency as the public portal shows it (GB118-PUB-1): name, level, kind, credit code, legal unit, address, region (optional).</summary>
public sealed record PublicAgency(Guid Id, Guid? ParentId, string Name, AgencyLevel Level, AgencyKind Kind, string? CreditCode, string LegalUnit, string? Address, string? RegionCode, string? RegionName);

/// <summary>
/// An officer as the public portal shows it (GB118-PUB-1/2): name, agency, certificate number, areas, validity and
/// whether they are auxiliary staff. The ID number is deliberately not part of this record (SEC-PI-1).
/// </summary>
public sealed record PublicOfficer(
    Guid Id,
    Guid AgencyId,
    string AgencyName,
    string Name,
    string CertificateNumber,
    IReadOnlyList<string> Areas,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    CertificateStatus StoredStatus,
    bool IsAuxiliary)
{
    /// <summary>The certificate's status on a day (a valid certificate past its expiry date is expired).</summary>
    public CertificateStatus StatusOn(DateOnly day) => CertificateValidity.On(StoredStatus, ExpiresOn, day);
}

public sealed record PublicOfficerPage(IReadOnlyList<PublicOfficer> Items, int Total);

/// <summary>One version of a power (REG-5: versions are never overwritten).</summary>
public sealed record PublicPowerVersion(int Number, string Name, PowerCategory Category, string LegalBasisLaw, string LegalBasisArticle, string Area, DateOnly EffectiveFrom, string? ChangeReason);

/// <summary>One circumstance level of a published discretion benchmark (APL-34), fines in fen.</summary>
public sealed record PublicBenchmarkLevel(CircumstanceLevel Level, string Circumstances, long MinFineFen, long MaxFineFen, string? OtherSanctions);

/// <summary>A power (权责清单 item) with every version, newest last, and its current benchmark.</summary>
public sealed record PublicPower(
    Guid Id,
    Guid AgencyId,
    string AgencyName,
    string Code,
    string Name,
    PowerCategory Category,
    string Area,
    int CurrentVersion,
    IReadOnlyList<PublicPowerVersion> Versions,
    IReadOnlyList<PublicBenchmarkLevel> Benchmark)
{
    public PublicPowerVersion Current => Versions.Single(v => v.Number == CurrentVersion);
}

/// <summary>
/// What the public portal (Disclosure) may read from the Registry: only what GB118-PUB-1 says to publish, across
/// the whole jurisdiction (no access scope: the data is public). <paramref name="agencyId"/> filters always take the
/// agency's subtree.
/// </summary>
public interface IPublicRegistry
{
    Task<IReadOnlyList<PublicAgency>> AgenciesAsync(CancellationToken ct = default);

    /// <summary>Officers by agency subtree and by a part of the name or certificate number, ordered by agency and certificate.</summary>
    Task<PublicOfficerPage> OfficersAsync(Guid? agencyId, string? search, int page, int pageSize, CancellationToken ct = default);

    Task<PublicOfficer?> OfficerAsync(Guid id, CancellationToken ct = default);

    /// <summary>Powers by agency subtree and category, ordered by agency and code.</summary>
    Task<IReadOnlyList<PublicPower>> PowersAsync(Guid? agencyId, PowerCategory? category, CancellationToken ct = default);

    Task<PublicPower?> PowerAsync(Guid id, CancellationToken ct = default);
}
