namespace Sanxiang.Host.Auth;

/// <summary>Records sign-in attempts (who, when, from where, outcome) in auth_sign_in_events.</summary>
public sealed class SignInAudit(AuthDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public async Task RecordAsync(string userName, Guid? userId, bool succeeded, string outcome, CancellationToken ct = default)
    {
        // Identity saves its own changes at once; anything still pending here is a change whose save failed (a concurrent
        // sign-in won the concurrency stamp: a user, a spent recovery code's token). It must not be retried with the
        // audit's save, or a code spent by the other request would come back.
        foreach (var stale in db.ChangeTracker.Entries().Where(e => e.State is Microsoft.EntityFrameworkCore.EntityState.Modified or Microsoft.EntityFrameworkCore.EntityState.Added or Microsoft.EntityFrameworkCore.EntityState.Deleted).ToList())
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
