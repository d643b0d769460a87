using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Registry.Features.RecordingLists;

/// <summary>
/// /api/registry/agencies/{id}/recording-list: the agency's recording-required list (GB118-REC-2/3) for everyone who
/// may see the agency; changes (PUT) and the reset to the defaults (DELETE) for its head and the administrators over
/// it. Out of scope is 404; a broken rule is a 422 ProblemDetails naming it (GB118-REC-2, GB118-REC-3, INPUT-REQUIRED,
/// AUTH-ROLE); a stale version is 409.
/// </summary>
internal static class RecordingListEndpoints
{
    internal static void MapRecordingLists(RouteGroupBuilder api)
    {
        const string Route = "/agencies/{id:guid}/recording-list";

        api.MapGet(Route, async (Guid id, RecordingListFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await f.GetAsync(await s.GetAsync(ct), id, ct)))
            .WithSummary("执法主体的音像记录事项清单（未修改过的为默认清单，版本0）");

        api.MapPut(Route, async (Guid id, RecordingListChange input, RecordingListFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await f.ChangeAsync(await s.GetAsync(ct), id, input, ct);
            return TypedResults.NoContent();
        }).WithSummary("修改音像记录事项清单（本机构负责人或系统管理员）：steps 为事项编码，inspectionPowers 为须音像记录现场检查的权力编码；version 为读取时的版本");

        api.MapDelete(Route, async (Guid id, int? version, RecordingListFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await f.ResetAsync(await s.GetAsync(ct), id, version, ct);
            return TypedResults.NoContent();
        }).WithSummary("恢复默认清单（本机构负责人或系统管理员）");
    }
}
