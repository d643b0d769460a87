namespace Sanxiang.Host.Auth;

/// <summary>Records sign-in attempts (who, when, from where, outcome) in auth_sign_in_events.</summary>
public sealed class SignInAudit(AuthDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public async Task RecordAsync(string userName, Guid? userId, bool succeeded, string outcome, CancellationToken ct = default)
    {
        // Identity saves its own changes at once; a user change still pending here is one whose save failed (a concurrent
        // sign-in won the concurrency stamp). It must not be retried with the audit's save.
        foreach (var stale in db.ChangeTracker.Entries<SanxiangUser>().Where(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Modified).ToList())
        {
            stale.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }

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
