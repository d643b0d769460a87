using System.Globalization;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Features;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Pages.Cases;

/// <summary>The flat form behind every case page; each action reads the fields it needs. Money is entered in yuan.</summary>
internal sealed class CaseForm
{
    public Guid PowerId { get; set; }

    public PartyKind PartyKind { get; set; } = PartyKind.Person;

    public string? PartyName { get; set; }

    public string? IdNumber { get; set; }

    public string? CreditCode { get; set; }

    public string? LegalRepresentative { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Summary { get; set; }

    public DateOnly? ActOn { get; set; }

    public DateOnly? ActEndedOn { get; set; }

    public DateOnly? DiscoveredOn { get; set; }

    public bool HarmsSafety { get; set; }

    public List<Guid> OfficerIds { get; set; } = [];

    public List<PenaltyKind> Kinds { get; set; } = [];

    public decimal? FineYuan { get; set; }

    public decimal? ConfiscationYuan { get; set; }

    public CircumstanceLevel Level { get; set; } = CircumstanceLevel.General;

    public string? OutsideReason { get; set; }

    public bool Flag1 { get; set; }

    public bool Flag2 { get; set; }

    public bool Flag3 { get; set; }

    public bool Flag4 { get; set; }

    public bool Flag5 { get; set; }

    public bool Flag6 { get; set; }

    public bool Flag7 { get; set; }

    public bool Flag8 { get; set; }

    public string? Text { get; set; }

    public string? Text3 { get; set; }

    public string? Text2 { get; set; }

    public string? Kind { get; set; }

    public DateOnly? Date1 { get; set; }

    public DateOnly? Date2 { get; set; }

    public int Number { get; set; }

    public Guid OfficerId { get; set; }

    public DecisionOutcome Outcome { get; set; } = DecisionOutcome.Penalty;

    public NoPenaltyGround? Ground { get; set; }

    public ServiceMethod Method { get; set; } = ServiceMethod.Direct;

    public MeasureKind MeasureKind { get; set; } = MeasureKind.Seizure;

    public RemedyKind RemedyKind { get; set; } = RemedyKind.Reconsideration;

    public RemedyResult? RemedyResult { get; set; }

    public PartyInput Party() => new(PartyKind, PartyName, IdNumber, CreditCode, LegalRepresentative, Address, Phone);

    public PenaltyInput Penalty() => new(Kinds, Fen(FineYuan), Fen(ConfiscationYuan), Level, OutsideReason);

    public static long Fen(decimal? yuan) => yuan is { } y ? (long)decimal.Round(y * 100, 0) : 0;

    /// <summary>
    /// The instalment schedule typed into <see cref="Text"/>, one "缴款期限 金额（元）" per line (e.g. "2026-04-30 500.00");
    /// a line that cannot be read is refused with its line number before anything is saved. The rules (APL-66) are the case's.
    /// </summary>
    public IReadOnlyList<InstalmentLineInput> InstalmentLines()
    {
        var check = new Check();
        var list = new List<InstalmentLineInput>();
        var lines = (Text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split([' ', '\t', '\u3000', ',', '，', '、'], 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var amount = parts.Length == 2 ? parts[1].TrimEnd('元').Trim() : string.Empty;
            if (parts.Length == 2
                && DateOnly.TryParseExact(parts[0], ["yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
                && decimal.TryParse(amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var yuan)
                && decimal.Round(yuan, 2) == yuan && Math.Abs(yuan) < 1_000_000_000)
            {
                list.Add(new InstalmentLineInput(due, Fen(yuan)));
            }
            else
            {
                check.Add("Instalments", "INPUT-FORMAT", $"第{i + 1}行“{lines[i]}”须为“缴款期限 金额（元）”，如 2026-04-30 500.00");
            }
        }

        check.That(lines.Length > 0, "Instalments", "INPUT-REQUIRED", "请填写分期计划，每行一期").ThrowIfAny();
        return list;
    }
}
