using System.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Sanxiang.Cases.Contracts;
using Sanxiang.Disclosure.Domain;
using Sanxiang.Disclosure.Persistence;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Features;

/// <summary>Options of the Disclosure module (section Disclosure).</summary>
internal sealed class DisclosureOptions
{
    public const string Section = "Disclosure";

    /// <summary>How often the publication pipeline runs (seconds); 0 turns the background run off (tests call it).</summary>
    public int PublishIntervalSeconds { get; set; } = 60;

    /// <summary>GB118-PUB-3: penalty and licensing decisions within 7 working days, others within 20.</summary>
    public int PenaltyWorkingDays { get; set; } = 7;

    public int OtherWorkingDays { get; set; } = 20;

    /// <summary>APL-48: withdrawal within 3 working days of the decision being overturned.</summary>
    public int WithdrawalWorkingDays { get; set; } = 3;

    /// <summary>PUB-RED-4: how long a decision stays in public view (years), for organisations and for natural persons.</summary>
    public int DisplayYearsOrganisation { get; set; } = 3;

    public int DisplayYearsPerson { get; set; } = 1;

    public PublicationRules Rules => new(PenaltyWorkingDays, OtherWorkingDays, WithdrawalWorkingDays, DisplayYearsOrganisation, DisplayYearsPerson);
}

/// <summary>What one run did.</summary>
internal sealed record PipelineReport(int Taken, int Published, int Withdrawn, int Alerts, int Expired);

