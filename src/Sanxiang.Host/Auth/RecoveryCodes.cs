using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Sanxiang.Host.Auth;

/// <summary>
/// SEC-AUTH-1: one-time recovery codes for a user who lost their authenticator. Ten codes are shown once when the second
/// factor is enrolled (or the user asks for new ones); only their SHA-256 hashes are stored (a user token), and a code is
/// spent when used. Identity's own recovery codes are stored in clear, so they are not used.
/// </summary>
public sealed class RecoveryCodes(UserManager<SanxiangUser> users)
{
    public const int Count = 10;
    private const string Provider = "[Sanxiang]";
    private const string TokenName = "RecoveryCodeHashes";
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>New codes replace the old ones; returns them to show once.</summary>
    public async Task<IReadOnlyList<string>> RenewAsync(SanxiangUser user)
    {
        var codes = Enumerable.Range(0, Count).Select(_ => NewCode()).ToList();
        await users.SetAuthenticationTokenAsync(user, Provider, TokenName, string.Join(';', codes.Select(Hash)));
        return codes;
    }

    public async Task<int> LeftAsync(SanxiangUser user) =>
        (await users.GetAuthenticationTokenAsync(user, Provider, TokenName))?.Split(';', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;

    /// <summary>Spends a code: true if it was one of the user's unused codes. Concurrent uses of one code succeed once.</summary>
    public async Task<bool> RedeemAsync(SanxiangUser user, string? code)
    {
        var normalized = new string([.. (code ?? string.Empty).ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        if (normalized.Length != 10)
        {
            return false;
        }

        var hashes = (await users.GetAuthenticationTokenAsync(user, Provider, TokenName))?.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList() ?? [];
        var hash = Hash(normalized[..5] + "-" + normalized[5..]);
        if (!hashes.Any(h => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(h), Encoding.ASCII.GetBytes(hash))))
        {
            return false;
        }

        hashes.Remove(hash);
        try
        {
            return (await users.SetAuthenticationTokenAsync(user, Provider, TokenName, string.Join(';', hashes))).Succeeded;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            return false;
        }
    }

    private static string NewCode()
    {
        var chars = new char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
    }

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
