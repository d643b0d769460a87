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
    /// <summary>ASP.NET Core Identity's application cookie scheme.</summary>
    public const string CookieAuthenticationType = "Identity.Application";

    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        // Only a request routed to an API endpoint of its method (a 404 or a 405 answers as it would).
        if (IsStateChanging(http.Request)
            && http.GetEndpoint()?.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase) == true
            && string.Equals(http.User.Identity?.AuthenticationType, CookieAuthenticationType, StringComparison.Ordinal)
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
