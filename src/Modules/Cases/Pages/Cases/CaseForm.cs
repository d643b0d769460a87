using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Features;
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

    public PartyInput Party() => new(PartyKind, PartyName, IdNumber, CreditCode, LegalRepresentative, Address, Phone);

    public PenaltyInput Penalty() => new(Kinds, Fen(FineYuan), Fen(ConfiscationYuan), Level, OutsideReason);

    public static long Fen(decimal? yuan) => yuan is { } y ? (long)decimal.Round(y * 100, 0) : 0;
}
