using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Reviews.Contracts;

namespace Sanxiang.Reviews.Domain;

/// <summary>
/// The materials a submission needs, per decision type (GB118-REV-2: the review checks that the documents are complete;
/// DOMAIN.md §4: missing materials are requested in writing). Texts the team writes come with the submission; the rest
/// is read from the case file.
/// </summary>
internal static class ReviewMaterials
{
    public static IReadOnlyList<MaterialKind> Required(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Penalty =>
        [
            MaterialKind.InvestigationReport, MaterialKind.EvidenceList, MaterialKind.NoticeAndServiceProof,
            MaterialKind.StatementOrHearingRecord, MaterialKind.ProposedDecisionDocument, MaterialKind.DiscretionReasoning,
        ],
        DecisionOutcome.NoPenalty => [MaterialKind.InvestigationReport, MaterialKind.EvidenceList, MaterialKind.ProposedDecisionDocument],
        DecisionOutcome.TransferCrime => [MaterialKind.InvestigationReport, MaterialKind.EvidenceList, MaterialKind.TransferReasoning],
        _ => [MaterialKind.InvestigationReport, MaterialKind.ProposedDecisionDocument],
    };

    /// <summary>Which required materials are present; every missing one is an error naming it (all listed at once).</summary>
    public static (IReadOnlyList<MaterialKind> Present, Check Check) Check(CaseForReview c, ProposedDecision decision, SubmissionTexts texts)
    {
        var check = new Check()
            .MaxLength("InvestigationReport", "调查终结报告", texts.InvestigationReport, 8000)
            .MaxLength("DiscretionReasoning", "裁量说明", texts.DiscretionReasoning, 4000)
            .MaxLength("TransferReasoning", "移送理由", texts.TransferReasoning, 4000)
            .MaxLength("Facts", "认定的事实", decision.Facts, 4000)
            .MaxLength("Reasons", "理由和依据", decision.Reasons, 4000);
        var present = new List<MaterialKind>();
        foreach (var kind in Required(decision.Outcome))
        {
            var (ok, field) = kind switch
            {
                MaterialKind.InvestigationReport => (!string.IsNullOrWhiteSpace(texts.InvestigationReport), "InvestigationReport"),
                MaterialKind.EvidenceList => (c.Materials.EvidenceCount > 0, "Evidence"),
                MaterialKind.NoticeAndServiceProof => (c.Materials.NoticeServed, "Notice"),
                MaterialKind.StatementOrHearingRecord => (c.Materials.HearingRequested ? c.Materials.HearingHeld : c.Materials.StatementOrWaiverRecorded || c.Materials.StatementPeriodPassed, "Statement"),
                MaterialKind.ProposedDecisionDocument => (!string.IsNullOrWhiteSpace(decision.Facts) && !string.IsNullOrWhiteSpace(decision.Reasons), "Facts"),
                MaterialKind.DiscretionReasoning => (!string.IsNullOrWhiteSpace(texts.DiscretionReasoning), "DiscretionReasoning"),
                _ => (!string.IsNullOrWhiteSpace(texts.TransferReasoning), "TransferReasoning"),
            };
            if (ok)
            {
                present.Add(kind);
            }
            else
            {
                check.Add(field, "GB118-REV-2", $"送审材料不全：缺少{ReviewLabels.Of(kind)}");
            }
        }

        return (present, check);
    }
}
