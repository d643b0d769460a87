using Microsoft.AspNetCore.Identity;

namespace Sanxiang.Host.Auth;

/// <summary>SEC-AUTH-1 password policy: a password must not contain the user's name (case-insensitive).</summary>
public sealed class UserNamePasswordValidator : IPasswordValidator<SanxiangUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<SanxiangUser> manager, SanxiangUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.UserName ?? string.Empty;
        return Task.FromResult(name.Length >= 3 && (password ?? string.Empty).Contains(name, StringComparison.OrdinalIgnoreCase)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsUserName", Description = "密码不得包含用户名" })
            : IdentityResult.Success);
    }
}
