using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Domain;

/// <summary>
/// A penalty as proposed, notified or decided: its kinds, the fine and the confiscated amount (fen), the
/// discretion level chosen and, when outside the benchmark's range, the written reason.
/// </summary>
internal sealed record Penalty(
    IReadOnlyList<PenaltyKind> Kinds,
    long FineFen,
    long ConfiscationFen,
    CircumstanceLevel Level,
    string? OutsideBenchmarkReason)
{
    public static Penalty Create(IReadOnlyList<PenaltyKind>? kinds, long fineFen, long confiscationFen, CircumstanceLevel level, string? outsideReason)
    {
        var list = (kinds ?? []).Distinct().Order().ToList();
        new Check()
            .That(list.Count > 0, "Penalty.Kinds", "INPUT-REQUIRED", "至少选择一种处罚种类")
            .That(list.TrueForAll(Enum.IsDefined), "Penalty.Kinds", "INPUT-ENUM", "处罚种类无效")
            .That(Enum.IsDefined(level), "Penalty.Level", "INPUT-ENUM", "情节档次无效")
            .That(fineFen >= 0 && confiscationFen >= 0, "Penalty.FineFen", "INPUT-RANGE", "金额不能为负数")
            .That(fineFen is <= 100_000_000_000, "Penalty.FineFen", "INPUT-RANGE", "罚款金额过大")
            .That(list.Contains(PenaltyKind.Fine) == fineFen > 0, "Penalty.FineFen", "APL-59", "选择“罚款”时须填写罚款金额，未选择时金额须为零")
            .That(list.Contains(PenaltyKind.Confiscation) == confiscationFen > 0, "Penalty.ConfiscationFen", "APL-59", "选择“没收”时须填写没收金额，未选择时金额须为零")
            .MaxLength("Penalty.OutsideBenchmarkReason", "超出裁量基准的理由", outsideReason, 1000)
            .ThrowIfAny();
        return new Penalty(list, fineFen, confiscationFen, level, string.IsNullOrWhiteSpace(outsideReason) ? null : outsideReason.Trim());
    }

    public long AmountFen => FineFen + ConfiscationFen;

    /// <summary>APL-45: heavier than another penalty when it adds a kind or raises an amount.</summary>
    public bool IsHeavierThan(Penalty other) =>
        Kinds.Any(k => !other.Kinds.Contains(k)) || FineFen > other.FineFen || ConfiscationFen > other.ConfiscationFen;

    public bool HasOnly(params PenaltyKind[] kinds) => Kinds.All(kinds.Contains);

    public string Describe()
    {
        var parts = Kinds.Select(k => k switch
        {
            PenaltyKind.Fine => $"罚款{Money.Yuan(FineFen)}元",
            PenaltyKind.Confiscation => $"没收违法所得、非法财物{Money.Yuan(ConfiscationFen)}元",
            _ => CaseLabels.Of(k),
        });
        return string.Join("；", parts);
    }
}

internal static class Money
{
    public static string Yuan(long fen) => fen % 100 == 0
        ? (fen / 100).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
        : (fen / 100m).ToString("N2", System.Globalization.CultureInfo.InvariantCulture);
}
