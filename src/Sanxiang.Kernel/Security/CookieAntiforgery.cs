using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Sanxiang.Kernel.Security;

/// <summary>
/// Every state-changing API request (anything but GET, HEAD, OPTIONS and TRACE under /api) made with the browser's
/// sign-in cookie must carry the antiforgery token (form field or the RequestVerificationToken header), because a
/// cross-site page can make the browser send the cookie (issue 15). API-key clients are not exposed to cross-site
/// requests and need none. One middleware for the whole API, so that a new endpoint cannot forget it; Razor Pages
/// check their forms themselves.
/// </summary>
public sealed class CookieAntiforgery(RequestDelegate next)
{
    /// <summary>The API-key scheme's authentication type (machines: not exposed to cross-site requests).</summary>
    public const string ApiKeyAuthenticationType = "ApiKey";

    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        // Every signed-in caller but an API key; every routed endpoint but routing's own refusals (404, 405, 415: no
        // endpoint, or one without metadata), which answer as they would.
        if (IsStateChanging(http.Request)
            && http.GetEndpoint() is { Metadata.Count: > 0 }
            && http.User.Identity?.IsAuthenticated == true
            && !string.Equals(http.User.Identity.AuthenticationType, ApiKeyAuthenticationType, StringComparison.Ordinal)
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            await TypedResults.Problem(
                title: "防伪校验失败",
                detail: "请求缺少有效的防伪令牌（跨站请求伪造防护），请从系统页面提交",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["ruleId"] = "SEC-CSRF" }).ExecuteAsync(http);
            return;
        }

        await next(http);
    }

    public static bool IsStateChanging(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));
    }
}
