using Microsoft.EntityFrameworkCore;
using Sanxiang.Cases.Contracts;
using Sanxiang.Documents;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Reviews.Contracts;
using Sanxiang.Reviews.Domain;
using Sanxiang.Reviews.Persistence;

namespace Sanxiang.Reviews.Features;

internal sealed record ReviewRow(
    Guid Id,
    Guid AgencyId,
    Guid CaseId,
    string Number,
    string CaseNumber,
    string PowerName,
    ReviewStatus Status,
    string StatusLabel,
    int Round,
    string DecisionSummary,
    DateOnly? DeadlineOn,
    int? WorkingDaysLeft,
    bool Overdue,
    bool AssignedToMe,
    IReadOnlyList<string> Reviewers);

internal sealed record OpinionRow(Guid Id, int Round, string Number, DateOnly IssuedOn, string Sha256);

internal sealed record ReviewView(ReviewRow Row, LegalReview Review, IReadOnlyList<OpinionRow> Opinions, IReadOnlyList<Reviewer> Pool);

internal sealed record ReviewerRow(Guid Id, string Name, bool External, bool Qualified, DateOnly? FirstReviewedOn, bool HasUser, bool Active);

internal sealed record ReviewStats(
    Guid AgencyId,
    string AgencyName,
    int Reviews,
    int Passed,
    int Returned,
    int Disagreed,
    int Supplement,
    int Transfer,
    int Open,
    int Overdue,
    double? AverageWorkingDays,
    int Reviewers,
    int Officers,
    double? ReviewersPer100Officers);

/// <summary>Review queues, one review with its history, the pool and statistics, scoped to what the caller may see.</summary>
internal sealed class ReviewQueries(ReviewsDbContext db, IWorkingDayCalendar calendar, TimeProvider clock, IAgencyDirectory agencies, IEnforcementDirectory directory, PdfPrinter pdf, ICaseReviewFacts cases)
{
    /// <summary>The queue: open reviews first (the nearest deadline first), then the rest, newest first.</summary>
    public async Task<IReadOnlyList<ReviewRow>> QueueAsync(AccessScope scope, bool openOnly, CancellationToken ct)
    {
        var visible = scope.Visible.ToList();
        var q = db.Reviews.AsNoTracking().Where(r => visible.Contains(r.AgencyId));
        if (openOnly)
        {
            q = q.Where(r => r.Status == ReviewStatus.AwaitingAssignment || r.Status == ReviewStatus.InReview || r.Status == ReviewStatus.SupplementRequested);
        }

        var reviews = await q.OrderByDescending(r => r.SubmittedOn).Take(500).ToListAsync(ct);
        var mine = await MyPoolIdsAsync(scope, ct);
        return [.. reviews.Select(r => Row(r, mine)).OrderBy(r => r.DeadlineOn ?? DateOnly.MaxValue)];
    }

    public async Task<ReviewView> GetAsync(AccessScope scope, Guid id, CancellationToken ct)
    {
        var r = await db.Reviews.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !scope.CanSee(r.AgencyId) || !await cases.MaySeePersonalDataAsync(scope, r.CaseId, ct))
        {
            throw new NotFoundException(); // the review quotes the case: only for those who see its personal data (SEC-PI-1)
        }

