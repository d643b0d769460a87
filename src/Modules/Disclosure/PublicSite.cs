using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Sanxiang.Disclosure;

/// <summary>
/// How the public site protects itself (section Disclosure:PublicSite, ADR 0019): anonymous GETs of the public pages
/// and open data are answered from an output cache for <see cref="CacheSeconds"/> (the decision lists are evicted at
/// once when the pipeline publishes or withdraws); each client address may make <see cref="RequestsPerMinute"/>
/// requests a minute to the public paths after a burst of <see cref="Burst"/>, then gets 429 with Retry-After.
/// 0 turns either off (the search benchmark measures the search itself; tests of other things).
/// </summary>
internal sealed class PublicSiteOptions
{
    public const string Section = "Disclosure:PublicSite";

    public int CacheSeconds { get; set; } = 60;

    public int RequestsPerMinute { get; set; } = 300;

    public int Burst { get; set; } = 60;
}

/// <summary>The output cache and the per-client rate limit of the public site (ADR 0019).</summary>
internal static class PublicSite
{
    /// <summary>The output-cache tag of everything that lists or shows published decisions.</summary>
    internal const string DecisionsTag = "public-decisions";

    /// <summary>The paths the rate limit covers: the public pages, the open data and the record verification page.</summary>
    private static readonly PathString[] Limited = ["/Public", "/api/public", "/verify"];

    /// <summary>The badge verification page is never cached: a suspension must show at once.</summary>
    private static readonly PathString[] Cached = ["/Public", "/api/public"];

    internal static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        services.AddOptions<PublicSiteOptions>().BindConfiguration(PublicSiteOptions.Section)
            .Validate(o => o.CacheSeconds >= 0 && o.RequestsPerMinute >= 0 && o.Burst >= 0, "Disclosure:PublicSite: CacheSeconds, RequestsPerMinute and Burst must not be negative")
            .ValidateOnStart();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<PublicSiteOptions>>((o, site) =>
        {
            var seconds = site.Value.CacheSeconds;
            if (seconds > 0)
            {
                o.AddBasePolicy(p => p.With(c => IsCached(c) && !IsDecisions(c)).Expire(TimeSpan.FromSeconds(seconds)).Tag("public"));
                o.AddBasePolicy(p => p.With(IsDecisions).Expire(TimeSpan.FromSeconds(seconds)).Tag("public", DecisionsTag));
            }
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<PublicSiteOptions>>((o, site) =>
        {
            var s = site.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                s.RequestsPerMinute == 0 || !Limited.Any(p => ctx.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetTokenBucketLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "-", _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = Math.Max(1, s.Burst),
                        TokensPerPeriod = Math.Max(1, s.RequestsPerMinute / 60),
                        ReplenishmentPeriod = TimeSpan.FromSeconds(s.RequestsPerMinute >= 60 ? 1 : 60.0 / s.RequestsPerMinute),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            o.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? Math.Ceiling(after.TotalSeconds).ToString(CultureInfo.InvariantCulture)
                    : "1";
                var api = context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
                if (api)
                {
                    await Results.Problem(title: "请求过于频繁", detail: "同一来源的请求超过公开网站的频率限制，请稍后再试。", statusCode: StatusCodes.Status429TooManyRequests)
                        .ExecuteAsync(context.HttpContext);
                }
                else
                {
                    response.ContentType = "text/html; charset=utf-8";
                    await response.WriteAsync(
                        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>请求过于频繁</title></head>"
                        + "<body><main><h1>请求过于频繁</h1><p>您的访问过于频繁，请稍候几秒钟后再刷新页面。</p></main></body></html>", ct);
                }
            };
        });
        return services;
    }

    /// <summary>The rate limit and then the output cache; after authentication, so a signed-in user is never served or stored.</summary>
    internal static IApplicationBuilder UsePublicSite(this IApplicationBuilder app) => app.UseRateLimiter().UseOutputCache();

    private static bool IsCached(OutputCacheContext ctx) =>
        HttpMethods.IsGet(ctx.HttpContext.Request.Method) && Cached.Any(p => ctx.HttpContext.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
        && !ctx.HttpContext.Request.Path.StartsWithSegments("/Public/Officer", StringComparison.OrdinalIgnoreCase);

    private static bool IsDecisions(OutputCacheContext ctx) => IsCached(ctx) && (
        ctx.HttpContext.Request.Path.StartsWithSegments("/Public/Decisions", StringComparison.OrdinalIgnoreCase)
        || ctx.HttpContext.Request.Path.StartsWithSegments("/api/public/decisions", StringComparison.OrdinalIgnoreCase)
        || ctx.HttpContext.Request.Path.StartsWithSegments("/Public", StringComparison.OrdinalIgnoreCase) && ctx.HttpContext.Request.Path.Value is "/Public" or "/Public/" or "/Public/Index");
}
