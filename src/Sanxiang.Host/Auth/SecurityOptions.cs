using Sanxiang.Kernel.Security;

namespace Sanxiang.Host.Auth;

/// <summary>Bound from "Security". Defaults follow SEC-AUTH-1 (等保 level 3).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Roles that must sign in with TOTP as a second factor (SEC-AUTH-1). Unset means administrators and
    /// supervisors; ["none"] turns the requirement off.
    /// </summary>
    public string[]? RequireTwoFactorForRoles { get; set; }

    public IReadOnlyList<string> TwoFactorRoles => RequireTwoFactorForRoles ?? [Roles.Administrator, Roles.Supervisor];

    public int SessionMinutes { get; set; } = 30;

    public int MaxFailedAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public int PasswordMinLength { get; set; } = 10;

    /// <summary>How often a session's security stamp is rechecked (logout, a password or role change, or disabling ends sessions).</summary>
    public int StampValidationSeconds { get; set; } = 60;

    /// <summary>A session ends this long after its sign-in however active it is (SEC-AUTH-1; 1 to 24 hours).</summary>
    public int AbsoluteSessionHours { get; set; } = 12;

    /// <summary>Sign-in form submissions allowed per client address a minute (0: no limit).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 30;
}
