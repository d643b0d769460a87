using Microsoft.EntityFrameworkCore;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Persistence;

namespace Sanxiang.Cases.Features;

/// <summary>The case engine's yearly counts per agency (GB118-PUB-5), by the day each decision, measure or remedy happened.</summary>
internal sealed class CaseStatistics(CasesDbContext db) : ICaseStatistics
{
    public async Task<IReadOnlyList<AgencyCaseYear>> YearAsync(int year, CancellationToken ct = default)
    {
        // A case of the year was opened in it or up to a few years before (a decision within 90 days, extensions, remedies).
        var since = new DateTimeOffset(year - 3, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime(); // PostgreSQL takes UTC instants only
        var until = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        var cases = await db.Cases.AsNoTracking().Where(c => c.CreatedAt >= since && c.CreatedAt < until).ToListAsync(ct);
        return [.. cases.GroupBy(c => c.AgencyId).Select(g =>
        {
            var details = g.Select(c => c.Details).ToList();
            var decided = details.Select(d => d.Decision).Where(d => d is not null && d.DecidedOn.Year == year).Select(d => d!).ToList();
            var penalties = decided.Where(d => d.Outcome == DecisionOutcome.Penalty).ToList();
            return new AgencyCaseYear(
                g.Key,
                penalties.Count,
                penalties.Sum(d => d.Penalty?.FineFen ?? 0),
                penalties.Sum(d => d.Penalty?.ConfiscationFen ?? 0),
                decided.Count(d => d.Outcome == DecisionOutcome.NoPenalty),
                details.Sum(d => d.Measures.Count(m => m.Kind is MeasureKind.SealUp or MeasureKind.Seizure && m.StartedOn.Year == year)),
                details.Sum(d => d.Remedies.Count(r => r.Kind == RemedyKind.Reconsideration && r.StartedOn.Year == year)),
                details.Sum(d => d.Remedies.Count(r => r.Kind == RemedyKind.Litigation && r.StartedOn.Year == year)));
        }).Where(a => a.Penalties + a.NoPenalties + a.Coercions + a.Reconsiderations + a.Litigations > 0)];
    }
}
