using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Domain;

internal sealed partial class CaseFile
{
    /// <summary>
    /// APL-42 / REG-1: at least two officers (one on the spot in the summary procedure), each with a certificate
    /// valid on the day whose areas cover the power's area; auxiliary staff never count. APL-43: an officer
    /// whose recusal was granted may not act. <paramref name="facts"/> are the Registry's current facts of the
    /// team, read by the handler just before the step.
    /// </summary>
    internal static void CheckTeam(IReadOnlyList<OfficerFacts> facts, Guid agencyId, string area, DateOnly day, IEnumerable<Guid> recused, int minimum)
    {
        var check = new Check();
        var recusedSet = recused.ToHashSet();
        foreach (var o in facts)
        {
            if (o.AgencyId != agencyId)
            {
                check.Add("Team", "APL-42", $"{o.Name}不是本机关执法人员");
            }
            else if (o.IsAuxiliary)
            {
                check.Add("Team", "APL-42", $"{o.Name}是辅助人员，不能独立执法，也不计入执法人员人数");
            }
            else if (o.StatusOn(day) != CertificateStatus.Valid)
            {
                check.Add("Team", "APL-42", $"{o.Name}的执法证（{o.CertificateNumber}）状态为“{RegistryLabels.Of(o.StatusOn(day))}”，不能执法");
            }
            else if (!o.Areas.Contains(area, StringComparer.Ordinal))
            {
                check.Add("Team", "APL-42", $"{o.Name}的执法证执法领域（{string.Join("、", o.Areas)}）不包含“{area}”");
            }

            if (recusedSet.Contains(o.Id))
            {
                check.Add("Team", "APL-43", $"{o.Name}已决定回避，不得参与本案");
            }
        }

        var lawful = facts.Count(o => o.AgencyId == agencyId && o.MayEnforceOn(day) && o.Areas.Contains(area, StringComparer.Ordinal) && !recusedSet.Contains(o.Id));
        check.That(facts.Select(f => f.Id).Distinct().Count() == facts.Count, "Team", "APL-42", "执法人员不能重复");
        check.That(lawful >= minimum, "Team", "APL-42", minimum == 1
            ? "须有持有效执法证的执法人员在场"
            : $"执法人员不得少于两人且均须持有效执法证（现符合条件的为{lawful}人）");
        check.ThrowIfAny();
    }

    private IEnumerable<Guid> RecusedOfficers => Details.Recusals.Where(r => r.Granted == true).Select(r => r.OfficerId);

    /// <summary>Checks the stored team against the Registry's current facts (APL-42 on every step where officers act).</summary>
    private void CheckCurrentTeam(IReadOnlyList<OfficerFacts> facts, DateOnly day)
    {
        var ids = Details.Team.Select(t => t.OfficerId).ToHashSet();
        if (!ids.SetEquals(facts.Select(f => f.Id)))
        {
            throw new InvalidOperationException("The handler must pass the Registry facts of exactly the case team.");
        }

        CheckTeam(facts, AgencyId, Power.Area, day, RecusedOfficers, 2);
    }

    /// <summary>Sets the case team (承办人员). APL-42 and APL-43 apply.</summary>
    public void AssignTeam(IReadOnlyList<OfficerFacts> team, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.AssignTeam);
        CheckTeam(team, AgencyId, Power.Area, ctx.Today, RecusedOfficers, 2);
        Details.Team = [.. team.Select(o => new TeamMember(o.Id, o.Name, o.CertificateNumber))];
        Step(ctx, "指派执法人员", string.Join("、", team.Select(o => $"{o.Name}（{o.CertificateNumber}）")), "APL-42");
        Commit("cases.case.team-assigned", ctx);
    }

    /// <summary>APL-43: the party or the officer asks for recusal; investigation continues meanwhile.</summary>
    public void RequestRecusal(Guid officerId, string reason, CaseContext ctx)
    {
        EnsureStage(CaseProcedure.RequestRecusal);
        var member = Details.Team.Find(t => t.OfficerId == officerId)
            ?? throw new DomainRuleException("APL-43", "只能对本案执法人员申请回避", "OfficerId");
        new Check().Required("Reason", "回避理由", reason, 500)
            .That(!Details.Recusals.Exists(r => r.OfficerId == officerId && r.Granted is null), "OfficerId", "APL-43", "该执法人员的回避申请尚未决定")
            .ThrowIfAny();
        Details.Recusals.Add(new Recusal(officerId, reason.Trim(), ctx.Today, null, null));
        Step(ctx, "申请回避", $"{member.Name}：{reason.Trim()}", "APL-43");
        Commit("cases.case.recusal-requested", ctx);
    }

    /// <summary>APL-43: the agency head decides; a granted recusal takes the officer off the case.</summary>
    public void DecideRecusal(Guid officerId, bool granted, CaseContext ctx)
    {
        EnsureWritable();
        RequireHead(ctx, "APL-43", "回避由行政机关负责人决定");
        var i = Details.Recusals.FindIndex(r => r.OfficerId == officerId && r.Granted is null);
        if (i < 0)
        {
            throw new DomainRuleException("APL-43", "没有待决定的回避申请", "OfficerId");
        }

        Details.Recusals[i] = Details.Recusals[i] with { Granted = granted, DecidedOn = ctx.Today };
        var name = Details.Team.Find(t => t.OfficerId == officerId)?.Name ?? string.Empty;
        if (granted)
        {
            Details.Team.RemoveAll(t => t.OfficerId == officerId);
        }

        Step(ctx, granted ? "决定回避" : "驳回回避申请", name, "APL-43");
        Commit("cases.case.recusal-decided", ctx);
    }

    private static void RequireHead(CaseContext ctx, string ruleId, string message)
    {
        if (!ctx.Actor.IsHead)
        {
            throw new DomainRuleException(ruleId, $"{message}，须由行政机关负责人批准", "Approver");
        }
    }
}
