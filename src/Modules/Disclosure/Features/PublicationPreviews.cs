using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanxiang.Cases.Contracts;
using Sanxiang.Disclosure.Domain;
using Sanxiang.Disclosure.Persistence;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Features;

/// <summary>
/// The case page's "将公开为" (PUB-RED-2): a decided case's texts masked as they will be published, and the head's
/// manual masks. A mask is one save (the mask, its ledgered event and the pending publication masked again); the
/// pipeline publishes on time either way.
/// </summary>
internal sealed class PublicationPreviews(
    DisclosureDbContext db,
    ICaseDecisionFeed feed,
    IWorkingDayCalendar calendar,
    IOptions<DisclosureOptions> options,
    TimeProvider clock) : IPublicationPreview
{
    public async Task<PublicationPreview?> PreviewAsync(AccessScope scope, Guid caseId, CancellationToken ct = default)
    {
        var c = await feed.GetAsync(caseId, ct);
        if (c is null || !scope.CanSee(c.AgencyId))
        {
            return null;
        }

        var masks = await MasksAsync(caseId, ct);
        var p = await db.Publications.AsNoTracking().SingleOrDefaultAsync(x => x.CaseId == caseId, ct);
        var r = Redaction.For(c, masks);
        var status = p?.Status ?? PublicationStatus.Pending;
        return new PublicationPreview(
            PublicationLabels.Of(status),
            status == PublicationStatus.Pending ? p?.DueOn : null,
            p?.WithheldRule,
            c.Party.Name,
            r.Mask(c.Facts),
            r.Mask(c.Reasons),
            r.Mask(c.LegalBasis),
            r.Mask(c.Result),
            masks.Count,
            CanMask(scope, c) && status == PublicationStatus.Pending);
    }

    public async Task AddMaskAsync(AccessScope scope, Guid caseId, string text, CancellationToken ct = default)
    {
        var c = await feed.GetAsync(caseId, ct);
        if (c is null || !scope.CanSee(c.AgencyId))
        {
            throw new NotFoundException();
        }

        if (!CanMask(scope, c))
        {
            throw new ForbiddenException("只有本机关负责人才能在公开前增加遮蔽");
        }

        var p = await db.Publications.SingleOrDefaultAsync(x => x.CaseId == caseId, ct);
        if (p is not null && p.Status != PublicationStatus.Pending)
        {
            throw new DomainRuleException("PUB-RED-2", "该决定已公开或不予公开，不能再增加遮蔽", "Text");
        }

        var mask = ManualMask.Add(caseId, c.AgencyId, text, Redaction.PublishedTexts(c), scope.ActorId, clock.GetUtcNow());
        db.ManualMasks.Add(mask);
        p?.Update(c, options.Value.Rules, ChinaTime.Today(clock), calendar.AddWorkingDays, [.. await MasksAsync(caseId, ct), mask.Text]);
        await db.SaveChangesAsync(ct);
    }

    private static bool CanMask(AccessScope scope, DecidedCase c) => scope.IsInRole(Roles.Head) && scope.AgencyId == c.AgencyId;

    private async Task<List<string>> MasksAsync(Guid caseId, CancellationToken ct) =>
        await db.ManualMasks.AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.AddedAt).Select(m => m.Text).ToListAsync(ct);
}
