using Microsoft.AspNetCore.Identity;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Host.Auth;

/// <summary>The users an administrator may manage: those of the agencies the scope may write.</summary>
public static class ManagedUsers
{
    /// <summary>The user, when the caller may manage their agency; otherwise 404, exactly as for a missing user (ADR 0005).</summary>
    public static async Task<SanxiangUser> FindManagedAsync(this UserManager<SanxiangUser> users, AccessScope scope, Guid id)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(scope);
        var user = await users.FindByIdAsync(id.ToString());
        return user is not null && scope.CanWrite(user.AgencyId) ? user : throw new NotFoundException();
    }
}
