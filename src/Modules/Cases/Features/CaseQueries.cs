using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Domain;
using Sanxiang.Cases.Persistence;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Paging;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Features;

/// <summary>A case in a list; <see cref="PartyName"/> is masked for a natural person the caller may not see in full (<see cref="PartyMasked"/>, SEC-PI-1).</summary>
internal sealed record CaseRow(Guid Id, string Number, Procedure Procedure, CaseStage Stage, string StageLabel, string PartyName, string PowerName, DateOnly? FiledOn, DateOnly? NextDeadline, int? WorkingDaysLeft, DecisionOutcome? Outcome, bool PartyMasked);

internal sealed record DeadlineView(string What, DateOnly Due, string RuleId, bool Done, int WorkingDaysLeft);

internal sealed record PartyView(PartyKind Kind, string Name, string Identifier, string? LegalRepresentative, string Address, string? Phone, bool Masked);

/// <summary>The payment of the fine; DueOn is the current deadline (with a schedule: the first instalment not paid in full).</summary>
internal sealed record PaymentView(string Reference, DateOnly DueOn, long FineFen, long SurchargeFen, long PaidFen, long OutstandingFen, DateOnly? SettledOn, DateOnly? DemandServedOn, DateOnly? CourtAppliedOn, IReadOnlyList<PaymentLine> Lines,
    DateOnly? DeferredTo, IReadOnlyList<InstalmentStatus> Instalments);

internal sealed record NextAction(string Code, string Label, string Role);

/// <summary>A decision the legal-review gate refused (APL-58), as supervisors and heads see it.</summary>
internal sealed record RefusalRow(Guid Id, Guid CaseId, Guid AgencyId, string CaseNumber, string Actor, DateTimeOffset At, string Reason);

/// <summary>A head's written exception to the recording-required list (GB118-REC-2/3), as supervisors and heads see it.</summary>
internal sealed record RecordingExceptionRow(Guid Id, Guid CaseId, Guid AgencyId, string CaseNumber, string StepCode, string StepLabel, string RuleId, string Reason, string ApprovedBy, DateTimeOffset At);

internal sealed record CaseView(
    Guid Id,
    Guid AgencyId,
    string Number,
    Procedure Procedure,
    CaseStage Stage,
    string StageLabel,
    PowerSnapshot Power,
    PartyView Party,
    string Summary,
    DateOnly ActOn,
    DateOnly DiscoveredOn,
    DateOnly? FiledOn,
    DateOnly? DecisionDeadline,
    IReadOnlyList<TeamMember> Team,
    IReadOnlyList<Recusal> Recusals,
    IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<Measure> Measures,
    IReadOnlyList<Notice> Notices,
    StatementRecord? Statement,
    HearingRecord? Hearing,
    DiscussionRecord? Discussion,
    IReadOnlyList<string> ReviewReasons,
    DecisionRecord? Decision,
    ServiceRecord? Service,
    PaymentView? Payment,
    IReadOnlyList<RemedyRecord> Remedies,
    IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<NextAction> NextActions,
    IReadOnlyList<CaseStep> Steps,
    bool MajorPublicInterest,
    bool SeveralLegalRelations,
    int Version,
    IReadOnlyList<RecordingException> RecordingExceptions);

/// <summary>Case lists and the case view, scoped to what the caller may see; a party's personal data in full only under <see cref="PartyDataRule"/> (SEC-PI-1).</summary>
internal sealed class CaseQueries(CasesDbContext db, IWorkingDayCalendar calendar, IOptions<CaseRuleOptions> rules, TimeProvider clock, IReviewCatalogs catalogs)
{
    public async Task<PagedResult<CaseRow>> ListAsync(AccessScope scope, ListQuery query, CaseStage? stage, bool mine, bool dueSoon, CancellationToken ct, bool awaitingApproval = false)
    {
        var today = ChinaTime.Today(clock);
        var visible = scope.Visible.ToList();
        var q = db.Cases.AsNoTracking().Where(c => visible.Contains(c.AgencyId));
        if (stage is { } st)
        {
            q = q.Where(c => c.Stage == st);
        }

        if (awaitingApproval)
        {
            q = q.Where(c => c.Stage == CaseStage.FilingRequested || c.Stage == CaseStage.ClosingRequested);
        }

        if (mine)
        {
            q = q.Where(c => c.CreatedBy == scope.ActorId);
        }

        if (dueSoon)
        {
            var until = calendar.AddWorkingDays(today, 3);
            q = q.Where(c => c.NextDeadline != null && c.NextDeadline <= until);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // SEC-PI-1: the party's name matches only in cases whose party the caller sees in full, so a search
            // cannot tell a colleague whether a person is a party to a case whose data is masked for them.
            var s = query.Search.Trim();
            var byName = db.Cases.Where(PartyDataRule.SeenInFullBy(scope)).Where(c => c.PartyName.Contains(s)).Select(c => c.Id);
            q = q.Where(c => c.Number.Contains(s) || byName.Contains(c.Id));
        }

        var total = await q.CountAsync(ct);
        var page = query.ClampTo(total);
        q = (query.Sort, query.Descending) switch
        {
            ("number", false) => q.OrderBy(c => c.Number),
            ("number", true) => q.OrderByDescending(c => c.Number),
            ("due", false) => q.OrderBy(c => c.NextDeadline == null).ThenBy(c => c.NextDeadline),
            ("due", true) => q.OrderByDescending(c => c.NextDeadline),
            _ => q.OrderByDescending(c => c.CreatedAt),
        };
        var items = await q.Skip(page.Skip).Take(page.SafePageSize)
            .Select(c => new { c.Id, c.AgencyId, c.Number, c.Procedure, c.Stage, c.PartyName, c.TeamOfficers, c.DetailsJson, c.FiledOn, c.NextDeadline, c.Outcome })
            .ToListAsync(ct);
        var rows = items.Select(c =>
        {
            var (power, kind) = ListFacts(c.DetailsJson);
            var full = PartyDataRule.SeesInFull(scope, c.AgencyId, c.TeamOfficers);
            return new CaseRow(c.Id, c.Number, c.Procedure, c.Stage, CaseLabels.Of(c.Stage), PartyDataRule.ListName(kind, c.PartyName, full), power, c.FiledOn, c.NextDeadline,
                c.NextDeadline is { } d ? calendar.WorkingDaysBetween(today, d) : null, c.Outcome, !full);
        }).ToList();
        return new PagedResult<CaseRow>(rows, total, page.SafePage, page.SafePageSize);
    }

