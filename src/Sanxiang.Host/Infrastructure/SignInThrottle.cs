using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Sanxiang.Host.Auth;

namespace Sanxiang.Host.Infrastructure;

/// <summary>
/// SEC-AUTH-1: sign-in attempts (the password, second-factor, recovery-code and change-password forms) are limited per client address
/// to <see cref="SecurityOptions.SignInAttemptsPerMinute"/> a minute (0 = off), on top of the per-account lockout, so
/// that one address cannot try many accounts. Over the limit: 429 with Retry-After and a Chinese page.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private static readonly string[] Forms = ["/account/login", "/account/loginwith2fa", "/account/loginwithrecoverycode", "/account/changepassword"];
    private readonly PartitionedRateLimiter<HttpContext>? _limiter;

    public SignInThrottle(IOptions<SecurityOptions> options)
    {
        var perMinute = options.Value.SignInAttemptsPerMinute;
        if (perMinute > 0)
        {
            _limiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString(),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        }
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        // The path as routing matches it: any case, with or without a trailing slash (/Account/Login/ is the same page).
        var path = (context.Request.Path.Value ?? string.Empty).TrimEnd('/').ToLowerInvariant();
        if (_limiter is null || !HttpMethods.IsPost(context.Request.Method) || !Forms.Contains(path))
        {
            await next(context);
            return;
        }

        using var lease = _limiter.AttemptAcquire(context);
        if (lease.IsAcquired)
        {
            await next(context);
            return;
        }

        var after = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>登录尝试过于频繁</title><link rel=\"stylesheet\" href=\"/css/site.css\">" +
            "<main class=\"container\"><div class=\"login card\"><h1>登录尝试过于频繁</h1><p>同一网络地址在一分钟内的登录尝试过多，请稍后再试。</p>" +
            "<p><a href=\"/Account/Login\">返回登录</a></p></div></main></html>",
            context.RequestAborted);
    }

    public void Dispose() => _limiter?.Dispose();
}
