using Microsoft.EntityFrameworkCore;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Reviews.Persistence;

/// <summary>Review numbers (安平市监法审〔2026〕3号) and opinion numbers per agency and year; saved with the review.</summary>
internal sealed class ReviewNumbering(ReviewsDbContext db, IAgencyDirectory agencies)
{
    public async Task<string> NumberAsync(Guid agencyId, int year, string kind, CancellationToken ct)
    {
        var counter = db.Counters.Local.FirstOrDefault(c => c.AgencyId == agencyId && c.Year == year && c.Kind == kind)
            ?? await db.Counters.SingleOrDefaultAsync(c => c.AgencyId == agencyId && c.Year == year && c.Kind == kind, ct);
        if (counter is null)
        {
            counter = new ReviewCounter { AgencyId = agencyId, Year = year, Kind = kind };
            db.Counters.Add(counter);
        }

        counter.Last++;
        var agency = await agencies.FindAsync(agencyId, ct);
        return $"{AgencyAbbreviation.Of(agency)}{kind}〔{year}〕{counter.Last}号";
    }
}
