using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Host.Auth;

/// <summary>The agency's users for other modules (e.g. the legal-review pool), from the host's user store.</summary>
internal sealed class UserDirectory(UserManager<SanxiangUser> users) : IUserDirectory
{
    public async Task<IReadOnlyList<DirectoryUser>> InAgencyAsync(Guid agencyId, CancellationToken ct = default)
    {
        var list = await users.Users.AsNoTracking().Where(u => u.AgencyId == agencyId).OrderBy(u => u.UserName).ToListAsync(ct);
        var result = new List<DirectoryUser>();
        foreach (var u in list)
        {
            var roles = await users.GetRolesAsync(u);
            result.Add(new DirectoryUser(u.Id.ToString(), u.UserName ?? string.Empty, u.DisplayName, u.AgencyId, [.. roles]));
        }

        return result;
    }
}
