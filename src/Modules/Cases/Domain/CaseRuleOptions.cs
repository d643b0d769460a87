namespace Sanxiang.Cases.Domain;

/// <summary>
/// The figures of the penalty and compulsion laws that the case engine enforces. Statutory figures have
/// their statutory default; figures the law leaves to local practice are marked "configurable"
/// (section Cases:Rules of the configuration). Money in fen.
/// </summary>
internal sealed class CaseRuleOptions
{
    public const string Section = "Cases:Rules";

    /// <summary>APL-36: limitation period in years, and the longer one where life, health or financial security was harmed.</summary>
    public int LimitationYears { get; set; } = 2;

    public int LongLimitationYears { get; set; } = 5;

    /// <summary>APL-51: summary-procedure fine limits (200 yuan natural person, 3,000 yuan organisation).</summary>
    public long SummaryMaxFinePersonFen { get; set; } = 200_00;

    public long SummaryMaxFineOrganisationFen { get; set; } = 3_000_00;

    /// <summary>APL-68: on-the-spot collection only for fines up to 100 yuan.</summary>
    public long OnTheSpotCollectionMaxFen { get; set; } = 100_00;

    /// <summary>APL-63: "large" fines or confiscations that give a hearing right (configurable; provincial default).</summary>
    public long HearingThresholdPersonFen { get; set; } = 10_000_00;

    public long HearingThresholdOrganisationFen { get; set; } = 100_000_00;

    /// <summary>APL-57: whether every case the ReviewCatalog names also needs collective discussion (local practice).</summary>
    public bool CollectiveDiscussionForCatalogCases { get; set; } = true;

    /// <summary>APL-44/45: working days the party has to state and defend after the notice is served (configurable).</summary>
    public int StatementWorkingDays { get; set; } = 5;

    /// <summary>APL-64: hearing request within 5 working days of the notice.</summary>
    public int HearingRequestWorkingDays { get; set; } = 5;

    /// <summary>APL-64: the hearing notice at least 7 (working) days before the hearing.</summary>
    public int HearingNoticeWorkingDays { get; set; } = 7;

    /// <summary>APL-60: decision within 90 days of filing (configurable per power by law; this is the default).</summary>
    public int DecisionDays { get; set; } = 90;

    /// <summary>APL-60: the longest extension one approval may grant (local practice).</summary>
    public int MaxDecisionExtensionDays { get; set; } = 30;

    /// <summary>APL-61: service within 7 working days of the decision.</summary>
    public int ServiceWorkingDays { get; set; } = 7;

    /// <summary>APL-67: payment within 15 days of service.</summary>
    public int PaymentDays { get; set; } = 15;

    /// <summary>APL-66: the most instalments one approval may set (local practice; at least 2).</summary>
    public int MaxInstalments { get; set; } = 6;

    /// <summary>APL-72: surcharge of 3 % of the fine per day, never more than the fine.</summary>
    public int SurchargePercentPerDay { get; set; } = 3;

    /// <summary>ACL-25: seal-up or seizure at most 30 days, extendable once by at most 30 days.</summary>
    public int SeizureDays { get; set; } = 30;

    public int SeizureExtensionDays { get; set; } = 30;

    /// <summary>APL-56: decide on preserved evidence within 7 working days.</summary>
    public int PreservationWorkingDays { get; set; } = 7;

    /// <summary>ACL-54: apply to court only 10 (working) days after the demand was served.</summary>
    public int DemandWorkingDays { get; set; } = 10;

    /// <summary>ACL-19: after an emergency measure, approval within 24 hours.</summary>
    public int EmergencyApprovalHours { get; set; } = 24;
}
