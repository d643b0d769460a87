using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Registry.Features.ReviewCatalogs;

/// <summary>
/// /api/registry/agencies/{id}/review-catalog: the agency's legal-review catalog (GB118-REV-1) for everyone who may
/// see the agency; changes for its head and the administrators over it. Out of scope is 404; a broken rule is a
/// 422 ProblemDetails naming it (GB118-REV-1, INPUT-REQUIRED, AUTH-ROLE); a stale version is 409.
/// </summary>
internal static class ReviewCatalogEndpoints
{
    internal static void MapReviewCatalogs(RouteGroupBuilder api)
    {
        const string Route = "/agencies/{id:guid}/review-catalog";

        api.MapGet(Route, async (Guid id, ReviewCatalogFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await f.GetAsync(await s.GetAsync(ct), id, ct)))
            .WithSummary("执法主体的重大执法决定法制审核目录（金额以分计；未修改过的为默认目录，版本0）");

        api.MapPut(Route, async (Guid id, ReviewCatalogChange input, ReviewCatalogFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await f.ChangeAsync(await s.GetAsync(ct), id, input, ct);
            return TypedResults.NoContent();
        }).WithSummary("修改法制审核目录（本机构负责人或系统管理员）：catalog 各项均须填写，金额以分计；version 为读取时的版本");

        api.MapPost(Route + "/reset", async (Guid id, int? version, ReviewCatalogFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await f.ResetAsync(await s.GetAsync(ct), id, version, ct);
            return TypedResults.NoContent();
        }).WithSummary("恢复默认目录（本机构负责人或系统管理员）");
    }
}
