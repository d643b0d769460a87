using Microsoft.EntityFrameworkCore;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Persistence;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Cases.Features;

/// <summary>Cases as other modules refer to them: scope-filtered, without personal data.</summary>
internal sealed class CaseLookup(CasesDbContext db) : ICaseLookup
{
    public async Task<CaseRef?> FindAsync(AccessScope scope, Guid caseId, CancellationToken ct = default) =>
        (await FindManyAsync(scope, [caseId], ct)).GetValueOrDefault(caseId);

    public async Task<IReadOnlyDictionary<Guid, CaseRef>> FindManyAsync(AccessScope scope, IReadOnlyCollection<Guid> caseIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var ids = caseIds.Distinct().ToList();
        var rows = await db.Cases.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.AgencyId, x.Number, x.Stage, x.TeamOfficers }).ToListAsync(ct);
        return rows.Where(r => scope.CanSee(r.AgencyId)).ToDictionary(
            r => r.Id,
            r => new CaseRef(r.Id, r.AgencyId, r.Number, r.Stage, PartyDataRule.TeamOf(r.TeamOfficers), PartyDataRule.SeesInFull(scope, r.AgencyId, r.TeamOfficers)));
    }
}
