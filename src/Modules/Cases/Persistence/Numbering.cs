using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Cases.Persistence;

/// <summary>
/// Numbers per agency and year: case numbers (安平市监立〔2026〕12号), summary-procedure forms and payment
/// references. The counter row is updated in the same save as the case, guarded by its concurrency token.
/// </summary>
internal sealed class Numbering(CasesDbContext db, IAgencyDirectory agencies)
{
    public async Task<long> NextAsync(Guid agencyId, int year, string kind, CancellationToken ct)
    {
        var counter = db.Counters.Local.FirstOrDefault(c => c.AgencyId == agencyId && c.Year == year && c.Kind == kind)
            ?? await db.Counters.SingleOrDefaultAsync(c => c.AgencyId == agencyId && c.Year == year && c.Kind == kind, ct);
        if (counter is null)
        {
            counter = new NumberCounter { AgencyId = agencyId, Year = year, Kind = kind };
            db.Counters.Add(counter);
        }

        counter.Last++;
        return counter.Last;
    }

    /// <summary>文号 such as 安平市监罚〔2026〕12号: agency abbreviation, kind character, year in 〔〕, number.</summary>
    public async Task<string> DocumentNumberAsync(Guid agencyId, int year, string kind, CancellationToken ct)
    {
        var n = await NextAsync(agencyId, year, kind, ct);
        var agency = await agencies.FindAsync(agencyId, ct);
        return $"{AgencyAbbreviation.Of(agency)}{kind}〔{year}〕{n}号";
    }

    /// <summary>The payment notice's reference, matched against bank statements: FK + year + agency + sequence.</summary>
    public async Task<string> PaymentReferenceAsync(Guid agencyId, int year, CancellationToken ct)
    {
        var n = await NextAsync(agencyId, year, "缴", ct);
        var agency = agencyId.ToString("N", CultureInfo.InvariantCulture)[^6..].ToUpperInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"FK{year}{agency}{n:D6}");
    }
}
