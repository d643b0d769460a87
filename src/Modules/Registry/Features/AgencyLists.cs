using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry.Features;

/// <summary>
/// What the per-agency lists an agency publishes (the review catalog, the recording-required list) share: who may see
/// and change them, and the save that creates the row on the first edit.
/// </summary>
internal static class AgencyLists
{
    /// <summary>The agency's name; 404 when it does not exist or is outside the caller's scope (ADR 0005).</summary>
    public static async Task<string> VisibleAgencyNameAsync(RegistryDbContext db, AccessScope scope, Guid agencyId, CancellationToken ct)
    {
        if (!scope.CanSee(agencyId))
        {
            throw new NotFoundException();
        }

        return await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
    }

    /// <summary>404 out of scope; AUTH-ROLE unless the caller is the agency's head or an administrator over it.</summary>
    public static async Task RequireWritableAsync(RegistryDbContext db, AccessScope scope, Guid agencyId, string what, CancellationToken ct)
    {
        await VisibleAgencyNameAsync(db, scope, agencyId, ct);
        if (!scope.CanWrite(agencyId))
        {
            throw new DomainRuleException("AUTH-ROLE", $"您没有维护该机构{what}的权限（须为本机构负责人或系统管理员）");
        }
    }

    /// <summary>
    /// Saves a list with its events; nothing when it raised none (an edit to the same values, a reset of a list already at
    /// the defaults). A stale version, or two first edits of the same agency's list at once (the key lets one win), is CONCURRENCY.
    /// </summary>
    public static async Task SaveAsync(RegistryDbContext db, object list, int events, Action add, string what, CancellationToken ct)
    {
        if (events == 0)
        {
            return;
        }

        if (db.Entry(list).State == EntityState.Detached)
        {
            add();
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || db.Entry(list).State == EntityState.Added)
        {
            throw new DomainRuleException("CONCURRENCY", $"{what}已被他人修改，请刷新后再试");
        }
    }
}
