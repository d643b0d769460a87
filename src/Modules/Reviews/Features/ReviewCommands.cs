using Microsoft.EntityFrameworkCore;
using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Reviews.Domain;
using Sanxiang.Reviews.Persistence;

namespace Sanxiang.Reviews.Features;

/// <summary>
/// Every legal-review command: check the caller's scope and role, load the review, ask the Cases module for the case
/// as review sees it, call the aggregate, save once (the review, the pool entry, counters, the opinion and the outbox).
/// </summary>
internal sealed class ReviewCommands(
    ReviewsDbContext db,
    ICaseReviewFacts cases,
    IReviewCatalogs catalogs,
    IWorkingDayCalendar calendar,
    TimeProvider clock,
    ReviewNumbering numbering,
    ReviewDocuments documents,
    IUserDirectory users,
    IEnforcementDirectory officers)
{
    private static readonly string[] Team = [Roles.Officer, Roles.Head];
    private static readonly string[] LegalUnit = [Roles.Reviewer, Roles.Head];
    private static readonly string[] Reviewers = [Roles.Reviewer];
    private static readonly string[] Heads = [Roles.Head];

    /// <summary>送审: the first submission registers the review; later ones are new rounds of the same review.</summary>
    public async Task<Guid> SubmitAsync(AccessScope scope, Guid caseId, SubmitInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        scope.RequireAnyRole(Team);
        var decision = input.Decision ?? throw new DomainRuleException("INPUT-REQUIRED", "请填写拟作出的决定", "Decision");
        var c = await cases.ForReviewAsync(scope, caseId, decision with { Facts = decision.Facts ?? string.Empty, Reasons = decision.Reasons ?? string.Empty }, ct);
        if (c.AgencyId != scope.AgencyId)
        {
            throw new ForbiddenException("只有本机关人员才能送审");
        }

        var ctx = await ContextAsync(scope, c.AgencyId, ct);
        var texts = new SubmissionTexts(input.InvestigationReport, input.DiscretionReasoning, input.TransferReasoning);
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.CaseId == caseId, ct);
        if (review is null)
        {
            var number = await numbering.NumberAsync(c.AgencyId, ctx.Today.Year, "法审", ct);
            review = LegalReview.Submit(number, c, decision, texts, ctx);
            db.Reviews.Add(review);
        }
        else
        {
            review.Resubmit(c, decision, texts, ctx);
        }

        await SaveAsync(ct);
        return review.Id;
    }

    public Task AssignAsync(AccessScope scope, Guid id, AssignInput input, CancellationToken ct) =>
        RunAsync(scope, id, LegalUnit, async (r, ctx) =>
        {
            var ids = (input.ReviewerIds ?? []).Distinct().ToList();
            var pool = await db.Reviewers.Where(x => ids.Contains(x.Id)).ToListAsync(ct);
            if (pool.Count != ids.Count || ids.Count == 0)
            {
                throw new DomainRuleException("APL-58", "请从本机关审核人员库中选择审核人员", "ReviewerIds");
            }

            var c = await cases.ForReviewAsync(scope, r.CaseId, r.Current.Decision, ct);
            r.Assign(pool, c.TeamOfficerIds, ctx);
        }, ct);

    public Task RecordAdviceAsync(AccessScope scope, Guid id, AdviceInput input, CancellationToken ct) =>
        RunAsync(scope, id, LegalUnit, async (r, ctx) =>
        {
            var advisor = await db.Reviewers.SingleOrDefaultAsync(x => x.Id == input.ReviewerId, ct)
                ?? throw new DomainRuleException("APL-58", "外聘法律顾问不存在", "ReviewerId");
            r.RecordAdvice(advisor, input.Text ?? string.Empty, ctx);
        }, ct);

    /// <summary>The conclusion, with its numbered opinion document (审核意见书) issued in the same save.</summary>
    public Task ConcludeAsync(AccessScope scope, Guid id, ConcludeInput input, CancellationToken ct) =>
        RunAsync(scope, id, Reviewers, async (r, ctx) =>
        {
            // First, not Single: a pool listed someone twice before entries were made unique (issue 15).
            var me = await db.Reviewers.Where(x => x.AgencyId == r.AgencyId && x.UserId == scope.ActorId && x.Active).OrderBy(x => x.Id).FirstOrDefaultAsync(ct)
                ?? throw new DomainRuleException("APL-58", "您不在本机关法制审核人员库中，不能作出审核结论", "Reviewer");
            var findings = (input.Findings ?? []).Select(f => new Finding(f.Item, f.Satisfied, f.Note ?? string.Empty)).ToList();
            r.Conclude(me, findings, input.Outcome, input.Opinion ?? string.Empty, ctx);
            var doc = await documents.IssueAsync(r, ctx, ct);
            r.AttachOpinion(doc.Id, doc.Sha256, ctx);
        }, ct);

    public Task ExtendAsync(AccessScope scope, Guid id, ReasonInput input, CancellationToken ct) =>
        RunAsync(scope, id, Heads, (r, ctx) =>
        {
            r.Extend(input.Reason ?? string.Empty, ctx);
            return Task.CompletedTask;
        }, ct);

    public Task RecordDiscussionAsync(AccessScope scope, Guid id, ReviewDiscussionInput input, CancellationToken ct) =>
        RunAsync(scope, id, Heads, (r, ctx) =>
        {
            r.RecordDiscussion(input.Participants ?? string.Empty, input.Conclusion ?? string.Empty, input.Adopted, ctx);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Adds a member to the agency's review pool (the head of the agency, for its legal unit).</summary>
    public async Task<Guid> AddReviewerAsync(AccessScope scope, ReviewerInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        scope.RequireAnyRole(Heads);

        // The pool is the legal unit's own: users and officers of this agency only, each once (issue 15).
        var userId = string.IsNullOrWhiteSpace(input.UserId) ? null : Guid.TryParse(input.UserId, out var g) ? g.ToString() : input.UserId.Trim();
        var ownUser = userId is null || (await users.InAgencyAsync(scope.AgencyId, ct)).Any(u => u.UserId == userId);
        var ownOfficer = input.OfficerId is not { } officerId || (await officers.OfficersOfAgencyAsync(scope.AgencyId, ct)).Any(o => o.Id == officerId);
        var listed = await db.Reviewers.AnyAsync(x => x.AgencyId == scope.AgencyId && ((userId != null && x.UserId == userId) || (input.OfficerId != null && x.OfficerId == input.OfficerId)), ct);
        new Check()
            .That(ownUser, "UserId", "REV-POOL-AGENCY", "只能选择本机关的登录用户")
            .That(ownOfficer, "OfficerId", "REV-POOL-AGENCY", "只能选择本机关的执法人员")
            .That(!listed, "UserId", "REV-POOL-UNIQUE", "该人员已在审核人员库中")
            .ThrowIfAny();
        var r = Reviewer.Create(scope.AgencyId, userId, input.Name ?? string.Empty, input.OfficerId, input.QualificationNumber, input.FirstReviewedOn, input.External, clock.GetUtcNow());
        db.Reviewers.Add(r);
        await SaveAsync(ct);
        return r.Id;
    }

    /// <summary>Raises the overdue alert on every open review past its deadline (all agencies; the background check calls it).</summary>
    public async Task<int> RaiseOverdueAlertsAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var due = await db.Reviews
            .Where(r => (r.Status == Contracts.ReviewStatus.AwaitingAssignment || r.Status == Contracts.ReviewStatus.InReview) && r.DeadlineOn < today && r.OverdueAlertOn == null)
            .ToListAsync(ct);
        var raised = 0;
        foreach (var r in due)
        {
            var ctx = new ReviewContext("system", false, clock.GetUtcNow(), today, calendar, await catalogs.ForAgencyAsync(r.AgencyId, ct));
            raised += r.RaiseOverdueAlert(ctx) ? 1 : 0;
        }

        await SaveAsync(ct);
        return raised;
    }

    private async Task RunAsync(AccessScope scope, Guid id, string[] roles, Func<LegalReview, ReviewContext, Task> act, CancellationToken ct)
    {
        var r = await db.Reviews.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !scope.CanSee(r.AgencyId))
        {
            throw new NotFoundException();
        }

        if (r.AgencyId != scope.AgencyId)
        {
            throw new ForbiddenException("只有本机关人员才能办理");
        }

        scope.RequireAnyRole(roles);
        await act(r, await ContextAsync(scope, r.AgencyId, ct));
        await SaveAsync(ct);
    }

    private async Task<ReviewContext> ContextAsync(AccessScope scope, Guid agencyId, CancellationToken ct) =>
        new(scope.ActorId, scope.IsInRole(Roles.Head), clock.GetUtcNow(), ChinaTime.Today(clock), calendar, await catalogs.ForAgencyAsync(agencyId, ct));

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("CONCURRENCY", "审核已被他人同时修改，请刷新后重试");
        }
        catch (DbUpdateException e) when (e.Entries.Any(x => x.Entity is ReviewCounter or LegalReview && x.State == EntityState.Added))
        {
            throw new DomainRuleException("CONCURRENCY", "本案已同时被他人送审或编号已被占用，请刷新后重试");
        }
    }
}
