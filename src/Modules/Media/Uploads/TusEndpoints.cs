using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Sanxiang.Kernel.Security;
using Sanxiang.Media.Features;

namespace Sanxiang.Media.Uploads;

/// <summary>
/// The tus 1.0.0 protocol (https://tus.io/protocols/resumable-upload): core (HEAD, PATCH, OPTIONS) and the creation,
/// termination, expiration and checksum (sha256) extensions, at /api/media/uploads. Browsers (cookie sign-in, with the
/// antiforgery header) and docking stations (API keys) use it alike. An upload belongs to the principal who created it:
/// anyone else gets 404. Errors are Chinese ProblemDetails with the tus status codes (409 offset, 460 checksum, 410 gone).
/// </summary>
internal static class TusEndpoints
{
    public const string Version = "1.0.0";
    public const string Extensions = "creation,termination,expiration,checksum";

    public static void Map(RouteGroupBuilder media)
    {
        var tus = media.MapGroup("/uploads").WithTags("Media uploads (tus)");
        tus.MapMethods("/", ["OPTIONS"], (HttpContext http, IOptions<MediaOptions> o) =>
        {
            var h = http.Response.Headers;
            h["Tus-Resumable"] = Version;
            h["Tus-Version"] = Version;
            h["Tus-Extension"] = Extensions;
            h["Tus-Checksum-Algorithm"] = "sha256";
            h["Tus-Max-Size"] = o.Value.MaxUploadBytes.ToString(CultureInfo.InvariantCulture);
            return Results.NoContent();
        }).AllowAnonymous();

        tus.MapPost("/", async (HttpContext http, MediaCommands commands, UploadStore store, IAccessScopeProvider scopes, CancellationToken ct) =>
        {
            if (Resumable(http) is { } bad)
            {
                return bad;
            }

            var request = http.Request.Headers;
            if (request.ContainsKey("Upload-Defer-Length"))
            {
                return Problem(http, 400, "TUS-LENGTH", "不支持延迟声明长度", "请在 Upload-Length 中给出文件大小");
            }

            if (!long.TryParse(request["Upload-Length"], NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length <= 0)
            {
                return Problem(http, 400, "TUS-LENGTH", "缺少上传长度", "Upload-Length 须为正整数（文件字节数）");
            }

            if (!TryParseMetadata(request["Upload-Metadata"].ToString(), out var metadata))
            {
                return Problem(http, 400, "TUS-METADATA", "元数据格式不正确", "Upload-Metadata 须为逗号分隔的“键 Base64值”对，键不得重复");
            }

            var scope = await scopes.GetAsync(ct);
            try
            {
                var info = await commands.PrepareUploadAsync(scope, length, metadata, http.User.Identity?.Name, ct);
                await store.CreateAsync(info, ct);
                http.Response.Headers.Location = $"{http.Request.PathBase}/api/media/uploads/{info.Id}";
                http.Response.Headers["Upload-Expires"] = info.ExpiresAt.ToString("R", CultureInfo.InvariantCulture);
                return Results.StatusCode(StatusCodes.Status201Created);
            }
            catch (UploadException e)
            {
                return Problem(http, e.Status, e.Code, e.Title, e.Message);
            }
        });

        tus.MapMethods("/{id}", ["HEAD"], async (string id, HttpContext http, UploadStore store, IAccessScopeProvider scopes, TimeProvider clock, CancellationToken ct) =>
        {
            if (Resumable(http) is { } bad)
            {
                return bad;
            }

            if (await OwnAsync(id, store, scopes, ct) is null)
            {
                return Results.NotFound();
            }

            // A PATCH whose client went away is still committing what arrived: wait a moment for it, so that the offset
            // reported is the one the server keeps (and the client's resume is not refused with 409). A PATCH still
            // receiving after that (another client of the same upload) does not hold HEAD up: the committed offset is
            // reported as it stands.
            UploadInfo? info;
            using (await store.LockAsync(id, TimeSpan.FromSeconds(2), ct))
            {
                info = await store.FindAsync(id, ct);
            }

            if (info is null)
            {
                return Results.NotFound();
            }

            var h = http.Response.Headers;
            h.CacheControl = "no-store";
            h["Upload-Offset"] = info.Offset.ToString(CultureInfo.InvariantCulture);
            h["Upload-Length"] = info.Length.ToString(CultureInfo.InvariantCulture);
            if (info.ItemId is { } item)
            {
                h["Sanxiang-Media-Item"] = item.ToString();
            }
            else if (info.ExpiresAt < clock.GetUtcNow())
            {
                return Results.StatusCode(StatusCodes.Status410Gone);
            }
            else
            {
                h["Upload-Expires"] = info.ExpiresAt.ToString("R", CultureInfo.InvariantCulture);
            }

            return Results.Ok();
        });

        tus.MapPatch("/{id}", async (string id, HttpContext http, UploadStore store, MediaCommands commands, IAccessScopeProvider scopes, IOptions<MediaOptions> o, TimeProvider clock, CancellationToken ct) =>
        {
            if (Resumable(http) is { } bad)
            {
                return bad;
            }

            var request = http.Request;
            if (!string.Equals(request.ContentType, "application/offset+octet-stream", StringComparison.OrdinalIgnoreCase))
            {
                return Problem(http, 415, "TUS-CONTENT-TYPE", "内容类型不正确", "PATCH 请求的 Content-Type 须为 application/offset+octet-stream");
            }

            if (!long.TryParse(request.Headers["Upload-Offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return Problem(http, 400, "TUS-OFFSET", "缺少偏移量", "Upload-Offset 须为非负整数");
            }

            byte[]? checksum = null;
            if (request.Headers["Upload-Checksum"].ToString() is { Length: > 0 } header)
            {
                var parts = header.Split(' ', 2);
                if (parts.Length != 2 || parts[0] != "sha256")
                {
                    return Problem(http, 400, "TUS-CHECKSUM", "不支持的校验算法", "Upload-Checksum 须为“sha256 Base64摘要”");
                }

                try
                {
                    checksum = Convert.FromBase64String(parts[1]);
                }
                catch (FormatException)
                {
                    checksum = null;
                }

                if (checksum is not { Length: 32 })
                {
                    return Problem(http, 400, "TUS-CHECKSUM", "校验和格式不正确", "sha256 摘要须为 32 字节的 Base64 编码");
                }
            }

            var owned = await OwnAsync(id, store, scopes, ct);
            if (owned is null)
            {
                return Results.NotFound();
            }

            // A client that lost its connection may resume before the server noticed: wait for the old PATCH to end.
            using var held = await store.LockAsync(id, TimeSpan.FromSeconds(10), ct);
            if (held is null)
            {
                return Problem(http, 423, "TUS-LOCKED", "上传正在进行", "该上传正由另一个请求写入，请稍后再试");
            }

            var info = await store.FindAsync(id, ct);
            if (info is null)
            {
                return Results.NotFound();
            }

            if (info.ItemId is not null || info.Offset == info.Length)
            {
                return Problem(http, 409, "TUS-OFFSET", "上传已完成", "该文件已全部上传");
            }

            if (info.ExpiresAt < clock.GetUtcNow())
            {
                return Results.StatusCode(StatusCodes.Status410Gone);
            }

            if (offset != info.Offset)
            {
                http.Response.Headers["Upload-Offset"] = info.Offset.ToString(CultureInfo.InvariantCulture);
                return Problem(http, 409, "TUS-OFFSET", "偏移量不符", $"服务器已收到 {info.Offset} 字节，请从该偏移量继续上传（请求为 {offset}）");
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = null;
            }

            try
            {
                info = await store.AppendAsync(info with { ExpiresAt = clock.GetUtcNow().AddHours(o.Value.UploadExpiryHours) }, request.Body, checksum, http.RequestAborted);
            }
            catch (UploadException e)
            {
                http.Response.Headers["Upload-Offset"] = info.Offset.ToString(CultureInfo.InvariantCulture);
                return Problem(http, e.Status, e.Code, e.Title, e.Message);
            }

            var h = http.Response.Headers;
            h["Upload-Offset"] = info.Offset.ToString(CultureInfo.InvariantCulture);
            h["Upload-Expires"] = info.ExpiresAt.ToString("R", CultureInfo.InvariantCulture);
            if (info.Offset == info.Length)
            {
                var item = await commands.CompleteAsync(info, CancellationToken.None);
                h["Sanxiang-Media-Item"] = item.Id.ToString();
            }

            return Results.NoContent();
        });

        tus.MapDelete("/{id}", async (string id, HttpContext http, UploadStore store, IAccessScopeProvider scopes, CancellationToken ct) =>
        {
            if (Resumable(http) is { } bad)
            {
                return bad;
            }

            var info = await OwnAsync(id, store, scopes, ct);
            if (info is null || info.ItemId is not null || info.Sha256 is not null)
            {
                return Results.NotFound();
            }

            using var held = await store.LockAsync(id, TimeSpan.FromSeconds(10), ct);
            if (held is null)
            {
                return Problem(http, 423, "TUS-LOCKED", "上传正在进行", "该上传正由另一个请求写入，请稍后再试");
            }

            store.Delete(id);
            return Results.NoContent();
        });

        tus.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers["Tus-Resumable"] = Version;
            return await next(context);
        });
    }

    /// <summary>tus 1.0 core: a POST with X-HTTP-Method-Override (PATCH or DELETE) on an upload resource is that method.</summary>
    public static Task MethodOverride(HttpContext http, Func<Task> next)
    {
        var request = http.Request;
        if (HttpMethods.IsPost(request.Method)
            && request.Headers["X-HTTP-Method-Override"].ToString() is { Length: > 0 } method
            && request.Path.StartsWithSegments("/api/media/uploads", StringComparison.OrdinalIgnoreCase, out var rest)
            && rest.Value is { Length: > 1 })
        {
            if (HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method))
            {
                request.Method = HttpMethods.IsPatch(method) ? HttpMethods.Patch : HttpMethods.Delete;
            }
            else
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return Results.Problem(title: "不支持的方法替代", detail: "X-HTTP-Method-Override 只能为 PATCH 或 DELETE", statusCode: 400, extensions: new Dictionary<string, object?> { ["ruleId"] = "TUS-METHOD" }).ExecuteAsync(http);
            }
        }

