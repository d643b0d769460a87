using Microsoft.AspNetCore.Identity;

namespace Sanxiang.Host.Auth;

/// <summary>A person who signs in. Every user belongs to one agency; roles say what they may do there.</summary>
public sealed class SanxiangUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public Guid AgencyId { get; set; }

    /// <summary>
    /// The Registry officer this user is (an officer of <see cref="AgencyId"/>), linked by an administrator; null
    /// for users who are not enforcement officers. Case teams are made of officers, so this is how a user is
    /// recognised as a member of a case team (a party's personal data, docs/decisions/0012).
    /// </summary>
    public Guid? OfficerId { get; set; }

    /// <summary>The last TOTP time step accepted, so a code cannot be used twice (RFC 6238 §5.2).</summary>
    public long LastTotpStep { get; set; }
}

/// <summary>A sign-in attempt (SEC-AUTH-1 audit, kept ≥ 6 months per SEC-LOG-1). The IP address is stored here, never logged.</summary>
public sealed class SignInEvent
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string UserName { get; set; } = string.Empty;

    public Guid? UserId { get; set; }

    public string? RemoteAddress { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>password-ok, needs-2fa, 2fa-ok, bad-password, bad-code, locked-out, unknown-user, signed-out.</summary>
    public string Outcome { get; set; } = string.Empty;
}

/// <summary>
/// An API client (docking station, another government system) scoped to one agency. Only the SHA-256 of
/// the secret is stored; the key is shown once when created.
/// </summary>
public sealed class ApiClientKey
{
    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public Guid AgencyId { get; set; }

    /// <summary>Public lookup part of the key (sx_{Prefix}_{secret}).</summary>
    public string Prefix { get; set; } = string.Empty;

    public string SecretHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public Guid CreatedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
