using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;

namespace Sanxiang.Registry.Tests.Domain;

/// <summary>Valid inputs and aggregates for domain tests; change one thing with <c>with</c> or a builder method.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
    public static readonly Guid AgencyId = new("0190f000-0000-7000-8000-0000000000a1");

    public const string OfficerName = "欧阳明华";
    public const string OfficerIdNumber = "11010519491231002X";

    public static OfficerData Officer() => new(
        OfficerName,
        OfficerIdNumber,
        "JZ-35-0001",
        ["市场监管", "食品安全"],
        new DateOnly(2024, 1, 15),
        new DateOnly(2029, 1, 14),
        IsAuxiliary: false,
        HasLegalQualification: true);

    public static Officer RegisteredOfficer(OfficerData? data = null) =>
        Sanxiang.Registry.Domain.Officer.Register(AgencyId, data ?? Officer(), Now);

    public static PowerVersionData PowerInput(PowerCategory category = PowerCategory.Penalty, DateOnly? from = null, string? reason = null) => new(
        "对生产、销售不符合保障人体健康标准的产品的处罚",
        category,
        "《中华人民共和国产品质量法》",
        "第四十九条",
        "市场监管",
        from ?? new DateOnly(2024, 1, 1),
        reason);

    public static Power NewPower(PowerCategory category = PowerCategory.Penalty) =>
        Sanxiang.Registry.Domain.Power.Create(AgencyId, "330217001000", PowerInput(category), Now);

    public static BenchmarkLevel Level(CircumstanceLevel level, long minFen, long maxFen, string circumstances = "违法情节") =>
        new() { Level = level, Circumstances = circumstances, MinFineFen = minFen, MaxFineFen = maxFen };

    public static AgencyData AgencyInput(AgencyLevel level = AgencyLevel.County, string? creditCode = null) =>
        new("某县市场监督管理局", level, AgencyKind.MarketRegulation, creditCode, "法规科", "某县某路1号");

    /// <summary>The broken rules of a refused action.</summary>
    public static IReadOnlyList<FieldError> Refused(Action action) => Should.Throw<DomainRuleException>(action).Errors;
}