/// <summary>
/// The publication pipeline (GB118-PUB-3, APL-48, PUB-RED-1..4): reads the decisions that changed from the case
/// engine's feed, takes each in masked, publishes the served ones (indexing their terms), withdraws the overturned ones,
/// raises late alerts and takes expired ones out of the index. One save per step; runs one at a time per process.
/// </summary>
internal sealed class PublicationPipeline(
    DisclosureDbContext db,
    DecisionIndex index,
    ICaseDecisionFeed feed,
    IAgencyDirectory agencies,
    IWorkingDayCalendar calendar,
    IOptions<DisclosureOptions> options,
    IOutputCacheStore cache,
    IMemoryCache memory,
    TimeProvider clock)
{
    private const string CursorName = "cases";
    private const int Batch = 200;

    /// <summary>Changes are re-read this far back: a transaction that committed late with an earlier time is not missed (dedup by case version).</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Re-indexing after a migration: decisions per transaction, and how long one run may keep at it.</summary>
    private const int ReindexBatch = 1000;

    private static readonly TimeSpan ReindexBudget = TimeSpan.FromSeconds(20);

    public async Task<PipelineReport> RunAsync(CancellationToken ct = default)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            var today = ChinaTime.Today(clock);
            var taken = await TakeInAsync(today, ct);
            var published = await PublishAsync(today, ct);
            var withdrawn = await WithdrawAsync(today, ct);
            var alerts = await AlertAsync(today, ct);
            var expired = await ExpireAsync(today, ct);
            var reindexed = await ReindexAsync(today, ct);

            if (published + withdrawn + expired + reindexed > 0)
            {
                // The public lists and open data show the change at once, not when their cached copies expire (ADR 0019).
                await cache.EvictByTagAsync(PublicSite.DecisionsTag, ct);
                Array.ForEach(PublicDecisionQueries.FilterListKeys, memory.Remove);
            }

            return new PipelineReport(taken, published, withdrawn, alerts, expired);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<int> TakeInAsync(DateOnly today, CancellationToken ct)
    {
        var rules = options.Value.Rules;
        var cursor = await db.Cursors.SingleOrDefaultAsync(c => c.Name == CursorName, ct);
        if (cursor is null)
        {
            cursor = new FeedCursor { Name = CursorName, Since = DateTimeOffset.UnixEpoch };
            db.Cursors.Add(cursor);
        }

        // A clock set back (tests, a corrected server clock) reads everything again: versions already taken are skipped.
        var since = cursor.Since > clock.GetUtcNow() ? DateTimeOffset.UnixEpoch : cursor.Since - Overlap;
        var latest = cursor.Since;
        var taken = 0;
        for (var skip = 0; ; skip += Batch)
        {
            var page = await feed.ChangedSinceAsync(since, skip, Batch, ct);
            var ids = page.Select(c => c.CaseId).ToList();
            var existing = await db.Publications.Where(p => ids.Contains(p.CaseId)).ToDictionaryAsync(p => p.CaseId, ct);
            var masks = (await db.ManualMasks.AsNoTracking().Where(m => ids.Contains(m.CaseId)).Select(m => new { m.CaseId, m.Text }).ToListAsync(ct))
                .ToLookup(m => m.CaseId, m => m.Text);
            foreach (var c in page)
            {
                latest = c.UpdatedAt > latest ? c.UpdatedAt : latest;
                if (!existing.TryGetValue(c.CaseId, out var p))
                {
                    var agency = await agencies.FindAsync(c.AgencyId, ct);
                    p = Publication.Take(c, agency, rules, calendar.AddWorkingDays);
                    db.Publications.Add(p);
                    existing[c.CaseId] = p;
                }
                else if (p.SourceVersion >= c.CaseVersion)
                {
                    continue;
                }

                p.Update(c, rules, today, calendar.AddWorkingDays, [.. masks[c.CaseId]]);
                taken++;
            }

            if (page.Count < Batch)
            {
                break;
            }
        }

        cursor.Since = latest;
        await db.SaveChangesAsync(ct);
        return taken;
    }

    private async Task<int> PublishAsync(DateOnly today, CancellationToken ct)
    {
        var due = await db.Publications.Where(p => p.Status == PublicationStatus.Pending && p.ServedOn != null && p.ServedOn <= today).OrderBy(p => p.DecidedOn).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var seq = await db.Publications.MaxAsync(p => p.Seq, ct) ?? 0;
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var published = new List<Publication>();
        foreach (var p in due)
        {
            if (p.PublishIfServed(seq + 1, today, now, options.Value.Rules))
            {
                seq++;
                p.Indexed = true;
                published.Add(p);
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var p in published)
        {
            await index.AddAsync(p, ct);
        }

        await tx.CommitAsync(ct);
        await RememberEventIdsAsync(due, "disclosure.decision.published", (p, id) => p.PublishEventId = id, ct);
        return due.Count;
    }

    private async Task<int> WithdrawAsync(DateOnly today, CancellationToken ct)
    {
        var due = await db.Publications.Where(p => p.Status == PublicationStatus.Published && p.WithdrawalDueOn != null).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var p in due)
        {
            p.WithdrawIfDue(today);
            await Unindex(p, ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await RememberEventIdsAsync(due, "disclosure.decision.withdrawn", (p, id) => p.WithdrawEventId = id, ct);
        return due.Count;
    }

    private async Task<int> AlertAsync(DateOnly today, CancellationToken ct)
    {
        var candidates = await db.Publications
            .Where(p => (p.Status == PublicationStatus.Pending && p.DueOn < today && p.LateAlertOn == null)
                || (p.Status == PublicationStatus.Published && p.WithdrawalDueOn < today && p.LateWithdrawalAlertOn == null))
            .ToListAsync(ct);
        var raised = candidates.Count(p => p.RaiseLateAlerts(today));
        await db.SaveChangesAsync(ct);
        return raised;
    }

    /// <summary>PUB-RED-4: after the display period a decision leaves public view (and the index); the row stays as the archive.</summary>
    private async Task<int> ExpireAsync(DateOnly today, CancellationToken ct)
    {
        var expired = await db.Publications.Where(p => p.Indexed && p.DisplayUntil < today).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var p in expired)
        {
            await Unindex(p, ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return expired.Count;
    }

    /// <summary>
    /// Published decisions in view but not in the word index are indexed: after a migration that rebuilt the index
    /// (disclosure 0003, 0004), or a restore of the publications without it. A batch of <see cref="ReindexBatch"/>; the
    /// run repeats it for up to <see cref="ReindexBudget"/>.
    /// </summary>
    private async Task<int> ReindexAsync(DateOnly today, CancellationToken ct)
    {
        var total = 0;
        var started = Stopwatch.GetTimestamp();
        int batch;
        do
        {
            batch = await ReindexBatchAsync(today, ct);
            total += batch;
            db.ChangeTracker.Clear();
        }
        while (batch == ReindexBatch && Stopwatch.GetElapsedTime(started) < ReindexBudget);

        return total;
    }

    private async Task<int> ReindexBatchAsync(DateOnly today, CancellationToken ct)
    {
        var missing = await db.Publications.Where(p => !p.Indexed && p.Status == PublicationStatus.Published && p.DisplayUntil >= today)
            .OrderBy(p => p.Seq).Take(ReindexBatch).ToListAsync(ct);
        if (missing.Count == 0)
        {
            return 0;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var p in missing)
        {
            await index.AddAsync(p, ct);
            p.Indexed = true;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return missing.Count;
    }

    private async Task Unindex(Publication p, CancellationToken ct)
    {
        if (p.Indexed && p.Seq is { } seq)
        {
            await index.RemoveAsync(seq, ct);
            p.Indexed = false;
        }
    }

    /// <summary>Keeps the outbox event's ID (the Ledger's event ID) with the publication, for the proof link.</summary>
    private async Task RememberEventIdsAsync(List<Publication> publications, string eventType, Action<Publication, Guid> set, CancellationToken ct)
    {
        var events = db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity).Where(o => o.EventType == eventType).ToList();
        foreach (var p in publications)
        {
            if (events.Find(o => o.AggregateId == p.Id) is { } e)
            {
                set(p, e.Id);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
