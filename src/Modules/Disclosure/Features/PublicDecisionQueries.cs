using Microsoft.EntityFrameworkCore;
using Sanxiang.Cases.Contracts;
using Sanxiang.Disclosure.Domain;
using Sanxiang.Disclosure.Persistence;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Disclosure.Features;

/// <summary>The public filters (all optional): words, agency, category, decision dates, page.</summary>
internal sealed record DecisionFilter(string? Q, Guid? AgencyId, DecisionCategory? Category, DateOnly? From, DateOnly? To, int? Page, int? PageSize)
{
    public const int MaxPage = 500;

    public int PageNumber => Math.Clamp(Page ?? 1, 1, MaxPage);

    public int Size(int max) => Math.Clamp(PageSize ?? 20, 1, max);
}

internal sealed record PublicDecisionRow(Guid Id, string AgencyName, string? DecisionNumber, string CaseNumber, string Category, string PartyName, string? PartyCreditCode, string Result, DateOnly DecidedOn, DateOnly? PublishedOn, bool Withdrawn);

/// <summary>A page of decisions; <see cref="Total"/> is exact up to <see cref="CountCap"/> (then <see cref="TotalCapped"/>).</summary>
internal sealed record PublicDecisionPage(IReadOnlyList<PublicDecisionRow> Items, int Total, bool TotalCapped, int Page, int PageSize)
{
    public const int CountCap = 1000;

    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

/// <summary>A published decision as the public sees it; a withdrawn one keeps only its notice (APL-48).</summary>
internal sealed record PublicDecisionView(
    Guid Id,
    string AgencyName,
    string? DecisionNumber,
    string CaseNumber,
    string Category,
    string PartyKind,
    string PartyName,
    string? PartyCreditCode,
    string? PowerName,
    string? Facts,
    string? Reasons,
    string? LegalBasis,
    string? Result,
    DateOnly DecidedOn,
    DateOnly? PublishedOn,
    string? Sha256,
    Guid? EventId,
    bool Withdrawn,
    DateOnly? WithdrawnOn,
    string? WithdrawalReason,
    string? WithdrawalSha256,
    Guid? WithdrawalEventId);

internal sealed record AgencyOption(Guid Id, string Name);

internal sealed record PublicationAlertRow(Guid Id, Guid CaseId, string CaseNumber, string AgencyName, string Kind, string RuleId, DateOnly DueOn, DateOnly AlertOn, string Status);

/// <summary>Reads of the public decisions (list, search, detail, feed) and of the late alerts. Never personal data: the rows hold only masked text.</summary>
internal sealed class PublicDecisionQueries(DisclosureDbContext db, DecisionIndex index, TimeProvider clock)
{
    private static (DateTimeOffset At, IReadOnlyList<AgencyOption> List)? _agencies;

    private IQueryable<Publication> Visible()
    {
        var today = ChinaTime.Today(clock);
        return db.Publications.AsNoTracking().Where(p => (p.Status == PublicationStatus.Published || p.Status == PublicationStatus.Withdrawn) && p.DisplayUntil >= today);
    }

    public async Task<PublicDecisionPage> SearchAsync(DecisionFilter f, int maxPageSize, CancellationToken ct)
    {
        var size = f.Size(maxPageSize);
        var skip = (f.PageNumber - 1) * size;
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            return await WordSearchAsync(f, size, skip, ct);
        }

        var query = Visible();
        if (f.AgencyId is { } agency)
        {
            query = query.Where(p => p.AgencyId == agency);
        }

        if (f.Category is { } category)
        {
            query = query.Where(p => p.Category == category);
        }

        if (f.From is { } from)
        {
            query = query.Where(p => p.DecidedOn >= from);
        }

        if (f.To is { } to)
        {
            query = query.Where(p => p.DecidedOn <= to);
        }

        query = query.OrderByDescending(p => p.Seq);
        var total = await query.Take(PublicDecisionPage.CountCap + 1).CountAsync(ct);
        var rows = await Rows(query.Skip(skip).Take(size)).ToListAsync(ct);
        return Page(f, size, rows, total);
    }

    /// <summary>
    /// A search by words (ADR 0017): the index gives the page's keys (every term present, newest first, with the
    /// filters); the rows are then read by key. A query of one Han character finds the bigrams it starts. A query
    /// with nothing to look for (punctuation only) finds nothing.
    /// </summary>
    private async Task<PublicDecisionPage> WordSearchAsync(DecisionFilter f, int size, int skip, CancellationToken ct)
    {
        var (terms, single) = Bigrams.Query(f.Q);
        if (terms.Count == 0 && single is null)
        {
            return Page(f, size, [], 0);
        }

        var filter = new IndexFilter(ChinaTime.Today(clock), f.AgencyId, f.Category, f.From, f.To);
        var total = await index.CountAsync(terms, single, filter, PublicDecisionPage.CountCap + 1, ct);
        var keys = total == 0 ? [] : await index.PageAsync(terms, single, filter, skip, size, ct);
        var rows = keys.Count == 0 ? [] : await Rows(Visible().Where(p => keys.Contains(p.Seq!.Value)).OrderByDescending(p => p.Seq)).ToListAsync(ct);
        return Page(f, size, rows, total);
    }