    public async Task<CaseView> GetAsync(AccessScope scope, Guid id, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !scope.CanSee(c.AgencyId))
        {
            throw new NotFoundException();
        }

        var today = ChinaTime.Today(clock);
        var d = c.Details;
        var r = rules.Value;
        var catalog = await catalogs.ForAgencyAsync(c.AgencyId, ct);
        var reviewReasons = d.Decision is { } dec ? c.ReviewReasons(dec.Outcome, dec.Penalty, catalog)
            : c.LastNotice is { } n ? c.ReviewReasons(DecisionOutcome.Penalty, n.Penalty, catalog) : [];
        PaymentView? payment = d.Payment is { } p
            ? new PaymentView(p.Reference, c.PaymentDueOn!.Value, c.FineFen, c.SurchargeFen(today, r), c.PaidFen, c.OutstandingFen(today, r), p.SettledOn, p.DemandServedOn, p.CourtAppliedOn, p.Lines, p.DeferredTo, c.Instalments())
            : null;
        var view = new CaseView(c.Id, c.AgencyId, c.Number, c.Procedure, c.Stage, CaseLabels.Of(c.Stage), d.Power, PartyDataRule.FullView(c.Party), d.Summary, d.ActOn, d.DiscoveredOn, c.FiledOn, c.DecisionDeadline,
            d.Team, d.Recusals, d.Evidence, d.Measures, d.Notices, d.Statement, d.Hearing, d.Discussion, reviewReasons, d.Decision, d.Service, payment, d.Remedies,
            [.. c.Deadlines().Select(x => new DeadlineView(x.What, x.Due, x.RuleId, x.Done, calendar.WorkingDaysBetween(today, x.Due)))],
            CaseActions.Next(c, scope, today), d.Steps, d.MajorPublicInterest, d.SeveralLegalRelations, c.Version, d.RecordingExceptions);
        return PartyDataRule.SeesInFull(scope, c.AgencyId, c.TeamOfficers) ? view : PartyDataRule.Masked(view, c.Party);
    }

    /// <summary>
    /// Every decision the legal-review gate refused (APL-58), newest first: for supervisors (the agencies they oversee)
    /// and for the agency's heads; others get 403.
    /// </summary>
    public async Task<IReadOnlyList<RefusalRow>> RefusalsAsync(AccessScope scope, CancellationToken ct)
    {
        var visible = SupervisorsAndHeads(scope, "被拦截的决定");
        return await db.DecisionRefusals.AsNoTracking().Where(r => visible.Contains(r.AgencyId)).OrderByDescending(r => r.At).Take(500)
            .Select(r => new RefusalRow(r.Id, r.CaseId, r.AgencyId, r.CaseNumber, r.Actor, r.At, r.Reason)).ToListAsync(ct);
    }

    /// <summary>
    /// Every written exception to the recording-required list (GB118-REC-2/3), newest first: for supervisors (the agencies
    /// they oversee) and for the agency's heads; others get 403.
    /// </summary>
    public async Task<IReadOnlyList<RecordingExceptionRow>> RecordingExceptionsAsync(AccessScope scope, CancellationToken ct)
    {
        var visible = SupervisorsAndHeads(scope, "音像记录例外");
        var rows = await db.RecordingExceptions.AsNoTracking().Where(r => visible.Contains(r.AgencyId)).OrderByDescending(r => r.At).Take(500).ToListAsync(ct);
        return [.. rows.Select(r => new RecordingExceptionRow(r.Id, r.CaseId, r.AgencyId, r.CaseNumber, r.StepCode, RecordingSteps.Label(r.StepCode), RecordingSteps.Rule(r.StepCode), r.Reason, r.ApprovedBy, r.At))];
    }

    /// <summary>The agencies whose supervision lists the caller reads: supervisors and heads only (403 otherwise).</summary>
    private static List<Guid> SupervisorsAndHeads(AccessScope scope, string what)
    {
        if (!scope.IsInRole(Roles.Supervisor) && !scope.IsInRole(Roles.Head))
        {
            throw new ForbiddenException($"只有监督人员和机关负责人可以查看{what}");
        }

        return [.. scope.Visible];
    }

    /// <summary>The power's name and the party's kind from the stored details (a kind that cannot be read counts as a person: masked).</summary>
    private static (string PowerName, PartyKind PartyKind) ListFacts(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;
        var power = root.TryGetProperty("power", out var p) && p.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
        var kind = root.TryGetProperty("party", out var party) && party.TryGetProperty("kind", out var k) && k.ValueKind == System.Text.Json.JsonValueKind.Number && k.TryGetInt32(out var value) && value == (int)PartyKind.Organisation
            ? PartyKind.Organisation
            : PartyKind.Person;
        return (power, kind);
    }
}
