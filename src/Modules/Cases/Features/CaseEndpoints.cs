using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Paging;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Cases.Features;

/// <summary>The JSON API of the case engine: lists, the case view, and one POST per lawful action.</summary>
internal static class CaseEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/", async ([AsParameters] ListArgs a, CaseStage? stage, bool? mine, bool? dueSoon, bool? awaitingApproval, CaseQueries q, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await q.ListAsync(await s.GetAsync(ct), a.ToQuery(), stage, mine ?? false, dueSoon ?? false, ct, awaitingApproval ?? false)));
        api.MapGet("/refusals", async (CaseQueries q, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await q.RefusalsAsync(await s.GetAsync(ct), ct)));
        api.MapGet("/recording-exceptions", async (CaseQueries q, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await q.RecordingExceptionsAsync(await s.GetAsync(ct), ct)));
        api.MapGet("/{id:guid}", async (Guid id, CaseQueries q, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await q.GetAsync(await s.GetAsync(ct), id, ct)));
        api.MapPost("/", async (OpenClueInput i, CaseCommands c, IAccessScopeProvider s, CancellationToken ct) =>
        {
            var id = await c.OpenClueAsync(await s.GetAsync(ct), i, ct);
            return TypedResults.Created($"/api/cases/{id}", new { id });
        });
        api.MapPost("/summary", async (SummaryInput i, CaseCommands c, IAccessScopeProvider s, CancellationToken ct) =>
        {
            var id = await c.DecideOnTheSpotAsync(await s.GetAsync(ct), i, ct);
            return TypedResults.Created($"/api/cases/{id}", new { id });
        });
        api.MapPost("/payments/import", async (IFormFile file, PaymentImport p, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await p.ImportAsync(await s.GetAsync(ct), stream, ct));
        }).DisableAntiforgery().WithFormOptions(multipartBodyLengthLimit: PaymentImport.MaxBytes);

        api.MapGet("/{id:guid}/documents", async (Guid id, DocumentFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await f.ListAsync(await s.GetAsync(ct), id, ct)));
        api.MapPost("/{id:guid}/documents", async (Guid id, DocumentInput i, DocumentFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            var doc = await f.IssueAsync(await s.GetAsync(ct), id, i.Kind, ct);
            return TypedResults.Created($"/api/cases/{id}/documents/{doc}.pdf", new { id = doc });
        });
        api.MapGet("/{id:guid}/documents/{documentId:guid}.{format}", async (Guid id, Guid documentId, string format, DocumentFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            var file = await f.RenderAsync(await s.GetAsync(ct), id, documentId, format, ct);
            return TypedResults.File(file.Bytes, file.ContentType, file.FileName);
        });

        Post<TeamInput>(api, "team", (c, s, id, i, ct) => c.AssignTeamAsync(s, id, i, ct));
        Post(api, "request-filing", (c, s, id, ct) => c.RequestFilingAsync(s, id, ct));
        Post(api, "approve-filing", (c, s, id, ct) => c.ApproveFilingAsync(s, id, ct));
        Post<ReasonInput>(api, "reject-filing", (c, s, id, i, ct) => c.RejectFilingAsync(s, id, i, ct));
        Post<EvidenceInput>(api, "evidence", (c, s, id, i, ct) => c.RecordEvidenceAsync(s, id, i, ct));
        Post<FlagsInput>(api, "flags", (c, s, id, i, ct) => c.FlagAsync(s, id, i, ct));
        Post<RecusalInput>(api, "recusal", (c, s, id, i, ct) => c.RequestRecusalAsync(s, id, i, ct));
        Post<RecusalDecisionInput>(api, "recusal-decision", (c, s, id, i, ct) => c.DecideRecusalAsync(s, id, i, ct));
        Post<MeasureInput>(api, "measures", (c, s, id, i, ct) => c.TakeMeasureAsync(s, id, i, ct));
        api.MapPost("/{id:guid}/measures/{no:int}/approve", (Guid id, int no, CaseCommands c, IAccessScopeProvider s, CancellationToken ct) =>
            Run(s, ct, scope => c.ApproveMeasureAsync(scope, id, no, ct)));
        api.MapPost("/{id:guid}/measures/{no:int}/extend", (Guid id, int no, ExtendInput i, CaseCommands c, IAccessScopeProvider s, CancellationToken ct) =>
            Run(s, ct, scope => c.ExtendMeasureAsync(scope, id, no, i, ct)));
        api.MapPost("/{id:guid}/measures/{no:int}/end", (Guid id, int no, OutcomeTextInput i, CaseCommands c, IAccessScopeProvider s, CancellationToken ct) =>
            Run(s, ct, scope => c.EndMeasureAsync(scope, id, no, i, ct)));
        Post<NoticeInput>(api, "notice", (c, s, id, i, ct) => c.IssueNoticeAsync(s, id, i, ct));
        Post<StatementInput>(api, "statement", (c, s, id, i, ct) => c.RecordStatementAsync(s, id, i, ct));
        Post<DateInput>(api, "hearing-request", (c, s, id, i, ct) => c.RequestHearingAsync(s, id, i, ct));
        Post<HearingScheduleInput>(api, "hearing-schedule", (c, s, id, i, ct) => c.ScheduleHearingAsync(s, id, i, ct));
        Post<HearingRecordInput>(api, "hearing-record", (c, s, id, i, ct) => c.RecordHearingAsync(s, id, i, ct));
        Post<DiscussionInput>(api, "discussion", (c, s, id, i, ct) => c.RecordDiscussionAsync(s, id, i, ct));
        Post<ExtendInput>(api, "extend", (c, s, id, i, ct) => c.ExtendDeadlineAsync(s, id, i, ct));
        Post<DecisionInput>(api, "decision", (c, s, id, i, ct) => c.DecideAsync(s, id, i, ct));
        Post<RecordingExceptionInput>(api, "recording-exception", (c, s, id, i, ct) => c.ApproveRecordingExceptionAsync(s, id, i, ct));
        Post<ServiceInput>(api, "service", (c, s, id, i, ct) => c.ServeAsync(s, id, i, ct));
        Post<CollectInput>(api, "on-the-spot", (c, s, id, i, ct) => c.CollectOnTheSpotAsync(s, id, i, ct));
        Post<DeferralInput>(api, "deferral", (c, s, id, i, ct) => c.ApproveDeferralAsync(s, id, i, ct));
        Post<InstalmentsInput>(api, "instalments", (c, s, id, i, ct) => c.ApproveInstalmentsAsync(s, id, i, ct));
        Post<RemedyInput>(api, "remedy", (c, s, id, i, ct) => c.RecordRemedyAsync(s, id, i, ct));
        Post<ReasonInput>(api, "publication-exemption", (c, s, id, i, ct) => c.ExemptFromPublicationAsync(s, id, i, ct));
        Post<DateInput>(api, "demand", (c, s, id, i, ct) => c.ServeDemandAsync(s, id, i, ct));
        Post<DateInput>(api, "court", (c, s, id, i, ct) => c.ApplyToCourtAsync(s, id, i, ct));
        Post<CourtOutcomeInput>(api, "court-outcome", (c, s, id, i, ct) => c.RecordCourtOutcomeAsync(s, id, i, ct));
        Post<ClosingInput>(api, "closing", (c, s, id, i, ct) => c.RequestClosingAsync(s, id, i, ct));
        Post(api, "approve-closing", (c, s, id, ct) => c.ApproveClosingAsync(s, id, ct));
        Post(api, "archive", (c, s, id, ct) => c.ArchiveAsync(s, id, ct));
    }

    private static void Post<T>(RouteGroupBuilder api, string action, Func<CaseCommands, AccessScope, Guid, T, CancellationToken, Task> run) =>
        api.MapPost($"/{{id:guid}}/{action}", (Guid id, T input, CaseCommands c, IAccessScopeProvider s, CancellationToken ct) =>
            Run(s, ct, scope => run(c, scope, id, input, ct)));

    private static void Post(RouteGroupBuilder api, string action, Func<CaseCommands, AccessScope, Guid, CancellationToken, Task> run) =>
        api.MapPost($"/{{id:guid}}/{action}", (Guid id, CaseCommands c, IAccessScopeProvider s, CancellationToken ct) =>
            Run(s, ct, scope => run(c, scope, id, ct)));

    private static async Task<NoContent> Run(IAccessScopeProvider s, CancellationToken ct, Func<AccessScope, Task> act)
    {
        await act(await s.GetAsync(ct));
        return TypedResults.NoContent();
    }

    internal sealed record ListArgs(string? Search, string? Sort, bool? Desc, int? Page, int? PageSize)
    {
        public ListQuery ToQuery() => new(Search, Sort, Desc ?? false, Page ?? 1, PageSize ?? 20);
    }
}
