using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Reviews.Domain;
using Sanxiang.Reviews.Persistence;

namespace Sanxiang.Reviews.Demo;

/// <summary>
/// The demo market-regulation agency's review pool: its legal unit's reviewer (the demo user reviewer.market, 李秀英,
/// qualified and reviewing since last year; she is also an enforcement officer, so she may not review her own cases)
/// and an external legal advisor. Runs after the demo users (Order 100). Names and numbers are invented.
/// </summary>
internal sealed class ReviewsDemoData(ReviewsDbContext db, IUserDirectory users, IEnforcementDirectory directory, TimeProvider clock) : IDemoDataSeeder
{
    public int Order => 110;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var agency = DemoAgencies.MarketRegulation;
        if (await db.Reviewers.AnyAsync(ct))
        {
            return;
        }

        var reviewerUser = (await users.InAgencyAsync(agency, ct)).FirstOrDefault(u => u.Roles.Contains(Roles.Reviewer));
        var officer = (await directory.OfficersOfAgencyAsync(agency, ct)).FirstOrDefault(o => o.Name == reviewerUser?.DisplayName);
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        if (reviewerUser is not null)
        {
            db.Reviewers.Add(Reviewer.Create(agency, reviewerUser.UserId, reviewerUser.DisplayName, officer?.Id, "A20161101000123", today.AddYears(-1), false, now));
        }

        db.Reviewers.Add(Reviewer.Create(agency, null, "陈律师", null, "A20120305000456", null, true, now));
        await db.SaveChangesAsync(ct);
    }
}
