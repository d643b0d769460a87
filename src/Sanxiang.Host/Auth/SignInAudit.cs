namespace Sanxiang.Host.Auth;

/// <summary>Records sign-in attempts (who, when, from where, outcome) in auth_sign_in_events.</summary>
public sealed class SignInAudit(AuthDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public async Task RecordAsync(string userName, Guid? userId, bool succeeded, string outcome, CancellationToken ct = default)
    {
        db.SignInEvents.Add(new SignInEvent
        {
            At = clock.GetUtcNow(),
            UserName = userName.Length > 256 ? userName[..256] : userName,
            UserId = userId,
            RemoteAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            Succeeded = succeeded,
            Outcome = outcome,
        });
        await db.SaveChangesAsync(ct);
    }
}
