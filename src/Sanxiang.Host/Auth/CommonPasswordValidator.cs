using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Sanxiang.Host.Auth;

/// <summary>
/// SEC-AUTH-1 password policy: a password that is one of the 10,000 most common passwords (common-passwords.txt, shipped
/// in the repository; case ignored) is refused, whatever its length and character classes (Password12).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<SanxiangUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static int Count => Common.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<SanxiangUser> manager, SanxiangUser user, string? password) =>
        Task.FromResult(password is not null && Common.Value.Contains(password)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = "该密码属于最常见的一万个密码之一，容易被猜中，请换一个" })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Sanxiang.Host.Auth.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line);
            }
        }

        return set;
    }
}
