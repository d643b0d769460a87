using Microsoft.AspNetCore.HttpOverrides;

namespace Sanxiang.Host.Infrastructure;

/// <summary>Bound from "Security:Transport": TLS and the reverse proxy in front of the app (docs/security.md).</summary>
public sealed class TransportOptions
{
    public const string Section = "Security:Transport";

    /// <summary>The app is reached over HTTPS: plain HTTP is redirected and HSTS is sent.</summary>
    public bool RequireHttps { get; set; }

    public int HstsDays { get; set; } = 365;

    /// <summary>Addresses of the reverse proxies whose X-Forwarded-For/-Proto the app believes (empty: none).</summary>
    public string[] KnownProxies { get; set; } = [];
}

/// <summary>
/// The security headers of every response, set in one place (issue 15, 等保 level 3): a Content-Security-Policy with no
/// inline script (every script is a file under /js), no framing, nosniff, a referrer policy that sends nothing to
/// other sites, and no camera, microphone or location for pages. A response that set its own policy keeps it (media
/// files are served with <c>Content-Security-Policy: sandbox</c>).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "media-src 'self' blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public const string ReferrerPolicy = "same-origin";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    /// <summary>The headers every response carries (name → value), for the middleware and its test.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = ReferrerPolicy,
        ["Permissions-Policy"] = PermissionsPolicy,
        ["X-Frame-Options"] = "DENY",
        ["Cross-Origin-Opener-Policy"] = "same-origin",
    };

    /// <summary>Forwarded headers from known proxies, HTTPS redirection and HSTS when configured, then the headers.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var transport = app.Configuration.GetSection(TransportOptions.Section).Get<TransportOptions>() ?? new TransportOptions();
        if (transport.KnownProxies.Length > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            foreach (var proxy in transport.KnownProxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            app.UseForwardedHeaders(forwarded);
        }

        if (transport.RequireHttps)
        {
            app.UseHttpsRedirection();
        }

        app.Use((context, next) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                foreach (var (name, value) in All)
                {
                    response.Headers.TryAdd(name, value);
                }

                if (transport.RequireHttps && context.Request.IsHttps)
                {
                    response.Headers.TryAdd("Strict-Transport-Security", $"max-age={transport.HstsDays * 86400}; includeSubDomains");
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
