namespace Sanxiang.Registry.Contracts;

/// <summary>
/// An officer's certificate facts as the case engine needs them (APL-42, REG-1). Officers' names and
/// certificate numbers are public (GB118-PUB-1); ID numbers are never part of this contract.
/// </summary>
public sealed record OfficerFacts(
    Guid Id,
    Guid AgencyId,
    string Name,
    string CertificateNumber,
    IReadOnlyList<string> Areas,
    DateOnly ExpiresOn,
    CertificateStatus StoredStatus,
    bool IsAuxiliary,
    bool HasLegalQualification)
{
    /// <summary>The certificate's status on a day: a valid certificate past its expiry date is expired.</summary>
    public CertificateStatus StatusOn(DateOnly day) => CertificateValidity.On(StoredStatus, ExpiresOn, day);

    /// <summary>REG-1 / APL-42: a sworn officer (not auxiliary staff) with a certificate valid on the day.</summary>
    public bool MayEnforceOn(DateOnly day) => !IsAuxiliary && StatusOn(day) == CertificateStatus.Valid;
}

/// <summary>REG-1: "expired" is never stored; it is derived from the expiry date on the day asked about.</summary>
public static class CertificateValidity
{
    public static CertificateStatus On(CertificateStatus stored, DateOnly expiresOn, DateOnly day) =>
        stored == CertificateStatus.Valid && expiresOn < day ? CertificateStatus.Expired : stored;
}

/// <summary>One circumstance level of a discretion benchmark (裁量基准), fines in fen.</summary>
public sealed record BenchmarkRange(CircumstanceLevel Level, string Circumstances, long MinFineFen, long MaxFineFen);

/// <summary>A power (权责清单 item) in the version in force on a day, with its benchmark.</summary>
public sealed record PowerFacts(
    Guid Id,
    Guid AgencyId,
    string Code,
    string Name,
    PowerCategory Category,
    string Area,
    string LegalBasisLaw,
    string LegalBasisArticle,
    int Version,
    IReadOnlyList<BenchmarkRange> Benchmark);

/// <summary>What the case engine may ask the Registry about officers and powers.</summary>
public interface IEnforcementDirectory
{
    Task<IReadOnlyList<OfficerFacts>> OfficersAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default);

    Task<IReadOnlyList<OfficerFacts>> OfficersOfAgencyAsync(Guid agencyId, CancellationToken ct = default);

    /// <summary>The power in the version in force on <paramref name="on"/>; null when unknown or not yet in force.</summary>
    Task<PowerFacts?> PowerAsync(Guid id, DateOnly on, CancellationToken ct = default);

    Task<IReadOnlyList<PowerFacts>> PowersOfAgencyAsync(Guid agencyId, DateOnly on, CancellationToken ct = default);
}