    private static IQueryable<RowData> Rows(IQueryable<Publication> query) =>
        query.Select(p => new RowData(p.Id, p.AgencyName, p.DecisionNumber, p.CaseNumber, p.Category, p.PartyName, p.PartyCreditCode, p.Result, p.DecidedOn, p.PublishedOn, p.Status));

    private static PublicDecisionPage Page(DecisionFilter f, int size, List<RowData> rows, int total)
    {
        var items = rows.Select(p => new PublicDecisionRow(p.Id, p.AgencyName, p.DecisionNumber, p.CaseNumber, PublicationLabels.Of(p.Category), p.PartyName, p.PartyCreditCode,
            p.Status == PublicationStatus.Withdrawn ? "（已撤回）" : p.Result, p.DecidedOn, p.PublishedOn, p.Status == PublicationStatus.Withdrawn)).ToList();
        return new PublicDecisionPage(items, Math.Min(total, PublicDecisionPage.CountCap), total > PublicDecisionPage.CountCap, f.PageNumber, size);
    }

    private sealed record RowData(Guid Id, string AgencyName, string? DecisionNumber, string CaseNumber, DecisionCategory Category, string PartyName, string? PartyCreditCode, string Result,
        DateOnly DecidedOn, DateOnly? PublishedOn, PublicationStatus Status);

    public async Task<PublicDecisionView?> GetAsync(Guid id, CancellationToken ct)
    {
        var p = await Visible().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return null;
        }

        var w = p.Status == PublicationStatus.Withdrawn;
        return new PublicDecisionView(p.Id, p.AgencyName, p.DecisionNumber, p.CaseNumber, PublicationLabels.Of(p.Category), CaseLabels.Of(p.PartyKind), p.PartyName, p.PartyCreditCode,
            w ? null : p.PowerName, w ? null : p.Facts, w ? null : p.Reasons, w ? null : p.LegalBasis, w ? null : p.Result, p.DecidedOn, p.PublishedOn, p.Sha256, p.PublishEventId,
            w, p.WithdrawnOn, p.WithdrawalReason, p.WithdrawalSha256, p.WithdrawEventId);
    }

    /// <summary>The newest publications for the Atom feed.</summary>
    public async Task<IReadOnlyList<PublicDecisionView>> NewestAsync(int count, CancellationToken ct)
    {
        var ids = await Visible().Where(p => p.Status == PublicationStatus.Published).OrderByDescending(p => p.Seq).Take(count).Select(p => p.Id).ToListAsync(ct);
        var list = new List<PublicDecisionView>();
        foreach (var id in ids)
        {
            list.Add((await GetAsync(id, ct))!);
        }

        return list;
    }

    /// <summary>The agencies that have published decisions (for the filter), kept for ten minutes.</summary>
    public async Task<IReadOnlyList<AgencyOption>> AgenciesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_agencies is { } cached && cached.At > now.AddMinutes(-10) && cached.At <= now)
        {
            return cached.List;
        }

        var rows = await db.Publications.AsNoTracking().Where(p => p.Seq != null).Select(p => new { p.AgencyId, p.AgencyName }).Distinct().ToListAsync(ct);
        var list = rows.Select(r => new AgencyOption(r.AgencyId, r.AgencyName)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        _agencies = (now, list);
        return list;
    }

    /// <summary>Late publications and late withdrawals (GB118-PUB-3, APL-48) of the agencies the caller sees, newest first.</summary>
    public async Task<IReadOnlyList<PublicationAlertRow>> AlertsAsync(AccessScope scope, CancellationToken ct)
    {
        var visible = scope.Visible.ToList();
        var rows = await db.Publications.AsNoTracking()
            .Where(p => (p.LateAlertOn != null || p.LateWithdrawalAlertOn != null) && visible.Contains(p.AgencyId))
            .Select(p => new { p.Id, p.CaseId, p.CaseNumber, p.AgencyName, p.DueOn, p.LateAlertOn, p.WithdrawalDueOn, p.LateWithdrawalAlertOn, p.Status })
            .ToListAsync(ct);
        var list = new List<PublicationAlertRow>();
        foreach (var r in rows)
        {
            if (r.LateAlertOn is { } late)
            {
                list.Add(new PublicationAlertRow(r.Id, r.CaseId, r.CaseNumber, r.AgencyName, "逾期公开", "GB118-PUB-3", r.DueOn, late, PublicationLabels.Of(r.Status)));
            }

            if (r.LateWithdrawalAlertOn is { } lateW)
            {
                list.Add(new PublicationAlertRow(r.Id, r.CaseId, r.CaseNumber, r.AgencyName, "逾期撤回", "APL-48", r.WithdrawalDueOn!.Value, lateW, PublicationLabels.Of(r.Status)));
            }
        }

        return [.. list.OrderByDescending(a => a.AlertOn)];
    }
}
