using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Host.Auth;

/// <summary>Adds the user's agency, display name and linked officer (when there is one) to the sign-in cookie's principal.</summary>
public sealed class SanxiangClaimsFactory(UserManager<SanxiangUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options, TimeProvider time)
    : UserClaimsPrincipalFactory<SanxiangUser, IdentityRole<Guid>>(users, roles, options)
{
    /// <summary>When the session began (Unix seconds): kept across stamp revalidation, it bounds the session's absolute lifetime.</summary>
    public const string SignedInAt = "sanxiang:signed_in_at";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SanxiangUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SanxiangClaims.AgencyId, user.AgencyId.ToString()));
        identity.AddClaim(new Claim(SanxiangClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(SignedInAt, time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.OfficerId is { } officerId)
        {
            identity.AddClaim(new Claim(SanxiangClaims.OfficerId, officerId.ToString()));
        }

        return identity;
    }
}
