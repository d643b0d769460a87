using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Validation;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Registry.Domain;

internal sealed record AgencyData(string Name, AgencyLevel Level, AgencyKind Kind, string? CreditCode, string LegalUnit, string? Address, string? RegionCode = null, string? RegionName = null);

/// <summary>
/// An enforcement body (执法主体) in the tree province → city → county → township. <see cref="Path"/> is the
/// materialised path of ancestor IDs ("/root/…/self/") so that a subtree is one prefix query.
/// REG-4: every agency names its legal unit (法制机构) or designated legal staff. The region (行政区划) is optional: a
/// GB/T 2260 code and its name, both or neither.
/// </summary>
internal sealed class Agency : AggregateRoot
{
    private Agency()
    {
    }

    public Guid Id { get; private set; }

    public Guid? ParentId { get; private set; }

    public string Path { get; private set; } = "/";

    public string Name { get; private set; } = string.Empty;

    public AgencyLevel Level { get; private set; }

    public AgencyKind Kind { get; private set; }

    public string? CreditCode { get; private set; }

    public string LegalUnit { get; private set; } = string.Empty;

    public string? Address { get; private set; }

    /// <summary>The administrative division's six-digit GB/T 2260 code (110105), or null.</summary>
    public string? RegionCode { get; private set; }

    /// <summary>The division's name (北京市朝阳区), set exactly when <see cref="RegionCode"/> is.</summary>
    public string? RegionName { get; private set; }

    public int Version { get; private set; }

    public static Agency Create(AgencyData data, Agency? parent, DateTimeOffset now) =>
        CreateWithId(Guid.CreateVersion7(now), data, parent);

    public static Agency CreateWithId(Guid id, AgencyData data, Agency? parent)
    {
        Validate(data, parent).ThrowIfAny();
        var agency = new Agency
        {
            Id = id,
            ParentId = parent?.Id,
            Path = (parent?.Path ?? "/") + id.ToString("N") + "/",
        };
        agency.Apply(data);
        agency.Raise(new AgencyChanged("registry.agency.created", id, parent?.Id));
        return agency;
    }

    public void Update(AgencyData data, Agency? parent)
    {
        Validate(data, parent).ThrowIfAny();
        Apply(data);
        Raise(new AgencyChanged("registry.agency.updated", Id, ParentId));
    }

    public static Check Validate(AgencyData d, Agency? parent)
    {
        var check = new Check()
            .Required(nameof(d.Name), "机构名称", d.Name, 100)
            .Required(nameof(d.LegalUnit), "法制机构", d.LegalUnit, 100)
            .MaxLength(nameof(d.Address), "地址", d.Address, 200)
            .That(Enum.IsDefined(d.Level), nameof(d.Level), "INPUT-ENUM", "层级无效")
            .That(Enum.IsDefined(d.Kind), nameof(d.Kind), "INPUT-ENUM", "机构类别无效");
        if (!string.IsNullOrWhiteSpace(d.CreditCode) && !ChineseIdentifiers.IsValidCreditCode(d.CreditCode.Trim()))
        {
            check.Add(nameof(d.CreditCode), "GB32100", "统一社会信用代码校验位错误（GB 32100）");
        }

        ValidateRegion(check, d.RegionCode, d.RegionName);
        if (parent is not null && d.Level < parent.Level)
        {
            check.Add(nameof(d.Level), "REG-TREE", $"下级机构的层级不能高于上级机构（上级为{RegistryLabels.Of(parent.Level)}）");
        }

        return check;
    }

    private static void ValidateRegion(Check check, string? code, string? name)
    {
        var hasCode = !string.IsNullOrWhiteSpace(code);
        var hasName = !string.IsNullOrWhiteSpace(name);
        if (hasCode && !AdministrativeDivisions.IsValidCode(code!.Trim()))
        {
            check.Add(nameof(AgencyData.RegionCode), "GB2260", AdministrativeDivisions.CodeMessage);
        }
        else if (!hasCode && hasName)
        {
            check.Add(nameof(AgencyData.RegionCode), "GB2260", "已填写行政区划名称，请同时填写6位行政区划代码");
        }

        if (hasCode && !hasName)
        {
            check.Add(nameof(AgencyData.RegionName), "INPUT-REQUIRED", "请填写行政区划名称（如 北京市朝阳区）");
        }

        check.MaxLength(nameof(AgencyData.RegionName), "行政区划名称", name?.Trim(), AdministrativeDivisions.NameMaxLength);
    }

    private void Apply(AgencyData d)
    {
        Name = d.Name.Trim();
        Level = d.Level;
        Kind = d.Kind;
        CreditCode = string.IsNullOrWhiteSpace(d.CreditCode) ? null : d.CreditCode.Trim();
        LegalUnit = d.LegalUnit.Trim();
        Address = string.IsNullOrWhiteSpace(d.Address) ? null : d.Address.Trim();
        RegionCode = string.IsNullOrWhiteSpace(d.RegionCode) ? null : d.RegionCode.Trim();
        RegionName = string.IsNullOrWhiteSpace(d.RegionName) ? null : d.RegionName.Trim();
        Version++;
    }
}

internal sealed record AgencyChanged(string EventType, Guid AggregateId, Guid? ParentId) : IDomainEvent;
