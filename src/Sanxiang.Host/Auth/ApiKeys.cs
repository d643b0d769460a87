using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Host.Auth;

/// <summary>Issues and checks per-client API keys of the form sx_{prefix}_{secret}; only SHA-256(secret) is stored.</summary>
public sealed class ApiKeyService(AuthDbContext db, TimeProvider clock)
{
    public const string Header = "X-Api-Key";

    /// <summary>Creates a key for an agency and returns the full key: it is shown once and never again.</summary>
    public async Task<(ApiClientKey Key, string Secret)> CreateAsync(string name, Guid agencyId, Guid createdBy, CancellationToken ct)
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiClientKey
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Name = name.Trim(),
            AgencyId = agencyId,
            Prefix = prefix,
            SecretHash = Hash(secret),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = createdBy,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return (key, $"sx_{prefix}_{secret}");
    }

    public async Task<ApiClientKey?> ValidateAsync(string presented, CancellationToken ct)
    {
        var parts = presented.Split('_', 3);
        if (parts.Length != 3 || parts[0] != "sx" || parts[1].Length != 12)
        {
            return null;
        }

        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Prefix == parts[1], ct);
        if (key is null || key.RevokedAt is not null)
        {
            return null;
        }

        var ok = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(parts[2])), Encoding.ASCII.GetBytes(key.SecretHash));
        if (!ok)
        {
            return null;
        }

        key.LastUsedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return key;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '-');
}

/// <summary>Authenticates requests that carry an X-Api-Key header as the key's client, with the apiclient role and the key's agency.</summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyService.Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.ValidateAsync(values.ToString(), Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("invalid api key");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, $"apikey:{key.Id}"),
                new Claim(ClaimTypes.Name, key.Name),
                new Claim(ClaimTypes.Role, Roles.ApiClient),
                new Claim(SanxiangClaims.AgencyId, key.AgencyId.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
