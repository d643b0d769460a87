using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Sanxiang.Kernel.Security;

/// <summary>
/// For API endpoints that take form posts (file uploads): a caller signed in with the browser's cookie must
/// send the antiforgery token (form field or the RequestVerificationToken header), because a cross-site form
/// can post multipart data; API-key clients are not exposed to cross-site requests and need none.
/// </summary>
public sealed class CookieAntiforgeryFilter : IEndpointFilter
{
    /// <summary>ASP.NET Core Identity's application cookie scheme.</summary>
    public const string CookieAuthenticationType = "Identity.Application";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (string.Equals(http.User.Identity?.AuthenticationType, CookieAuthenticationType, StringComparison.Ordinal)
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return TypedResults.Problem(title: "防伪校验失败", detail: "请求缺少有效的防伪令牌（跨站请求伪造防护），请从系统页面提交", statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }
}
