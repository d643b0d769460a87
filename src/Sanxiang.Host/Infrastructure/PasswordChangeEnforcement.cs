using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Sanxiang.Host.Auth;

namespace Sanxiang.Host.Infrastructure;

/// <summary>
/// SEC-AUTH-1: after an administrator resets a password, the user must change it before anything else. The user carries
/// a claim until they do: pages redirect to /Account/ChangePassword and the API answers 403.
/// </summary>
public sealed class PasswordChangeEnforcement(RequestDelegate next, IProblemDetailsService problems)
{
    public const string Claim = "sanxiang:must_change_password";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.HasClaim(Claim, "1")
            && await AccountStep.RequireAsync(context, problems, "/Account/ChangePassword", "须先修改密码", "管理员已重置您的密码，请先在“修改密码”页面设置新密码（《信息安全技术 网络安全等级保护基本要求》GB/T 22239-2019）"))
        {
            return;
        }

        await next(context);
    }

    public static async Task RequireChangeAsync(UserManager<SanxiangUser> users, SanxiangUser user)
    {
        if (!(await users.GetClaimsAsync(user)).Any(c => c.Type == Claim))
        {
            await users.AddClaimAsync(user, new Claim(Claim, "1"));
        }
    }

    public static async Task ClearAsync(UserManager<SanxiangUser> users, SanxiangUser user)
    {
        foreach (var c in (await users.GetClaimsAsync(user)).Where(c => c.Type == Claim).ToList())
        {
            await users.RemoveClaimAsync(user, c);
        }
    }

    /// <summary>A random temporary password of 16 characters that meets the policy (upper, lower, digit).</summary>
    public static string TemporaryPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789";
        const string all = upper + lower + digits;
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        chars[RandomNumberGenerator.GetInt32(0, 5)] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[RandomNumberGenerator.GetInt32(5, 10)] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[RandomNumberGenerator.GetInt32(10, 16)] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        return new string(chars);
    }
}
