using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanxiang.Kernel.Security;
using Sanxiang.Media.Domain;
using Sanxiang.Media.Storage;

namespace Sanxiang.Media.Features;

internal sealed record LinkInput(Guid CaseId, string Step);

internal sealed record HoldInput(string? Reason);

internal sealed record PermanentInput(PermanentReason Reason);

internal sealed record DeviceInput(string Serial, string Kind, string? Model);

/// <summary>The JSON API of audio-video records: list, one record, playback/download with ranges, links, holds, devices, scrub.</summary>
internal static class MediaEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/", async (Guid? caseId, int? take, MediaQueries q, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await q.ListAsync(await s.GetAsync(ct), caseId, take ?? 100, ct)));
        api.MapGet("/{id:guid}", async (Guid id, MediaQueries q, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await q.GetAsync(await s.GetAsync(ct), id, ct)));
        api.MapGet("/{id:guid}/access", async (Guid id, MediaQueries q, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await q.AccessLogAsync(await s.GetAsync(ct), id, ct)));
        api.MapMethods("/{id:guid}/content", ["GET", "HEAD"], ContentAsync);
        api.MapPost("/{id:guid}/link", async (Guid id, LinkInput i, MediaCommands c, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await c.LinkAsync(await s.GetAsync(ct), id, i.CaseId, i.Step, ct);
            return TypedResults.NoContent();
        });
        api.MapPost("/{id:guid}/permanent", async (Guid id, PermanentInput i, MediaCommands c, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await c.KeepPermanentlyAsync(await s.GetAsync(ct), id, i.Reason, ct);
            return TypedResults.NoContent();
        });
        api.MapPost("/{id:guid}/hold", async (Guid id, HoldInput i, MediaCommands c, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await c.HoldAsync(await s.GetAsync(ct), id, i.Reason, release: false, ct);
            return TypedResults.NoContent();
        });
        api.MapDelete("/{id:guid}/hold", async (Guid id, MediaCommands c, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await c.HoldAsync(await s.GetAsync(ct), id, null, release: true, ct);
            return TypedResults.NoContent();
        });
        api.MapGet("/devices", async (MediaQueries q, IAccessScopeProvider s, CancellationToken ct) =>
        {
            var (devices, refusals) = await q.DevicesAsync(await s.GetAsync(ct), ct);
            return TypedResults.Ok(new { devices, refusals });
        });
        api.MapPost("/devices", async (DeviceInput i, MediaCommands c, IAccessScopeProvider s, CancellationToken ct) =>
        {
            var id = await c.RegisterDeviceAsync(await s.GetAsync(ct), i.Serial, i.Kind, i.Model ?? string.Empty, ct);
            return TypedResults.Created($"/api/media/devices/{id}", new { id });
        });
        api.MapPost("/devices/{id:guid}/active", async (Guid id, bool active, MediaCommands c, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await c.SetDeviceActiveAsync(await s.GetAsync(ct), id, active, ct);
            return TypedResults.NoContent();
        });
        api.MapGet("/alerts", async (MediaQueries q, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await q.AlertsAsync(await s.GetAsync(ct), ct)));
        api.MapPost("/scrub", async (MediaCommands c, IAccessScopeProvider s, CancellationToken ct) =>
        {
            (await s.GetAsync(ct)).RequireAnyRole(Roles.Administrator, Roles.Supervisor);
            var (checkedCount, alerts) = await c.ScrubAsync(ct);
            return TypedResults.Ok(new { @checked = checkedCount, alerts });
        });
        api.MapPost("/retention/sweep", async (MediaCommands c, IAccessScopeProvider s, CancellationToken ct) =>
        {
            (await s.GetAsync(ct)).RequireAnyRole(Roles.Administrator);
            var deleted = await c.SweepRetentionAsync(ct);
            return TypedResults.Ok(new { deleted, expiredUploads = await c.SweepUploadsAsync(ct) });
        });
    }

    /// <summary>
    /// Playback (inline) or download (?download=true) with HTTP range requests, so a player seeks in a 4 GB video
    /// without fetching it. The access (who, when, which bytes) is recorded before any byte is sent; HEAD reads none.
    /// </summary>
    private static async Task<IResult> ContentAsync(Guid id, bool? download, HttpContext http, MediaCommands commands, IObjectStore store, IAccessScopeProvider scopes, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var attachment = download == true;
        var name = http.User.FindFirst(SanxiangClaims.DisplayName)?.Value ?? http.User.Identity?.Name ?? scope.ActorId;

        // One scope check per request: the player sends many range requests.
        var item = HttpMethods.IsHead(http.Request.Method)
            ? await commands.VisibleAsync(scope, id, ct)
            : await commands.RecordAccessAsync(scope, name, id, attachment, http.Request.Headers.Range.ToString(), ct);
        if (item.IsDeleted)
        {
            return Results.Problem(title: "记录已删除", detail: "该音像记录已按保存期限删除，仅保留其哈希值（REC-RET-1）", statusCode: StatusCodes.Status410Gone);
        }

        // Uploads never run: only passive media whose bytes agree with the declared type is served as that type; the
        // rest is a download. The sandbox keeps even a passive file from running script if a browser renders it.
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox";
        var served = PassiveMedia.ServedType(item.ContentType, await HeadAsync(store, item, ct));
        var fileName = attachment || served is null ? SafeFileName(item.FileName) : null;
        var contentType = served ?? PassiveMedia.Download;
        if (store.LocalPath(item.Sha256) is { } path)
        {
            return Results.File(path, contentType, fileName, enableRangeProcessing: true);
        }

        return await RangeFromStoreAsync(http, store, item, contentType, fileName, ct);
    }

    private static async Task<byte[]> HeadAsync(IObjectStore store, MediaItem item, CancellationToken ct)
    {
        var length = (int)Math.Min(item.Size, PassiveMedia.HeaderLength);
        var head = new byte[length];
        if (length == 0)
        {
            return head;
        }

        await using var stream = await store.OpenReadAsync(item.Sha256, 0, length, ct);
        var read = await stream.ReadAtLeastAsync(head, length, throwOnEndOfStream: false, ct);
        return read == length ? head : head[..read];
    }

    /// <summary>The name a download is saved as: never empty, never a path.</summary>
    private static string SafeFileName(string? name)
    {
        var n = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(n) ? "record.bin" : n;
    }

    /// <summary>Single-range requests for stores without local files (S3): 206 with Content-Range, 416 when unsatisfiable.</summary>
    private static async Task<IResult> RangeFromStoreAsync(HttpContext http, IObjectStore store, MediaItem row, string contentType, string? fileName, CancellationToken ct)
    {
        long start = 0, end = row.Size - 1;
        var partial = false;
        if (RangeHeaderValue.TryParse(http.Request.Headers.Range.ToString(), out var header) && header.Unit == "bytes" && header.Ranges.Count == 1)
        {
            var r = header.Ranges.First();
            if (r.From is { } from)
            {
                start = from;
                end = Math.Min(r.To ?? end, end);
            }
            else if (r.To is { } suffix)
            {
                start = Math.Max(0, row.Size - suffix);
            }

            if (start > end || start >= row.Size)
            {
                http.Response.Headers.ContentRange = $"bytes */{row.Size}";
                return Results.StatusCode(StatusCodes.Status416RangeNotSatisfiable);
            }

            partial = true;
        }

        var response = http.Response;
        response.Headers.AcceptRanges = "bytes";
        if (fileName is not null)
        {
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName }.ToString();
        }

        response.StatusCode = partial ? StatusCodes.Status206PartialContent : StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = end - start + 1;
        if (partial)
        {
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{end}/{row.Size}");
        }

        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await using var stream = await store.OpenReadAsync(row.Sha256, start, end - start + 1, ct);
            await stream.CopyToAsync(response.Body, 1 << 16, ct);
        }

        return Results.Empty;
    }
}
