using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Validation;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Registry.Domain;

internal sealed record OfficerData(
    string Name,
    string IdNumber,
    string CertificateNumber,
    IReadOnlyList<string> Areas,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    bool IsAuxiliary,
    bool HasLegalQualification);

internal sealed class TrainingRecord
{
    public int Year { get; set; }

    public int Hours { get; set; }
}

/// <summary>
/// An officer and the certificate (执法证) they hold. REG-1: no enforcement without a valid certificate;
/// "expired" is derived from <see cref="ExpiresOn"/> so it can never be stale.
/// Auxiliary staff (辅助人员) are registered too but never count as officers (APL-42).
/// </summary>
internal sealed class Officer : AggregateRoot
{
    public const int MaxAreas = 10;

    private Officer()
    {
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>GB 11643 citizen ID number: personal data, shown masked, never logged or put in events.</summary>
    public string IdNumber { get; private set; } = string.Empty;

    public string CertificateNumber { get; private set; } = string.Empty;

    public List<string> Areas { get; private set; } = [];

    public DateOnly IssuedOn { get; private set; }

    public DateOnly ExpiresOn { get; private set; }

    public CertificateStatus Status { get; private set; } = CertificateStatus.Valid;

    public bool IsAuxiliary { get; private set; }

    public bool HasLegalQualification { get; private set; }

    public List<TrainingRecord> Training { get; private set; } = [];

    public int Version { get; private set; }

    public static Officer Register(Guid agencyId, OfficerData data, DateTimeOffset now)
    {
        Validate(data).ThrowIfAny();
        var officer = new Officer { Id = Guid.CreateVersion7(now), AgencyId = agencyId };
        officer.Apply(data);
        officer.Raise(new OfficerChanged("registry.officer.registered", officer.Id, agencyId, officer.Status));
        return officer;
    }

    public void Update(OfficerData data)
    {
        Validate(data).ThrowIfAny();
        Apply(data);
        Raise(new OfficerChanged("registry.officer.updated", Id, AgencyId, Status));
    }

    public void ChangeStatus(CertificateStatus status)
    {
        if (status == CertificateStatus.Expired || !Enum.IsDefined(status))
        {
            throw new DomainRuleException("REG-1", "证件“已过期”由有效期自动判定，不能手工设置", nameof(Status));
        }

        if (Status == CertificateStatus.Revoked && status != CertificateStatus.Revoked)
        {
            throw new DomainRuleException("REG-1", "已吊销的执法证不能恢复，请重新申领", nameof(Status));
        }

        Status = status;
        Version++;
        Raise(new OfficerChanged("registry.officer.status-changed", Id, AgencyId, status));
    }

    /// <summary>REG-6: yearly legal training hours.</summary>
    public void RecordTraining(int year, int hours)
    {
        new Check()
            .That(year is >= 2000 and <= 2100, "Year", "INPUT-RANGE", "培训年度无效")
            .That(hours is >= 0 and <= 2000, "Hours", "INPUT-RANGE", "培训学时须在0到2000之间")
            .ThrowIfAny();
        var record = Training.Find(t => t.Year == year);
        if (record is null)
        {
            Training.Add(new TrainingRecord { Year = year, Hours = hours });
        }
        else
        {
            record.Hours = hours;
        }

        Version++;
        Raise(new OfficerChanged("registry.officer.training-recorded", Id, AgencyId, Status));
    }

    public CertificateStatus EffectiveStatus(DateOnly today) => EffectiveStatusOf(Status, ExpiresOn, today);

    public static CertificateStatus EffectiveStatusOf(CertificateStatus stored, DateOnly expiresOn, DateOnly today) =>
        stored == CertificateStatus.Valid && expiresOn < today ? CertificateStatus.Expired : stored;

    public static Check Validate(OfficerData d)
    {
        var check = new Check()
            .Required(nameof(d.Name), "姓名", d.Name, 50)
            .Required(nameof(d.CertificateNumber), "执法证号", d.CertificateNumber, 30);
        if (string.IsNullOrWhiteSpace(d.IdNumber))
        {
            check.Add(nameof(d.IdNumber), "INPUT-REQUIRED", "身份证号不能为空");
        }
        else if (!ChineseIdentifiers.IsValidIdNumber(d.IdNumber.Trim()))
        {
            check.Add(nameof(d.IdNumber), "GB11643", "身份证号无效：须为18位且校验位正确（GB 11643）");
        }

        var areas = d.Areas ?? [];
        check.That(areas.Count is > 0 and <= MaxAreas, nameof(d.Areas), "INPUT-RANGE", $"执法领域须填写1至{MaxAreas}项");
        foreach (var a in areas)
        {
            check.MaxLength(nameof(d.Areas), "执法领域", a, 20);
        }

        check.That(d.ExpiresOn > d.IssuedOn, nameof(d.ExpiresOn), "INPUT-DATES", "有效期截止日期必须晚于发证日期");
        return check;
    }

    private void Apply(OfficerData d)
    {
        Name = d.Name.Trim();
        IdNumber = d.IdNumber.Trim().ToUpperInvariant();
        CertificateNumber = d.CertificateNumber.Trim();
        Areas = [.. d.Areas.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal)];
        IssuedOn = d.IssuedOn;
        ExpiresOn = d.ExpiresOn;
        IsAuxiliary = d.IsAuxiliary;
        HasLegalQualification = d.HasLegalQualification;
        Version++;
    }
}

/// <summary>Officer events carry IDs and status only: no name, no ID number (SEC-PI-1).</summary>
internal sealed record OfficerChanged(string EventType, Guid AggregateId, Guid AgencyId, CertificateStatus Status) : IDomainEvent;
