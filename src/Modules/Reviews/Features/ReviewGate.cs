using Microsoft.EntityFrameworkCore;
using Sanxiang.Cases.Contracts;
using Sanxiang.Reviews.Persistence;

namespace Sanxiang.Reviews.Features;

/// <summary>APL-58's input for the Cases module's decision gate: the proposed decisions of a case that passed review.</summary>
internal sealed class ReviewGate(ReviewsDbContext db) : IReviewGate
{
    public async Task<IReadOnlyCollection<string>> PassedFingerprintsAsync(Guid caseId, CancellationToken ct = default)
    {
        var review = await db.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.CaseId == caseId, ct);
        return review is null ? [] : review.Details.PassedFingerprints;
    }
}
