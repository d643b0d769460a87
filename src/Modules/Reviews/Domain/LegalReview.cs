using System.Text.Json;
using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;
using Sanxiang.Reviews.Contracts;

namespace Sanxiang.Reviews.Domain;

/// <summary>Who acts on a review and when, with the agency's catalog (periods) and the working-day calendar.</summary>
internal sealed record ReviewContext(string Actor, bool IsHead, DateTimeOffset Now, DateOnly Today, IWorkingDayCalendar Calendar, ReviewCatalogFacts Catalog);

/// <summary>The texts the case team writes for a submission (the rest of the materials are read from the case file).</summary>
internal sealed record SubmissionTexts(string? InvestigationReport, string? DiscretionReasoning, string? TransferReasoning);

/// <summary>
/// The legal review (法制审核) of one case's major decision: registered with a number, assigned to reviewers from the
/// pool, examined against the GB118-REV-2 checklist and concluded with a written opinion (GB118-REV-3), within the
/// review period (7 working days from complete materials, extendable once; paused while materials are supplemented).
/// Each submission is a round; resubmissions add rounds and keep the history. The decision gate (APL-58) opens only
/// for the exact proposed decisions that passed (<see cref="ReviewDetails.PassedFingerprints"/>).
/// </summary>
internal sealed class LegalReview : AggregateRoot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private ReviewDetails? _details;

    private LegalReview()
    {
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public Guid CaseId { get; private set; }

    public string CaseNumber { get; private set; } = string.Empty;

    /// <summary>The review's registration number (审核编号), e.g. 安平市监法审〔2026〕3号.</summary>
    public string Number { get; private set; } = string.Empty;

    public ReviewStatus Status { get; private set; }

    public DateOnly SubmittedOn { get; private set; }

    /// <summary>The review period's last day; null while the clock is stopped for supplementary materials.</summary>
    public DateOnly? DeadlineOn { get; private set; }

    /// <summary>The day the clock stopped for supplementary materials, and the working days that were left then.</summary>
    public DateOnly? PausedOn { get; private set; }

    public int? WorkingDaysLeftWhenPaused { get; private set; }

    /// <summary>The day the overdue alert was raised (once per review period).</summary>
    public DateOnly? OverdueAlertOn { get; private set; }

    public DateOnly? ConcludedOn { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public string DetailsJson { get; private set; } = "{}";

    public ReviewDetails Details => _details ??= JsonSerializer.Deserialize<ReviewDetails>(DetailsJson, Json)!;

    public ReviewRound Current => Details.Rounds[^1];

    public bool IsOpen => Status is ReviewStatus.AwaitingAssignment or ReviewStatus.InReview;

    /// <summary>Submission and registration (送审、登记): the materials must be complete (GB118-REV-2), or nothing is registered.</summary>
    public static LegalReview Submit(string number, CaseForReview c, ProposedDecision decision, SubmissionTexts texts, ReviewContext ctx)
    {
        var round = NewRound(1, c, decision, texts, ctx);
        var r = new LegalReview
        {
            Id = Guid.CreateVersion7(ctx.Now),
            AgencyId = c.AgencyId,
            CaseId = c.CaseId,
            CaseNumber = c.CaseNumber,
            Number = number,
            Status = ReviewStatus.AwaitingAssignment,
            SubmittedOn = ctx.Today,
            DeadlineOn = ctx.Calendar.AddWorkingDays(ctx.Today, ctx.Catalog.ReviewWorkingDays),
            CreatedBy = ctx.Actor,
            _details = new ReviewDetails { PowerName = c.PowerName, Rounds = [round] },
        };
        r.Step(ctx, "送审并登记", $"审核编号{number}；拟作出：{round.DecisionSummary}；审核期限至{r.DeadlineOn:yyyy-MM-dd}", "GB118-REV-1");
        r.Commit("reviews.review.submitted", ctx, null);
        return r;
    }

    /// <summary>
    /// A new round: after the reviewers returned it for amendment, disagreed, asked for materials (the clock resumes
    /// where it stopped) or after a pass when the team now proposes a different decision (a changed decision needs a
    /// new review).
    /// </summary>
    public void Resubmit(CaseForReview c, ProposedDecision decision, SubmissionTexts texts, ReviewContext ctx)
    {
        if (IsOpen)
        {
            throw DomainRuleException.Conflict("GB118-REV-3", $"本案的法制审核正在进行中（{ReviewLabels.Of(Status)}），不能重复送审");
        }

        if (Status == ReviewStatus.Discussion)
        {
            throw DomainRuleException.Conflict("APL-57", "本案已提请集体讨论，不能再送审");
        }

        var previous = Current;
        var round = NewRound(previous.No + 1, c, decision, texts, ctx);
        round.Reviewers = [.. previous.Reviewers];
        round.AssignedOn = previous.Reviewers.Count > 0 ? ctx.Today : null;
        var resumed = Status == ReviewStatus.SupplementRequested;
        Details.Rounds.Add(round);
        DeadlineOn = resumed
            ? ctx.Calendar.AddWorkingDays(ctx.Today, Math.Max(1, WorkingDaysLeftWhenPaused ?? ctx.Catalog.ReviewWorkingDays))
            : ctx.Calendar.AddWorkingDays(ctx.Today, ctx.Catalog.ReviewWorkingDays);
        PausedOn = null;
        WorkingDaysLeftWhenPaused = null;
        OverdueAlertOn = null;
        ConcludedOn = null;
        Status = round.Reviewers.Count > 0 ? ReviewStatus.InReview : ReviewStatus.AwaitingAssignment;
        Step(ctx, resumed ? "补充材料后重新送审" : "修改后重新送审", $"第{round.No}轮；拟作出：{round.DecisionSummary}；审核期限{(resumed ? "恢复计算，" : string.Empty)}至{DeadlineOn:yyyy-MM-dd}", "GB118-REV-3");
        Commit("reviews.review.resubmitted", ctx, null);
    }

    /// <summary>Assignment by the legal unit (分配审核人员): internal reviewers from the pool, APL-58 checked for each.</summary>
    public void Assign(IReadOnlyList<Reviewer> reviewers, IReadOnlyCollection<Guid> teamOfficerIds, ReviewContext ctx)
    {
        EnsureOpen("分配审核人员");
        var check = new Check()
            .That(reviewers.Any(r => !r.External), "ReviewerIds", "APL-58", "至少指定一名本机关法制审核人员（外聘法律顾问只提出意见）")
            .That(reviewers.All(r => r.AgencyId == AgencyId), "ReviewerIds", "APL-58", "审核人员须为本机关审核人员库中的人员");
        foreach (var r in reviewers.Where(r => !r.External))
        {
            r.CheckMayReview(teamOfficerIds, check);
        }

        check.ThrowIfAny();
        Current.Reviewers = [.. reviewers.Select(r => new AssignedReviewer(r.Id, r.Name, r.External))];
        Current.AssignedOn = ctx.Today;
        Status = ReviewStatus.InReview;
        Step(ctx, "分配审核人员", string.Join("、", reviewers.Select(r => r.External ? $"{r.Name}（外聘法律顾问）" : r.Name)), "APL-58");
        Commit("reviews.review.assigned", ctx, null);
    }

    /// <summary>An external legal advisor's written opinion, for the reviewers (not a conclusion).</summary>
    public void RecordAdvice(Reviewer advisor, string text, ReviewContext ctx)
    {
        EnsureOpen("记录外聘法律顾问意见");
        if (!advisor.External || !Current.Reviewers.Exists(r => r.ReviewerId == advisor.Id))
        {
            throw new DomainRuleException("APL-58", "只能记录本轮受邀外聘法律顾问的意见", "ReviewerId");
        }

        new Check().Required("Text", "意见", text, 4000).ThrowIfAny();
        Current.Advice.Add(new AdvisoryOpinion(advisor.Name, text.Trim(), ctx.Today));
        Step(ctx, "外聘法律顾问提出意见", advisor.Name, "APL-58");
        Commit("reviews.review.advice-recorded", ctx, null);
    }

    /// <summary>
    /// The review's conclusion (GB118-REV-2/3) by an assigned internal reviewer: every checklist item with a finding;
    /// "agree" only when every item is satisfied, any other outcome names at least one problem; a transfer needs the
    /// suspected-crime item as a problem. Supplementary materials stop the clock.
    /// </summary>
    public void Conclude(Reviewer reviewer, IReadOnlyList<Finding> findings, ReviewOutcome outcome, string opinion, ReviewContext ctx)
    {
        EnsureStatus("作出审核结论", ReviewStatus.InReview);
        var check = new Check()
            .That(!reviewer.External && Current.Reviewers.Exists(r => r.ReviewerId == reviewer.Id), "Reviewer", "APL-58", "只有分配给本案的本机关审核人员才能作出审核结论")
            .That(Enum.IsDefined(outcome), "Outcome", "INPUT-ENUM", "审核结论无效")
            .Required("Opinion", "审核意见", opinion, 8000);
        var items = Enum.GetValues<ChecklistItem>();
        foreach (var item in items)
        {
            var f = findings.Where(x => x.Item == item).ToList();
            check.That(f.Count == 1, $"Findings.{item}", "GB118-REV-2", $"请对“{ReviewLabels.Of(item)}”作出审核认定");
            if (f.Count == 1 && !f[0].Satisfied)
            {
                check.That(!string.IsNullOrWhiteSpace(f[0].Note), $"Findings.{item}", "GB118-REV-2", $"“{ReviewLabels.Of(item)}”存在问题的，须写明问题");
            }
        }

        var problems = findings.Count(f => !f.Satisfied);
        check.That(outcome != ReviewOutcome.Agree || problems == 0, "Outcome", "GB118-REV-3", "审核发现问题的，不能作出同意的结论")
            .That(outcome == ReviewOutcome.Agree || problems > 0, "Outcome", "GB118-REV-3", "作出同意以外的结论，须在审核事项中写明发现的问题")
            .That(outcome != ReviewOutcome.TransferAsCrime || findings.Any(f => f.Item == ChecklistItem.SuspectedCrime && !f.Satisfied), "Outcome", "GB118-REV-3", "建议移送的，须在“涉嫌犯罪”一项写明理由");
        check.ThrowIfAny();

        var round = Current;
        round.Findings = [.. items.Select(i => findings.Single(f => f.Item == i)).Select(f => f with { Note = f.Note?.Trim() ?? string.Empty })];
        round.Outcome = outcome;
        round.Opinion = opinion.Trim();
        round.ConcludedOn = ctx.Today;
        round.ConcludedBy = reviewer.Name;
        reviewer.MarkReviewed(ctx.Today);
        Status = outcome switch
        {
            ReviewOutcome.Agree => ReviewStatus.Passed,
            ReviewOutcome.AmendAndResubmit => ReviewStatus.Returned,
            ReviewOutcome.Disagree => ReviewStatus.Disagreed,
            ReviewOutcome.SupplementMaterials => ReviewStatus.SupplementRequested,
            _ => ReviewStatus.TransferRecommended,
        };
        if (outcome == ReviewOutcome.SupplementMaterials)
        {
            PausedOn = ctx.Today;
            WorkingDaysLeftWhenPaused = DeadlineOn is { } d ? ctx.Calendar.WorkingDaysBetween(ctx.Today, d) : null;
            DeadlineOn = null;
        }
        else
        {
            ConcludedOn = ctx.Today;
        }

        Step(ctx, "作出审核结论", $"第{round.No}轮：{ReviewLabels.Of(outcome)}（{problems}项问题）", outcome == ReviewOutcome.Agree ? "APL-58" : "GB118-REV-3");
        Commit("reviews.review.concluded", ctx, null);
    }

    /// <summary>The opinion document (审核意见书) issued for the round just concluded; its hash goes to the Ledger.</summary>
    public void AttachOpinion(Guid documentId, string sha256, ReviewContext ctx)
    {
        Current.OpinionDocumentId = documentId;
        Commit("reviews.opinion.issued", ctx, sha256);
    }

    /// <summary>One extension of the review period with a reason, approved by the head (default 3 working days).</summary>
    public void Extend(string reason, ReviewContext ctx)
    {
        EnsureOpen("延长审核期限");
        var check = new Check()
            .That(ctx.IsHead, "Reason", "GB118-REV-1", "延长审核期限须经机关负责人批准")
            .That(Details.Extension is null, "Reason", "GB118-REV-1", "审核期限只能延长一次")
            .That(ctx.Catalog.ExtensionWorkingDays > 0, "Reason", "GB118-REV-1", "本机关的审核目录不允许延长审核期限")
            .Required("Reason", "延长理由", reason, 1000);
        check.ThrowIfAny();
        DeadlineOn = ctx.Calendar.AddWorkingDays(DeadlineOn!.Value, ctx.Catalog.ExtensionWorkingDays);
        OverdueAlertOn = null;
        Details.Extension = new ReviewExtension(ctx.Catalog.ExtensionWorkingDays, reason.Trim(), ctx.Today, ctx.Actor);
        Step(ctx, "延长审核期限", $"延长{ctx.Catalog.ExtensionWorkingDays}个工作日至{DeadlineOn:yyyy-MM-dd}：{reason.Trim()}", "GB118-REV-1");
        Commit("reviews.review.extended", ctx, null);
    }

    /// <summary>Raises the overdue alert once when an open review passes its deadline; false when there is nothing to raise.</summary>
    public bool RaiseOverdueAlert(ReviewContext ctx)
    {
        if (!IsOpen || DeadlineOn is not { } due || ctx.Today <= due || OverdueAlertOn is not null)
        {
            return false;
        }

        OverdueAlertOn = ctx.Today;
        Step(ctx, "审核超期预警", $"审核期限{due:yyyy-MM-dd}已过，尚未作出审核结论", "GB118-REV-1");
        Commit("reviews.review.overdue", ctx, null);
        return true;
    }

    /// <summary>
    /// GB118-REV-3 / APL-57: a dispute the reviewers and the team could not resolve goes to the heads' collective
    /// discussion. When the heads adopt the proposed decision, the discussion's conclusion stands in for the pass.
    /// </summary>
    public void RecordDiscussion(string participants, string conclusion, bool adopted, ReviewContext ctx)
    {
        EnsureStatus("提请集体讨论", ReviewStatus.Disagreed, ReviewStatus.Returned);
        new Check()
            .That(ctx.IsHead, "Participants", "APL-57", "集体讨论由机关负责人组织")
            .Required("Participants", "参加人员", participants, 500)
            .Required("Conclusion", "讨论结论", conclusion, 4000)
            .ThrowIfAny();
        Details.Discussion = new DiscussionOutcome(ctx.Today, participants.Trim(), conclusion.Trim(), adopted, Current.Fingerprint);
        Status = ReviewStatus.Discussion;
        Step(ctx, "集体讨论", $"{(adopted ? "采纳承办机构的拟决定" : "维持审核意见")}：{conclusion.Trim()}", "APL-57");
        Commit("reviews.review.discussed", ctx, null);
    }

    private static ReviewRound NewRound(int no, CaseForReview c, ProposedDecision decision, SubmissionTexts texts, ReviewContext ctx)
    {
        if (!c.DecisionPossible)
        {
            throw DomainRuleException.Conflict("GB118-REV-1", "案件当前阶段不能送法制审核（须在调查终结后、作出决定前）");
        }

        var (materials, check) = ReviewMaterials.Check(c, decision, texts);
        check.ThrowIfAny();
        return new ReviewRound
        {
            No = no,
            SubmittedOn = ctx.Today,
            SubmittedBy = ctx.Actor,
            Decision = decision with { Facts = decision.Facts.Trim(), Reasons = decision.Reasons.Trim() },
            Fingerprint = c.Fingerprint,
            DecisionSummary = c.DecisionSummary,
            CatalogReasons = [.. c.CatalogMatches.Select(m => new CatalogReason(m.Code, m.Reason))],
            InvestigationReport = texts.InvestigationReport?.Trim() ?? string.Empty,
            DiscretionReasoning = texts.DiscretionReasoning?.Trim(),
            TransferReasoning = texts.TransferReasoning?.Trim(),
            Materials = [.. materials],
        };
    }

    private void EnsureOpen(string action) => EnsureStatus(action, ReviewStatus.AwaitingAssignment, ReviewStatus.InReview);

    private void EnsureStatus(string action, params ReviewStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw DomainRuleException.Conflict("GB118-REV-3", $"审核处于“{ReviewLabels.Of(Status)}”状态，不能{action}");
        }
    }

    private void Step(ReviewContext ctx, string action, string detail, string? rule) =>
        Details.Steps.Add(new ReviewStep(ctx.Now, ctx.Actor, action, detail, rule));

    private void Commit(string eventType, ReviewContext ctx, string? attachmentSha256)
    {
        DetailsJson = JsonSerializer.Serialize(Details, Json);
        UpdatedAt = ctx.Now.ToUniversalTime();
        Version++;
        Raise(new ReviewEvent(eventType, Id, AgencyId, CaseId, Details.Rounds.Count, Status, attachmentSha256));
    }
}

/// <summary>Review events carry IDs and codes only, never personal data (SEC-PI-1); AttachmentSha256 is the opinion document's hash.</summary>
internal sealed record ReviewEvent(string EventType, Guid AggregateId, Guid AgencyId, Guid CaseId, int Round, ReviewStatus Status, string? AttachmentSha256) : IDomainEvent;
