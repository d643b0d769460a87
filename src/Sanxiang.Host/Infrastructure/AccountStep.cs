namespace Sanxiang.Host.Infrastructure;

/// <summary>
/// A step a signed-in user must take before anything else (enrol a second factor, change a reset password): the API
/// answers 403 with a Chinese ProblemDetails, pages redirect to the step's page; the account pages and static files stay
/// reachable. Shared by <see cref="TwoFactorEnforcement"/> and <see cref="PasswordChangeEnforcement"/>.
/// </summary>
internal static class AccountStep
{
    /// <summary>True when the request was answered (403 or a redirect); false when it may go on (an account page, a file).</summary>
    public static async Task<bool> RequireAsync(HttpContext context, IProblemDetailsService problems, string page, string title, string detail)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = 403, Title = title, Detail = detail } });
            return true;
        }

        if (path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/css", StringComparison.Ordinal) || path.StartsWithSegments("/js", StringComparison.Ordinal))
        {
            return false;
        }

        context.Response.Redirect(page);
        return true;
    }
}
