using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Domain;
using Sanxiang.Cases.Persistence;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Features;

/// <summary>
/// Every case command: check the caller's scope and role, load the case, read the Registry's current facts
/// of the team, call the aggregate, save once (the case, its counters and its outbox events together).
/// </summary>
internal sealed class CaseCommands(
    CasesDbContext db,
    IEnforcementDirectory directory,
    IWorkingDayCalendar calendar,
    IOptions<CaseRuleOptions> rules,
    TimeProvider clock,
    Numbering numbering,
    IReviewCatalogs catalogs,
    IReviewGate reviews,
    IRecordingLists recordingLists,
    ICaseRecordings recordings)
{
    private static readonly string[] Officers = [Roles.Officer, Roles.Head];
    private static readonly string[] Heads = [Roles.Head];

    public CaseContext Context(AccessScope scope) =>
        new(new CaseActor(scope.ActorId, scope.IsInRole(Roles.Head), scope.IsInRole(Roles.Reviewer)), clock.GetUtcNow(), ChinaTime.Today(clock), rules.Value, calendar);

    public async Task<Guid> OpenClueAsync(AccessScope scope, OpenClueInput input, CancellationToken ct)
    {
        scope.RequireAnyRole(Officers);
        var ctx = Context(scope);
        var power = await PowerAsync(scope, input.PowerId, ctx.Today, ct);
        var party = input.Party.ToParty();
        var team = await TeamAsync(scope, input.OfficerIds, ct);
        var number = await numbering.DocumentNumberAsync(scope.AgencyId, ctx.Today.Year, "线", ct);
        var c = CaseFile.OpenClue(scope.AgencyId, number, power, party, new CaseFacts(input.Summary ?? string.Empty, input.ActOn, input.ActEndedOn, input.DiscoveredOn, input.HarmsSafety), ctx);
        c.AssignTeam(team, ctx);
        db.Cases.Add(c);
        await SaveAsync(ct);
        return c.Id;
    }

    public async Task<Guid> DecideOnTheSpotAsync(AccessScope scope, SummaryInput input, CancellationToken ct)
    {
        scope.RequireAnyRole(Officers);
        var ctx = Context(scope);
        var power = await PowerAsync(scope, input.PowerId, ctx.Today, ct);
        var party = input.Party.ToParty();
        var penalty = input.Penalty.ToPenalty();
        var team = await TeamAsync(scope, input.OfficerIds, ct);
        var number = await numbering.DocumentNumberAsync(scope.AgencyId, ctx.Today.Year, "简罚", ct);
        var reference = penalty.FineFen > 0 ? await numbering.PaymentReferenceAsync(scope.AgencyId, ctx.Today.Year, ct) : string.Empty;
        var c = CaseFile.DecideOnTheSpot(scope.AgencyId, number, power, party, new CaseFacts(input.Summary ?? string.Empty, input.ActOn, null, ctx.Today, false), penalty,
            new OnTheSpotRecord(input.CertificatesShown, input.RightsTold, input.PartySigned, input.PartyRefusedToSign), team, reference, ctx);
        db.Cases.Add(c);
        await SaveAsync(ct);
        return c.Id;
    }

    public Task AssignTeamAsync(AccessScope s, Guid id, TeamInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, async (c, ctx) => c.AssignTeam(await TeamAsync(s, i.OfficerIds, ct), ctx), ct);

    public Task RequestFilingAsync(AccessScope s, Guid id, CancellationToken ct) =>
        RunAsync(s, id, Officers, async (c, ctx) => c.RequestFiling(await CurrentTeamAsync(c, ct), ctx), ct);

    public Task ApproveFilingAsync(AccessScope s, Guid id, CancellationToken ct) =>
        RunAsync(s, id, Heads, async (c, ctx) => c.ApproveFiling(await numbering.DocumentNumberAsync(c.AgencyId, ctx.Today.Year, "立", ct), ctx), ct);

    public Task RejectFilingAsync(AccessScope s, Guid id, ReasonInput i, CancellationToken ct) =>
        RunAsync(s, id, Heads, (c, ctx) => c.RejectFiling(i.Reason ?? string.Empty, ctx), ct);

    public Task RecordEvidenceAsync(AccessScope s, Guid id, EvidenceInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, async (c, ctx) => c.RecordEvidence(i.Kind ?? string.Empty, i.Description ?? string.Empty, i.CollectedOn, i.LawfullyObtained, string.IsNullOrWhiteSpace(i.FileSha256) ? null : i.FileSha256.Trim(), await CurrentTeamAsync(c, ct),
            await RecordedAsync(c, CaseFile.RecordingStepOfEvidence(i.Kind), ctx, ct)), ct);

    public Task FlagAsync(AccessScope s, Guid id, FlagsInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, (c, ctx) => c.FlagComplexity(i.MajorPublicInterest, i.SeveralLegalRelations, ctx), ct);

    public Task RequestRecusalAsync(AccessScope s, Guid id, RecusalInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, (c, ctx) => c.RequestRecusal(i.OfficerId, i.Reason ?? string.Empty, ctx), ct);

    public Task DecideRecusalAsync(AccessScope s, Guid id, RecusalDecisionInput i, CancellationToken ct) =>
        RunAsync(s, id, Heads, (c, ctx) => c.DecideRecusal(i.OfficerId, i.Granted, ctx), ct);

    public Task TakeMeasureAsync(AccessScope s, Guid id, MeasureInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, async (c, ctx) => c.TakeMeasure(i.Kind, i.Items ?? string.Empty, i.StartedOn, i.HeadApproved, i.Emergency,
            new MeasureSteps(i.CertificatesShown, i.PartyNotified, i.ReasonsAndRightsTold, i.PartyHeard, i.RecordSigned, i.PartyRefusedToSign, i.Witness), await CurrentTeamAsync(c, ct),
            await RecordedAsync(c, CaseFile.RecordingStepOf(i.Kind), ctx, ct)), ct);

    public Task ApproveMeasureAsync(AccessScope s, Guid id, int no, CancellationToken ct) =>
        RunAsync(s, id, Heads, (c, ctx) => c.ApproveEmergencyMeasure(no, ctx), ct);

    public Task ExtendMeasureAsync(AccessScope s, Guid id, int no, ExtendInput i, CancellationToken ct) =>
        RunAsync(s, id, Heads, (c, ctx) => c.ExtendMeasure(no, i.Days, i.Reason ?? string.Empty, ctx), ct);

    public Task EndMeasureAsync(AccessScope s, Guid id, int no, OutcomeTextInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, (c, ctx) => c.EndMeasure(no, i.Outcome ?? string.Empty, ctx), ct);

    public Task IssueNoticeAsync(AccessScope s, Guid id, NoticeInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, async (c, ctx) => c.IssueNotice(i.Penalty.ToPenalty(), i.Facts ?? string.Empty, i.Reasons ?? string.Empty, i.ServedOn, i.RenoticeReason, await CurrentTeamAsync(c, ct), ctx), ct);

    public Task RecordStatementAsync(AccessScope s, Guid id, StatementInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, (c, ctx) => c.RecordStatement(i.Text ?? string.Empty, i.Waived, i.On, ctx), ct);

    public Task RequestHearingAsync(AccessScope s, Guid id, DateInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, (c, ctx) => c.RequestHearing(i.On, ctx), ct);

    public Task ScheduleHearingAsync(AccessScope s, Guid id, HearingScheduleInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, async (c, ctx) =>
        {
            var presiding = (await directory.OfficersAsync([i.PresidingOfficerId], ct)).SingleOrDefault()
                ?? throw new DomainRuleException("APL-64", "听证主持人不存在", "PresidingOfficerId");
            c.ScheduleHearing(i.NoticeServedOn, i.HearingOn, presiding, ctx);
        }, ct);

    public Task RecordHearingAsync(AccessScope s, Guid id, HearingRecordInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, async (c, ctx) => c.RecordHearing(i.PartyAttended, i.TranscriptSummary ?? string.Empty, await RecordedAsync(c, RecordingSteps.Hearing, ctx, ct)), ct);

    public Task RecordDiscussionAsync(AccessScope s, Guid id, DiscussionInput i, CancellationToken ct) =>
        RunAsync(s, id, Heads, (c, ctx) => c.RecordDiscussion(i.Outcome, i.Penalty?.ToPenalty(), i.Participants ?? string.Empty, i.Conclusion ?? string.Empty, ctx), ct);

    public Task ExtendDeadlineAsync(AccessScope s, Guid id, ExtendInput i, CancellationToken ct) =>
        RunAsync(s, id, Heads, (c, ctx) => c.ExtendDecisionDeadline(i.Days, i.Reason ?? string.Empty, ctx), ct);

    /// <summary>
    /// The decision, behind the legal-review gate (APL-58): the agency's ReviewCatalog and the passed reviews come from
    /// the Registry and the Reviews module. A refusal by the gate is itself recorded (visible to supervisors), in its own
    /// save after the refused command wrote nothing.
    /// </summary>
    public async Task DecideAsync(AccessScope s, Guid id, DecisionInput i, CancellationToken ct)
    {
        var draft = new DecisionDraft(i.Outcome, i.Outcome == DecisionOutcome.Penalty ? i.Penalty?.ToPenalty() : null, i.Ground, i.Facts ?? string.Empty, i.Reasons ?? string.Empty);
        var catalog = await catalogs.ForAgencyAsync(s.AgencyId, ct);
        var passed = await reviews.PassedFingerprintsAsync(id, ct);
        try
        {
            await RunAsync(s, id, Officers, async (c, ctx) => c.Decide(draft, await CurrentTeamAsync(c, ct), ctx with { Catalog = catalog, PassedReviews = passed }), ct);
        }
        catch (DomainRuleException e) when (e.RuleId == "APL-58")
        {
            db.ChangeTracker.Clear();
            var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == id, ct);
            db.DecisionRefusals.Add(DecisionRefusal.Record(c, s.ActorId, CaseFile.Fingerprint(draft.Outcome, draft.Penalty), e.Message, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            throw;
        }
    }

    /// <summary>
    /// The head's written exception to the recording-required list for one step of the case (GB118-REC-2/3): kept in the
    /// case and, in the same save, in the list supervisors read.
    /// </summary>
    public Task ApproveRecordingExceptionAsync(AccessScope s, Guid id, RecordingExceptionInput i, CancellationToken ct) =>
        RunAsync(s, id, Heads, (c, ctx) =>
        {
            c.ApproveRecordingException(i.StepCode ?? string.Empty, i.Reason ?? string.Empty, ctx);
            db.RecordingExceptions.Add(RecordingExceptionEntry.Of(c));
        }, ct);

    public Task ServeAsync(AccessScope s, Guid id, ServiceInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, async (c, ctx) =>
        {
            var reference = c.FineFen > 0 ? await numbering.PaymentReferenceAsync(c.AgencyId, ctx.Today.Year, ct) : string.Empty;
            c.Serve(i.Method, i.ServedOn, i.Recipient ?? string.Empty, i.ElectronicConsent, i.LateReason, reference, await RecordedAsync(c, CaseFile.RecordingStepOf(i.Method), ctx, ct));
        }, ct);

    public Task CollectOnTheSpotAsync(AccessScope s, Guid id, CollectInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, (c, ctx) => c.CollectOnTheSpot(i.ReceiptNumber ?? string.Empty, i.HardToCollectReason, ctx), ct);

    public Task ApproveDeferralAsync(AccessScope s, Guid id, DeferralInput i, CancellationToken ct) =>
        RunAsync(s, id, Heads, (c, ctx) => c.ApproveDeferral(i.DeferredTo, i.Reason ?? string.Empty, ctx), ct);

    public Task ApproveInstalmentsAsync(AccessScope s, Guid id, InstalmentsInput i, CancellationToken ct) =>
        RunAsync(s, id, Heads, (c, ctx) => c.ApproveInstalments(i.Schedule(), i.Reason ?? string.Empty, ctx), ct);

    public Task RecordRemedyAsync(AccessScope s, Guid id, RemedyInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, (c, ctx) => c.RecordRemedy(i.Kind, i.StartedOn, i.EndedOn, i.Outcome, ctx, i.Result), ct);

    public Task ExemptFromPublicationAsync(AccessScope s, Guid id, ReasonInput i, CancellationToken ct) =>
        RunAsync(s, id, Heads, (c, ctx) => c.ExemptFromPublication(i.Reason ?? string.Empty, ctx), ct);

    public Task ServeDemandAsync(AccessScope s, Guid id, DateInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, (c, ctx) => c.ServeDemand(i.On, ctx), ct);

    public Task ApplyToCourtAsync(AccessScope s, Guid id, DateInput i, CancellationToken ct) =>
        RunAsync(s, id, Heads, (c, ctx) => c.ApplyToCourt(i.On, ctx), ct);

    public Task RecordCourtOutcomeAsync(AccessScope s, Guid id, CourtOutcomeInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, (c, ctx) => c.RecordCourtOutcome(i.RecoveredFen, i.On, i.Outcome ?? string.Empty, ctx), ct);

    public Task RequestClosingAsync(AccessScope s, Guid id, ClosingInput i, CancellationToken ct) =>
        RunAsync(s, id, Officers, (c, ctx) => c.RequestClosing(i.Summary ?? string.Empty, ctx), ct);

    public Task ApproveClosingAsync(AccessScope s, Guid id, CancellationToken ct) =>
        RunAsync(s, id, Heads, (c, ctx) => c.ApproveClosing(ctx), ct);

    public Task ArchiveAsync(AccessScope s, Guid id, CancellationToken ct) =>
        RunAsync(s, id, Officers, (c, ctx) => c.Archive(ctx), ct);

    private Task RunAsync(AccessScope scope, Guid id, string[] roles, Action<CaseFile, CaseContext> act, CancellationToken ct) =>
        RunAsync(scope, id, roles, (c, ctx) =>
        {
            act(c, ctx);
            return Task.CompletedTask;
        }, ct);

    internal async Task RunAsync(AccessScope scope, Guid id, string[] roles, Func<CaseFile, CaseContext, Task> act, CancellationToken ct)
    {
        var c = await db.Cases.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !scope.CanSee(c.AgencyId))
        {
            throw new NotFoundException();
        }

        if (c.AgencyId != scope.AgencyId)
        {
            throw new ForbiddenException("只有本机关人员才能办理本案");
        }

        scope.RequireAnyRole(roles);
        await act(c, Context(scope));
        await SaveAsync(ct);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("CONCURRENCY", "案件已被他人同时修改，请刷新后重试");
        }
        catch (DbUpdateException e) when (e.Entries.Any(x => x.Entity is NumberCounter && x.State == EntityState.Added))
        {
            // The first number of its kind this year was taken at the same moment by another request (both inserted the
            // counter row; the key refused the second): nothing was written, and a retry reads the row and counts on.
            throw new DomainRuleException("CONCURRENCY", "编号已被他人同时占用，请重试");
        }
    }

    private async Task<PowerFacts> PowerAsync(AccessScope scope, Guid powerId, DateOnly today, CancellationToken ct)
    {
        var power = await directory.PowerAsync(powerId, today, ct);
        if (power is null || power.AgencyId != scope.AgencyId)
        {
            throw new DomainRuleException("REG-1", "请选择本机关权责清单中现行有效的处罚事项", "PowerId");
        }

        return power;
    }

    private async Task<IReadOnlyList<OfficerFacts>> TeamAsync(AccessScope scope, IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        var list = (ids ?? []).Distinct().ToList();
        var facts = await directory.OfficersAsync(list, ct);
        if (facts.Count != list.Count)
        {
            throw new DomainRuleException("APL-42", "所选执法人员不存在", "Team");
        }

        return facts;
    }

    /// <summary>
    /// GB118-REC-2/3: the context for a step that may need audio-video records: the agency's recording-required list and
    /// the count of records the Media module has linked to this case and step (read only when the list requires it).
    /// </summary>
    private async Task<CaseContext> RecordedAsync(CaseFile c, string? stepCode, CaseContext ctx, CancellationToken ct)
    {
        if (stepCode is null)
        {
            return ctx;
        }

        var list = await recordingLists.ForAgencyAsync(c.AgencyId, ct);
        var linked = list.Requires(stepCode, c.Power.Code) ? await recordings.CountLinkedAsync(c.Id, stepCode, ct) : 0;
        return ctx with { RecordingList = list, LinkedRecordings = new Dictionary<string, int>(StringComparer.Ordinal) { [stepCode] = linked } };
    }

    private Task<IReadOnlyList<OfficerFacts>> CurrentTeamAsync(CaseFile c, CancellationToken ct) =>
        directory.OfficersAsync([.. c.Details.Team.Select(t => t.OfficerId)], ct);
}