        var opinions = await db.Opinions.AsNoTracking().Where(d => d.ReviewId == id).OrderBy(d => d.IssuedAt)
            .Select(d => new OpinionRow(d.Id, d.Round, d.Number, d.IssuedOn, d.Sha256)).ToListAsync(ct);
        var pool = await db.Reviewers.AsNoTracking().Where(x => x.AgencyId == r.AgencyId && x.Active).OrderBy(x => x.External).ThenBy(x => x.Name).ToListAsync(ct);
        return new ReviewView(Row(r, await MyPoolIdsAsync(scope, ct)), r, opinions, pool);
    }

    /// <summary>The review of a case, if it was ever submitted (null otherwise); 404 for a case outside the scope is the Cases module's.</summary>
    public async Task<Guid?> ForCaseAsync(AccessScope scope, Guid caseId, CancellationToken ct)
    {
        var visible = scope.Visible.ToList();
        return await db.Reviews.AsNoTracking().Where(r => r.CaseId == caseId && visible.Contains(r.AgencyId)).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<ReviewerRow>> PoolAsync(AccessScope scope, CancellationToken ct) =>
        await db.Reviewers.AsNoTracking().Where(x => x.AgencyId == scope.AgencyId).OrderBy(x => x.External).ThenBy(x => x.Name)
            .Select(x => new ReviewerRow(x.Id, x.Name, x.External, x.QualificationNumber != null, x.FirstReviewedOn, x.UserId != null, x.Active)).ToListAsync(ct);

    /// <summary>Statistics per visible agency for one year (reviews registered that year): outcomes, time taken, overdue, staffing.</summary>
    public async Task<IReadOnlyList<ReviewStats>> StatsAsync(AccessScope scope, int year, CancellationToken ct)
    {
        var visible = scope.Visible.ToList();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var reviews = await db.Reviews.AsNoTracking().Where(r => visible.Contains(r.AgencyId) && r.SubmittedOn >= from && r.SubmittedOn <= to).ToListAsync(ct);
        var pool = await db.Reviewers.AsNoTracking().Where(x => visible.Contains(x.AgencyId) && x.Active && !x.External).GroupBy(x => x.AgencyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = (await agencies.ListAsync(scope.Visible, ct)).ToDictionary(a => a.Id, a => a.Name);
        var rows = new List<ReviewStats>();
        foreach (var agencyId in reviews.Select(r => r.AgencyId).Concat(pool.Keys).Distinct())
        {
            var mine = reviews.Where(r => r.AgencyId == agencyId).ToList();
            var rounds = mine.SelectMany(r => r.Details.Rounds).Where(x => x.ConcludedOn is not null).ToList();
            var officers = (await directory.OfficersOfAgencyAsync(agencyId, ct)).Count;
            var reviewers = pool.GetValueOrDefault(agencyId);
            rows.Add(new ReviewStats(
                agencyId,
                names.GetValueOrDefault(agencyId, string.Empty),
                mine.Count,
                mine.Count(r => r.Status == ReviewStatus.Passed),
                rounds.Count(x => x.Outcome == ReviewOutcome.AmendAndResubmit),
                rounds.Count(x => x.Outcome == ReviewOutcome.Disagree),
                rounds.Count(x => x.Outcome == ReviewOutcome.SupplementMaterials),
                rounds.Count(x => x.Outcome == ReviewOutcome.TransferAsCrime),
                mine.Count(r => r.IsOpen || r.Status == ReviewStatus.SupplementRequested),
                mine.Count(r => r.OverdueAlertOn is not null),
                rounds.Count == 0 ? null : rounds.Average(x => calendar.WorkingDaysBetween(x.SubmittedOn, x.ConcludedOn!.Value)),
                reviewers,
                officers,
                officers == 0 ? null : reviewers * 100.0 / officers));
        }

        return [.. rows.OrderBy(r => r.AgencyName, StringComparer.Ordinal)];
    }

    /// <summary>An opinion document in a format: html, pdf or docx.</summary>
    public async Task<DocumentFile> RenderAsync(AccessScope scope, Guid reviewId, Guid documentId, string format, CancellationToken ct)
    {
        var d = await db.Opinions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == documentId && x.ReviewId == reviewId, ct);
        var caseId = await db.Reviews.AsNoTracking().Where(x => x.Id == reviewId).Select(x => x.CaseId).SingleOrDefaultAsync(ct);
        if (d is null || !scope.CanSee(d.AgencyId) || !await cases.MaySeePersonalDataAsync(scope, caseId, ct))
        {
            throw new NotFoundException();
        }

        var model = ReviewDocuments.Model(d);
        var name = $"法制审核意见书-{d.Number}";
        return await DocumentFile.RenderAsync(model, format, name, pdf, ct) ?? throw new NotFoundException();
    }

    private async Task<HashSet<Guid>> MyPoolIdsAsync(AccessScope scope, CancellationToken ct) =>
        [.. await db.Reviewers.AsNoTracking().Where(x => x.UserId == scope.ActorId).Select(x => x.Id).ToListAsync(ct)];

    private ReviewRow Row(LegalReview r, HashSet<Guid> mine)
    {
        var today = ChinaTime.Today(clock);
        var round = r.Current;
        return new ReviewRow(
            r.Id,
            r.AgencyId,
            r.CaseId,
            r.Number,
            r.CaseNumber,
            r.Details.PowerName,
            r.Status,
            ReviewLabels.Of(r.Status),
            round.No,
            round.DecisionSummary,
            r.DeadlineOn,
            r.DeadlineOn is { } d && r.IsOpen ? calendar.WorkingDaysBetween(today, d) : null,
            r.IsOpen && r.DeadlineOn is { } due && today > due,
            round.Reviewers.Exists(x => mine.Contains(x.ReviewerId)),
            [.. round.Reviewers.Select(x => x.External ? x.Name + "（外聘）" : x.Name)]);
    }
}
