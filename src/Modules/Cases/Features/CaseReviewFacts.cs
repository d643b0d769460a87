using Microsoft.EntityFrameworkCore;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Domain;
using Sanxiang.Cases.Persistence;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Features;

/// <summary>The Cases module's side of legal review: the case and a proposed decision as the Reviews module needs them.</summary>
internal sealed class CaseReviewFacts(CasesDbContext db, IReviewCatalogs catalogs, TimeProvider clock) : ICaseReviewFacts
{
    public async Task<bool> MaySeePersonalDataAsync(AccessScope scope, Guid caseId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var c = await db.Cases.AsNoTracking().Where(x => x.Id == caseId).Select(x => new { x.AgencyId, x.TeamOfficers }).SingleOrDefaultAsync(ct);
        return c is not null && scope.CanSee(c.AgencyId) && PartyDataRule.SeesInFull(scope, c.AgencyId, c.TeamOfficers);
    }

    public async Task<(string CaseNumber, ProposedDecision? Noticed)> NoticedDecisionAsync(AccessScope scope, Guid caseId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || !scope.CanSee(c.AgencyId))
        {
            throw new NotFoundException();
        }

        return (c.Number, c.LastNotice is { } n
            ? new ProposedDecision(DecisionOutcome.Penalty, new ProposedPenalty(n.Penalty.Kinds, n.Penalty.FineFen, n.Penalty.ConfiscationFen, n.Penalty.Level, n.Penalty.OutsideBenchmarkReason), null, n.Facts, n.Reasons)
            : null);
    }

    public async Task<CaseForReview> ForReviewAsync(AccessScope scope, Guid caseId, ProposedDecision decision, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(decision);
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || !scope.CanSee(c.AgencyId))
        {
            throw new NotFoundException();
        }

        if (!Enum.IsDefined(decision.Outcome))
        {
            throw new DomainRuleException("INPUT-ENUM", "决定类型无效", "Outcome");
        }

        Penalty? penalty = null;
        if (decision.Outcome == DecisionOutcome.Penalty)
        {
            var p = decision.Penalty ?? throw new DomainRuleException("INPUT-REQUIRED", "请填写拟作出的处罚内容", "Penalty");
            penalty = Penalty.Create(p.Kinds, p.FineFen, p.ConfiscationFen, p.Level, p.OutsideBenchmarkReason);
        }

        var catalog = await catalogs.ForAgencyAsync(c.AgencyId, ct);
        var d = c.Details;
        var today = ChinaTime.Today(clock);
        var notice = c.LastNotice;
        var materials = new CaseReviewMaterials(
            d.Evidence.Count(e => e.LawfullyObtained),
            notice is not null,
            d.Statement is not null && d.Statement.NoticeNo == notice?.No,
            notice is not null && today > notice.StatementDeadline,
            d.Hearing is not null,
            d.Hearing?.Held == true);
        var summary = CaseLabels.Of(decision.Outcome) + (penalty is null ? string.Empty : "：" + penalty.Describe());
        return new CaseForReview(
            c.Id,
            c.AgencyId,
            c.Number,
            d.Power.Name,
            c.Stage,
            c.Stage is CaseStage.Investigation or CaseStage.Notified,
            [.. d.Team.Select(t => t.OfficerId)],
            CaseFile.Fingerprint(decision.Outcome, penalty),
            summary,
            penalty?.AmountFen ?? 0,
            c.ReviewMatches(decision.Outcome, penalty, catalog),
            materials);
    }
}
