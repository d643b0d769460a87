using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Registry.Domain;

internal sealed record PowerVersionData(
    string Name,
    PowerCategory Category,
    string LegalBasisLaw,
    string LegalBasisArticle,
    string Area,
    DateOnly EffectiveFrom,
    string? ChangeReason);

internal sealed class PowerVersion
{
    public int Number { get; set; }

    public string Name { get; set; } = string.Empty;

    public PowerCategory Category { get; set; }

    public string LegalBasisLaw { get; set; } = string.Empty;

    public string LegalBasisArticle { get; set; } = string.Empty;

    public string Area { get; set; } = string.Empty;

    public DateOnly EffectiveFrom { get; set; }

    public string? ChangeReason { get; set; }
}

internal sealed class BenchmarkLevel
{
    public CircumstanceLevel Level { get; set; }

    public string Circumstances { get; set; } = string.Empty;

    public long MinFineFen { get; set; }

    public long MaxFineFen { get; set; }

    public string? OtherSanctions { get; set; }
}

/// <summary>
/// A power in the agency's list (权责清单). REG-5: a change never overwrites: it adds a version with its own
/// effective date, and the history stays. Penalty powers carry a discretion benchmark (裁量基准, APL-34).
/// The latest version's name, category and area are copied onto the power for listing and search.
/// </summary>
internal sealed class Power : AggregateRoot
{
    private Power()
    {
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public PowerCategory Category { get; private set; }

    public string Area { get; private set; } = string.Empty;

    public int CurrentVersion { get; private set; }

    public List<PowerVersion> Versions { get; private set; } = [];

    public List<BenchmarkLevel> Benchmark { get; private set; } = [];

    public int Version { get; private set; }

    public static Power Create(Guid agencyId, string code, PowerVersionData data, DateTimeOffset now)
    {
        var check = ValidateVersion(data);
        check.Required(nameof(Code), "权力编码", code, 40);
        check.ThrowIfAny();
        var power = new Power { Id = Guid.CreateVersion7(now), AgencyId = agencyId, Code = code.Trim() };
        power.AddVersion(data);
        power.Raise(new PowerChanged("registry.power.created", power.Id, agencyId, 1));
        return power;
    }

    /// <summary>REG-5: dynamic adjustment creates a new version; earlier versions are kept unchanged.</summary>
    public void Revise(PowerVersionData data)
    {
        var check = ValidateVersion(data);
        var last = Versions.MaxBy(v => v.Number)!;
        check.That(data.EffectiveFrom >= last.EffectiveFrom, nameof(data.EffectiveFrom), "REG-5", $"新版本的生效日期不能早于当前版本（{last.EffectiveFrom:yyyy-MM-dd}）");
        check.That(!string.IsNullOrWhiteSpace(data.ChangeReason), nameof(data.ChangeReason), "REG-5", "调整权力须说明调整理由（如法律修订）");
        check.ThrowIfAny();
        AddVersion(data);
        if (Category != PowerCategory.Penalty)
        {
            Benchmark.Clear();
        }

        Raise(new PowerChanged("registry.power.revised", Id, AgencyId, CurrentVersion));
    }

    /// <summary>The version in force on a date (null before the first version takes effect).</summary>
    public PowerVersion? VersionOn(DateOnly date) =>
        Versions.Where(v => v.EffectiveFrom <= date).MaxBy(v => v.Number);

    public void SetBenchmark(IReadOnlyList<BenchmarkLevel> levels)
    {
        var check = new Check();
        check.That(Category == PowerCategory.Penalty, "Benchmark", "APL-34", "只有行政处罚类权力才设裁量基准");
        check.That(levels.Count > 0, "Benchmark", "INPUT-REQUIRED", "裁量基准至少须有一个情节档次");
        check.That(levels.Select(l => l.Level).Distinct().Count() == levels.Count, "Benchmark", "REG-BENCH", "同一情节档次只能出现一次");
        foreach (var l in levels)
        {
            var label = RegistryLabels.Of(l.Level);
            check.That(Enum.IsDefined(l.Level), "Benchmark", "INPUT-ENUM", "情节档次无效");
            check.Required("Benchmark", $"“{label}”档的适用情形", l.Circumstances, 500);
            check.MaxLength("Benchmark", $"“{label}”档的其他处罚", l.OtherSanctions, 200);
            check.That(l.MinFineFen >= 0 && l.MaxFineFen >= 0, "Benchmark", "REG-BENCH", $"“{label}”档的罚款金额不能为负数");
            check.That(l.MinFineFen <= l.MaxFineFen, "Benchmark", "REG-BENCH", $"“{label}”档的罚款下限不能高于上限");
        }

        var ordered = levels.OrderBy(l => l.Level).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            check.That(ordered[i].MinFineFen >= ordered[i - 1].MinFineFen && ordered[i].MaxFineFen >= ordered[i - 1].MaxFineFen, "Benchmark", "REG-BENCH", "情节越重，罚款幅度不应越低");
        }

        check.ThrowIfAny();
        Benchmark.Clear();
        Benchmark.AddRange(ordered.Select(l => new BenchmarkLevel
        {
            Level = l.Level,
            Circumstances = l.Circumstances.Trim(),
            MinFineFen = l.MinFineFen,
            MaxFineFen = l.MaxFineFen,
            OtherSanctions = string.IsNullOrWhiteSpace(l.OtherSanctions) ? null : l.OtherSanctions.Trim(),
        }));
        Version++;
        Raise(new PowerChanged("registry.power.benchmark-set", Id, AgencyId, CurrentVersion));
    }

    public static Check ValidateVersion(PowerVersionData d) => new Check()
        .Required(nameof(d.Name), "权力名称", d.Name, 200)
        .That(Enum.IsDefined(d.Category), nameof(d.Category), "INPUT-ENUM", "权力类别无效")
        .Required(nameof(d.LegalBasisLaw), "法律依据（法律法规名称）", d.LegalBasisLaw, 200)
        .Required(nameof(d.LegalBasisArticle), "法律依据（条款）", d.LegalBasisArticle, 100)
        .Required(nameof(d.Area), "执法领域", d.Area, 20)
        .MaxLength(nameof(d.ChangeReason), "调整理由", d.ChangeReason, 500);

    private void AddVersion(PowerVersionData d)
    {
        CurrentVersion++;
        Versions.Add(new PowerVersion
        {
            Number = CurrentVersion,
            Name = d.Name.Trim(),
            Category = d.Category,
            LegalBasisLaw = d.LegalBasisLaw.Trim(),
            LegalBasisArticle = d.LegalBasisArticle.Trim(),
            Area = d.Area.Trim(),
            EffectiveFrom = d.EffectiveFrom,
            ChangeReason = string.IsNullOrWhiteSpace(d.ChangeReason) ? null : d.ChangeReason.Trim(),
        });
        Name = d.Name.Trim();
        Category = d.Category;
        Area = d.Area.Trim();
        Version++;
    }
}

internal sealed record PowerChanged(string EventType, Guid AggregateId, Guid AgencyId, int PowerVersion) : IDomainEvent;
