using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;

namespace Sanxiang.Cases.Domain;

internal sealed partial class CaseFile
{
    /// <summary>
    /// PUB-RED-1 (APL-50): the head finds that the decision must never be published (its main facts involve state or
    /// trade secrets or personal privacy, or publication would endanger security). The Disclosure module then never
    /// publishes it, or withdraws it when it was already published. Once set it stays.
    /// </summary>
    public void ExemptFromPublication(string reason, CaseContext ctx)
    {
        EnsureWritable();
        RequireHead(ctx, "PUB-RED-1", "决定不予公开");
        new Check()
            .That(Stage is not (CaseStage.Clue or CaseStage.FilingRequested), "Reason", "CASE-STAGE", "尚未立案的线索无需决定是否公开")
            .That(Details.PublicationExemption is null, "Reason", "PUB-RED-1", "本案已决定不予公开")
            .Required("Reason", "不予公开的理由", reason, 500)
            .ThrowIfAny();
        Details.PublicationExemption = new PublicationExemption(reason.Trim(), ctx.Today, ctx.Actor.UserId);
        Step(ctx, "决定不予公开", reason.Trim(), "PUB-RED-1");
        Commit("cases.case.publication-exempted", ctx);
    }

    /// <summary>PUB-RED-3: a decision whose only penalty is a warning.</summary>
    public bool IsWarningOnly => Decision is { Outcome: DecisionOutcome.Penalty, Penalty: { } p } && p.HasOnly(PenaltyKind.Warning);

    /// <summary>PUB-RED-1: the party was a natural person under 18 on the decision day (birth date from the GB 11643 number).</summary>
    public bool PartyWasMinor => Decision is { } d && Party.Kind == PartyKind.Person && Party.AgeOn(d.DecidedOn) is < 18;
}