        return next();
    }

    /// <summary>Parses Upload-Metadata: "key base64,key2 base64" (a key may have no value); keys unique, values UTF-8.</summary>
    internal static bool TryParseMetadata(string header, out Dictionary<string, string> metadata)
    {
        metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }

        foreach (var pair in header.Split(','))
        {
            var parts = pair.Trim().Split(' ');
            if (parts.Length is < 1 or > 2 || parts[0].Length == 0 || parts[0].Any(c => c is < '!' or > '~'))
            {
                return false;
            }

            var value = string.Empty;
            if (parts.Length == 2)
            {
                try
                {
                    value = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(parts[1]));
                }
                catch (Exception e) when (e is FormatException or ArgumentException)
                {
                    return false;
                }
            }

            if (!metadata.TryAdd(parts[0], value))
            {
                return false;
            }
        }

        return true;
    }

    private static IResult? Resumable(HttpContext http)
    {
        http.Response.Headers["Tus-Resumable"] = Version;
        if (http.Request.Headers["Tus-Resumable"].ToString() == Version)
        {
            return null;
        }

        http.Response.Headers["Tus-Version"] = Version;
        return Problem(http, 412, "TUS-VERSION", "协议版本不支持", "请求须带 Tus-Resumable: 1.0.0");
    }

    private static async Task<UploadInfo?> OwnAsync(string id, UploadStore store, IAccessScopeProvider scopes, CancellationToken ct)
    {
        var info = await store.FindAsync(id, ct);
        var scope = await scopes.GetAsync(ct);
        return info is not null && info.Owner == scope.ActorId && scope.CanSee(info.AgencyId) ? info : null;
    }

    private static IResult Problem(HttpContext http, int status, string rule, string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["ruleId"] = rule });
}
