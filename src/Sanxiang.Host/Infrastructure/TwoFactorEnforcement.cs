using System.Security.Claims;
using Microsoft.Extensions.Options;
using Sanxiang.Host.Auth;

namespace Sanxiang.Host.Infrastructure;

/// <summary>
/// SEC-AUTH-1: users in the configured roles must have signed in with a second factor. Until they have
/// enrolled an authenticator, pages redirect them to the enrolment page and the API answers 403.
/// </summary>
public sealed class TwoFactorEnforcement(RequestDelegate next, IOptionsMonitor<SecurityOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && NeedsSecondFactor(user, options.CurrentValue)
            && await AccountStep.RequireAsync(context, problems, "/Account/SetupAuthenticator", "须启用双因素认证", "您的角色须使用双因素认证登录（《信息安全技术 网络安全等级保护基本要求》GB/T 22239-2019）"))
        {
            return;
        }

        await next(context);
    }

    /// <summary>True for a cookie principal in a 2FA-required role that did not sign in with a second factor.</summary>
    public static bool NeedsSecondFactor(ClaimsPrincipal user, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        if (user.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName)
        {
            return false;
        }

        var required = options.TwoFactorRoles.Any(user.IsInRole);
        return required && !user.HasClaim("amr", "mfa");
    }
}
