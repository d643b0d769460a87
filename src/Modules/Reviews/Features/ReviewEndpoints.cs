using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sanxiang.Kernel.Security;
using Sanxiang.Reviews.Contracts;
using Sanxiang.Reviews.Domain;

namespace Sanxiang.Reviews.Features;

/// <summary>A review as the API returns it: the queue row, every round (the history) and the steps.</summary>
internal sealed record ReviewApiView(ReviewRow Review, IReadOnlyList<ReviewRound> Rounds, IReadOnlyList<ReviewStep> Steps, ReviewExtension? Extension, DiscussionOutcome? Discussion, IReadOnlyList<OpinionRow> Opinions);

/// <summary>The JSON API of legal review: queue, one review, submission, assignment, conclusion, extension, discussion, pool, statistics.</summary>
internal static class ReviewEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/", async (bool? open, ReviewQueries q, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await q.QueueAsync(await s.GetAsync(ct), open ?? false, ct)));
        api.MapGet("/{id:guid}", async (Guid id, ReviewQueries q, IAccessScopeProvider s, CancellationToken ct) =>
        {
            var v = await q.GetAsync(await s.GetAsync(ct), id, ct);
            var d = v.Review.Details;
            return TypedResults.Ok(new ReviewApiView(v.Row, d.Rounds, d.Steps, d.Extension, d.Discussion, v.Opinions));
        });
        api.MapGet("/pool", async (ReviewQueries q, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await q.PoolAsync(await s.GetAsync(ct), ct)));
        api.MapPost("/pool", async (ReviewerInput i, ReviewCommands c, IAccessScopeProvider s, CancellationToken ct) =>
        {
            var id = await c.AddReviewerAsync(await s.GetAsync(ct), i, ct);
            return TypedResults.Created($"/api/reviews/pool/{id}", new { id });
        });
        api.MapGet("/stats", async (int? year, ReviewQueries q, IAccessScopeProvider s, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await q.StatsAsync(await s.GetAsync(ct), year ?? Kernel.Domain.ChinaTime.Today(clock).Year, ct)));
        api.MapPost("/cases/{caseId:guid}", async (Guid caseId, SubmitInput i, ReviewCommands c, IAccessScopeProvider s, CancellationToken ct) =>
        {
            var id = await c.SubmitAsync(await s.GetAsync(ct), caseId, i, ct);
            return TypedResults.Created($"/api/reviews/{id}", new { id });
        });
        Post<AssignInput>(api, "assign", (c, s, id, i, ct) => c.AssignAsync(s, id, i, ct));
        Post<AdviceInput>(api, "advice", (c, s, id, i, ct) => c.RecordAdviceAsync(s, id, i, ct));
        Post<ConcludeInput>(api, "conclusion", (c, s, id, i, ct) => c.ConcludeAsync(s, id, i, ct));
        Post<ReasonInput>(api, "extension", (c, s, id, i, ct) => c.ExtendAsync(s, id, i, ct));
        Post<ReviewDiscussionInput>(api, "discussion", (c, s, id, i, ct) => c.RecordDiscussionAsync(s, id, i, ct));
        api.MapGet("/{id:guid}/opinions/{documentId:guid}.{format}", async (Guid id, Guid documentId, string format, ReviewQueries q, IAccessScopeProvider s, CancellationToken ct) =>
        {
            var file = await q.RenderAsync(await s.GetAsync(ct), id, documentId, format, ct);
            return TypedResults.File(file.Bytes, file.ContentType, file.FileName);
        });
    }

    private static void Post<T>(RouteGroupBuilder api, string action, Func<ReviewCommands, AccessScope, Guid, T, CancellationToken, Task> run) =>
        api.MapPost($"/{{id:guid}}/{action}", async (Guid id, T input, ReviewCommands c, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await run(c, await s.GetAsync(ct), id, input, ct);
            return TypedResults.NoContent();
        });
}
