using System.Security.Claims;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Host.Auth;

/// <summary>
/// Turns the signed-in principal into an <see cref="AccessScope"/>: officers, reviewers, heads and API
/// clients see their own agency; supervisors (Justice Bureau) see the subtree of the government their bureau
/// belongs to; administrators see and manage their agency's subtree; heads may change their own agency. The user's
/// linked Registry officer (claim sx:officer, absent for API clients) is carried along as the scope's OfficerId.
/// </summary>
public sealed class AccessScopeProvider(IHttpContextAccessor http, IAgencyDirectory agencies) : IAccessScopeProvider
{
    private AccessScope? _scope;

    private string ActorId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "system";

    public async Task<AccessScope> GetAsync(CancellationToken ct = default)
    {
        if (_scope is not null)
        {
            return _scope;
        }

        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(SanxiangClaims.AgencyId), out var agencyId))
        {
            throw new UnauthorizedAccessException();
        }

        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        Guid? officerId = Guid.TryParse(user.FindFirstValue(SanxiangClaims.OfficerId), out var officer) ? officer : null;
        _scope = await ForAsync(agencies, ActorId, agencyId, roles, officerId, ct);
        return _scope;
    }

    public static async Task<AccessScope> ForAsync(IAgencyDirectory agencies, string actorId, Guid agencyId, IReadOnlySet<string> roles, Guid? officerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(roles);
        var visible = new HashSet<Guid> { agencyId };
        var writable = new HashSet<Guid>();
        if (roles.Contains(Roles.Administrator))
        {
            var subtree = await agencies.SubtreeAsync(agencyId, ct);
            visible.UnionWith(subtree);
            writable.UnionWith(subtree);
        }

        if (roles.Contains(Roles.Supervisor))
        {
            var agency = await agencies.FindAsync(agencyId, ct);
            var jurisdiction = agency?.Kind == AgencyKind.JusticeBureau && agency.ParentId is { } parent ? parent : agencyId;
            visible.UnionWith(await agencies.SubtreeAsync(jurisdiction, ct));
        }

        if (roles.Contains(Roles.Head))
        {
            writable.Add(agencyId);
        }

        return new AccessScope(actorId, agencyId, roles, visible, writable, officerId);
    }
}

/// <summary>The actor recorded on outbox events: the signed-in user's ID, "apikey:{id}", or "system".</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor http) : ICurrentActor
{
    public string ActorId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "system";
}
