using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Domain;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Cases.Features;

/// <summary>The next lawful actions of a case for the caller's roles: what the pages offer and the API lists.</summary>
internal static class CaseActions
{
    public static IReadOnlyList<NextAction> Next(CaseFile c, AccessScope scope, DateOnly today)
    {
        if (c.AgencyId != scope.AgencyId)
        {
            return [];
        }

        var all = For(c, today).Where(a => a.Role switch
        {
            Roles.Head => scope.IsInRole(Roles.Head),
            Roles.Reviewer => scope.IsInRole(Roles.Reviewer),
            _ => scope.IsInRole(Roles.Officer) || scope.IsInRole(Roles.Head),
        });
        return [.. all];
    }

    private static IEnumerable<NextAction> For(CaseFile c, DateOnly today)
    {
        var d = c.Details;
        switch (c.Stage)
        {
            case CaseStage.Clue:
                yield return new("request-filing", "提请立案审批", Roles.Officer);
                yield return new("team", "调整执法人员", Roles.Officer);
                yield return new("reject-filing", "不予立案", Roles.Head);
                break;
            case CaseStage.FilingRequested:
                yield return new("approve-filing", "批准立案", Roles.Head);
                yield return new("reject-filing", "不予立案", Roles.Head);
                break;
            case CaseStage.Investigation or CaseStage.Notified:
                yield return new("evidence", "收集证据", Roles.Officer);
                yield return new("measure", "查封扣押 / 先行登记保存", Roles.Officer);
                yield return new("recusal", "申请回避", Roles.Officer);
                if (d.Recusals.Exists(r => r.Granted is null))
                {
                    yield return new("recusal-decision", "决定回避", Roles.Head);
                }

                yield return new("notice", c.Stage == CaseStage.Notified ? "重新告知" : "送达事先告知书", Roles.Officer);
                if (c.Stage == CaseStage.Notified)
                {
                    if (d.Statement is null)
                    {
                        yield return new("statement", "记录陈述申辩", Roles.Officer);
                    }

                    if (c.LastNotice!.HearingRight && d.Hearing is null)
                    {
                        yield return new("hearing-request", "登记听证申请", Roles.Officer);
                    }

                    if (d.Hearing is { HearingOn: null })
                    {
                        yield return new("hearing-schedule", "安排听证", Roles.Officer);
                    }

                    if (d.Hearing is { HearingOn: not null, PartyAttended: null })
                    {
                        yield return new("hearing-record", "记录听证", Roles.Officer);
                    }
                }

                yield return new("review", "送法制审核", Roles.Officer);
                yield return new("discussion", "集体讨论", Roles.Head);
                yield return new("extend", "延长办案期限", Roles.Head);
                yield return new("decision", "作出决定", Roles.Officer);
                yield return new("flags", "标记重大复杂情形", Roles.Officer);
                yield return new("recording-exception", "批准音像记录例外", Roles.Head);
                break;
            case CaseStage.Decided:
                yield return new("service", "送达决定书", Roles.Officer);
                yield return new("recording-exception", "批准音像记录例外", Roles.Head);
                if (c.Decision!.Outcome != DecisionOutcome.Penalty)
                {
                    yield return new("closing", "提请结案", Roles.Officer);
                }

                break;
            case CaseStage.Served:
                if (d.Payment is { SettledOn: null })
                {
                    if (d.Service?.Method == ServiceMethod.OnTheSpot)
                    {
                        yield return new("on-the-spot", "当场收缴罚款", Roles.Officer);
                    }

                    if (d.Payment.Instalments.Count == 0)
                    {
                        yield return new("deferral", "批准延期缴纳", Roles.Head);
                    }

                    if (c.MayApproveInstalments(today))
                    {
                        yield return new("instalments", "批准分期缴纳", Roles.Head);
                    }

                    yield return new("demand", "送达催告书", Roles.Officer);
                    yield return new("court", "申请法院强制执行", Roles.Head);
                    if (d.Payment.CourtAppliedOn is not null)
                    {
                        yield return new("court-outcome", "登记法院执行结果", Roles.Officer);
                    }
                }

                yield return new("remedy", "登记复议或诉讼", Roles.Officer);
                yield return new("closing", "提请结案", Roles.Officer);
                break;
            case CaseStage.ClosingRequested:
                yield return new("approve-closing", "批准结案", Roles.Head);
                break;
            case CaseStage.Closed:
                yield return new("archive", "立卷归档", Roles.Officer);
                break;
        }

        if (c.Stage is not (CaseStage.Clue or CaseStage.FilingRequested or CaseStage.Archived) && d.PublicationExemption is null)
        {
            yield return new("publication-exemption", "决定不予公开", Roles.Head);
        }
    }
}
