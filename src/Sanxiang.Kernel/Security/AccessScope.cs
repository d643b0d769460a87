namespace Sanxiang.Kernel.Security;

/// <summary>
/// What the current principal may see and change, as sets of agency IDs. Every module query filters by
/// <see cref="Visible"/>; an object outside it is reported as not found (404), never as forbidden.
/// <see cref="OfficerId"/> is the Registry officer the signed-in user is (null for API clients and for users
/// an administrator has not linked to an officer): modules use it to tell a case team member from a colleague.
/// </summary>
public sealed record AccessScope(
    string ActorId,
    Guid AgencyId,
    IReadOnlySet<string> Roles,
    IReadOnlySet<Guid> Visible,
    IReadOnlySet<Guid> Writable,
    Guid? OfficerId = null)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public bool CanSee(Guid agencyId) => Visible.Contains(agencyId);

    public bool CanWrite(Guid agencyId) => Writable.Contains(agencyId);

    /// <summary>Refuses (403, in Chinese, naming the roles) unless the principal holds one of <paramref name="roles"/>.</summary>
    public void RequireAnyRole(params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (!roles.Any(IsInRole))
        {
            throw new Domain.ForbiddenException($"此操作须由{string.Join("或", roles.Select(Security.Roles.Label))}办理");
        }
    }
}

public interface IAccessScopeProvider
{
    /// <summary>The scope of the current request's principal; throws when nobody is signed in.</summary>
    Task<AccessScope> GetAsync(CancellationToken ct = default);
}
