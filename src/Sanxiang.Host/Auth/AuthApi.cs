using System.Security.Claims;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Host.Auth;

public static class AuthApi
{
    /// <summary>The caller's scope; OfficerId is the linked Registry officer (null when not linked, and for API clients).</summary>
    public sealed record Me(string Id, string Name, Guid AgencyId, IReadOnlyList<string> Roles, IReadOnlyList<Guid> VisibleAgencies, IReadOnlyList<Guid> WritableAgencies, Guid? OfficerId);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", async (ClaimsPrincipal user, IAccessScopeProvider scopes, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            return TypedResults.Ok(new Me(scope.ActorId, user.FindFirstValue(SanxiangClaims.DisplayName) ?? user.Identity?.Name ?? string.Empty, scope.AgencyId, [.. scope.Roles], [.. scope.Visible], [.. scope.Writable], scope.OfficerId));
        }).RequireAuthorization().WithTags("Auth");
        return app;
    }
}
