using Sanxiang.Cases.Contracts;

namespace Sanxiang.Cases.Domain;

/// <summary>A legal deadline of the case as shown to officers: what, by when, under which rule, and whether it is met.</summary>
internal sealed record CaseDeadline(string What, DateOnly Due, string RuleId, bool Done);

internal sealed partial class CaseFile
{
    /// <summary>Every deadline the case has run into so far, open ones first.</summary>
    public IReadOnlyList<CaseDeadline> Deadlines()
    {
        var d = Details;
        var list = new List<CaseDeadline>();
        if (DecisionDeadline is { } dd)
        {
            list.Add(new CaseDeadline("作出处理决定", dd, "APL-60", d.Decision is not null || Stage is CaseStage.Closed or CaseStage.Archived));
        }

        foreach (var m in d.Measures)
        {
            list.Add(new CaseDeadline(m.Kind == MeasureKind.EvidencePreservation ? $"对先行登记保存的证据作出处理（措施{m.No}）" : $"{CaseLabels.Of(m.Kind)}期限届满（措施{m.No}）", m.EndsOn, m.Kind == MeasureKind.EvidencePreservation ? "APL-56" : "ACL-25", m.EndedOn is not null));
        }

        if (LastNotice is { } n && d.Decision is null)
        {
            list.Add(new CaseDeadline("当事人陈述申辩期限", n.StatementDeadline, "APL-45", d.Statement is not null));
            if (n.HearingRight)
            {
                list.Add(new CaseDeadline("当事人要求听证期限", n.HearingRequestDeadline, "APL-64", d.Hearing is not null));
            }
        }

        if (d.Hearing?.HearingOn is { } h)
        {
            list.Add(new CaseDeadline("举行听证", h, "APL-64", d.Hearing.PartyAttended is not null));
        }

        if (d.Decision is { } dec && Procedure == Procedure.General)
        {
            list.Add(new CaseDeadline("送达决定书", dec.ServiceDeadline, "APL-61", d.Service is not null));
        }

        if (d.Payment is { Instalments.Count: > 0 } plan)
        {
            foreach (var i in Instalments())
            {
                list.Add(new CaseDeadline($"分期缴纳罚款第{i.No}期（共{plan.Instalments.Count}期，{Money.Yuan(i.AmountFen)}元）", i.DueOn, "APL-66", plan.SettledOn is not null || i.Paid));
            }
        }
        else if (d.Payment is { } p)
        {
            list.Add(new CaseDeadline(p.DeferredTo is null ? "缴纳罚款" : "缴纳罚款（已批准延期）", p.DeferredTo ?? p.DueOn, "APL-67", p.SettledOn is not null));
        }

        return [.. list.OrderBy(x => x.Done).ThenBy(x => x.Due)];
    }

    private DateOnly? ComputeNextDeadline() =>
        Stage is CaseStage.Closed or CaseStage.Archived ? null : Deadlines().Where(x => !x.Done).Select(x => (DateOnly?)x.Due).Min();
}

/// <summary>Issuing documents: the case records each one in its history and its event carries the document's hash.</summary>
internal sealed partial class CaseFile
{
    /// <summary>
    /// Records an issued document (its template has already checked that the case has what it records). An
    /// archived case issues nothing (GB118-REC-4); the Ledger gets the document's SHA-256 with the event.
    /// </summary>
    public void RecordDocument(DocumentKind kind, string number, string sha256, CaseContext ctx)
    {
        EnsureWritable();
        Step(ctx, $"制作{DocumentLabels.Title(kind)}", $"{number}（SHA-256 {sha256[..16]}…）", kind is DocumentKind.PenaltyDecision ? "APL-59" : "GB118-REC-1");
        Commit("cases.document.issued", ctx, sha256);
    }
}
