using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Sanxiang.Cases.Contracts;
using Sanxiang.Disclosure.Domain;
using Sanxiang.Disclosure.Persistence;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Features;

/// <summary>
/// The public filters (all optional): words, agency, region, category, decision dates, page. <see cref="Region"/> is a
/// GB/T 2260 code of 2, 4 or 6 digits and takes every division under it (<see cref="AdministrativeDivisions.Prefix"/>:
/// 331100 and 3311 find 331126); publications without a region are never matched by it.
/// </summary>
internal sealed record DecisionFilter(string? Q, Guid? AgencyId, string? Region, DecisionCategory? Category, DateOnly? From, DateOnly? To, int? Page, int? PageSize)
{
    public const int MaxPage = 500;

    public int PageNumber => Math.Clamp(Page ?? 1, 1, MaxPage);

    public int Size(int max) => Math.Clamp(PageSize ?? 20, 1, max);
}

internal sealed record PublicDecisionRow(Guid Id, string AgencyName, string? DecisionNumber, string CaseNumber, string Category, string PartyName, string? PartyCreditCode, string Result, DateOnly DecidedOn, DateOnly? PublishedOn, bool Withdrawn, string? RegionCode, string? RegionName);

/// <summary>
/// A page of decisions; <see cref="Total"/> is exact up to a cap (then <see cref="TotalCapped"/>: "more than"): 1,000
/// for a listing; for a word search the matches up to five pages past this one, at least 100 (counting further would
/// cost more than the page itself, ADR 0017).
/// </summary>
internal sealed record PublicDecisionPage(IReadOnlyList<PublicDecisionRow> Items, int Total, bool TotalCapped, int Page, int PageSize)
{
    public const int CountCap = 1000;

    public static int WordCountCap(int skip, int size) => Math.Max(100, skip + (5 * size));

    public int Pages => Math.Max(TotalCapped ? Page + 1 : 1, (int)Math.Ceiling(Total / (double)PageSize));
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

/// <summary>A region of the filter's list: its code and name (北京市朝阳区（110105）).</summary>
internal sealed record RegionOption(string Code, string Name)
{
    public string Label => $"{Name}（{Code}）";
}

internal sealed record PublicationAlertRow(Guid Id, Guid CaseId, string CaseNumber, string AgencyName, string Kind, string RuleId, DateOnly DueOn, DateOnly AlertOn, string Status);

/// <summary>Reads of the public decisions (list, search, detail, feed) and of the late alerts. Never personal data: the rows hold only masked text.</summary>
internal sealed class PublicDecisionQueries(DisclosureDbContext db, DecisionIndex index, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>The keys of the filter lists in the app's memory cache; the pipeline removes them when it publishes.</summary>
    public static readonly string[] FilterListKeys = ["disclosure.filter.agencies", "disclosure.filter.regions"];

    private IQueryable<Publication> Visible()
    {
        var today = ChinaTime.Today(clock);
        return db.Publications.AsNoTracking().Where(p => (p.Status == PublicationStatus.Published || p.Status == PublicationStatus.Withdrawn) && p.DisplayUntil >= today);
    }

    public async Task<PublicDecisionPage> SearchAsync(DecisionFilter f, int maxPageSize, CancellationToken ct)
    {
        var size = f.Size(maxPageSize);
        var skip = (f.PageNumber - 1) * size;
        string? regionPrefix = null;
        if (!string.IsNullOrWhiteSpace(f.Region))
        {
            regionPrefix = AdministrativeDivisions.Prefix(f.Region) ?? throw new DomainRuleException("GB2260", AdministrativeDivisions.FilterMessage, "region");
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            return await WordSearchAsync(f, regionPrefix, size, skip, ct);
        }

        var query = Visible();
        if (f.AgencyId is { } agency)
        {
            query = query.Where(p => p.AgencyId == agency);
        }

        if (regionPrefix is not null)
        {
            var (first, last) = AdministrativeDivisions.Range(regionPrefix);
            query = query.Where(p => p.RegionCode != null && string.Compare(p.RegionCode, first) >= 0 && string.Compare(p.RegionCode, last) <= 0);
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
        return Page(f, size, rows, total, PublicDecisionPage.CountCap);
    }

    /// <summary>
    /// A search by words (ADR 0017): the index gives the keys of the matches (every term present, newest first, with
    /// the filters) up to the count's cap, which always covers this page; the page's rows are then read by key. A
    /// query of one Han character finds it wherever it stands. A query with nothing to look for (punctuation only)
    /// finds nothing.
    /// </summary>
    private async Task<PublicDecisionPage> WordSearchAsync(DecisionFilter f, string? regionPrefix, int size, int skip, CancellationToken ct)
    {
        var (terms, single) = Bigrams.Query(f.Q);
        if (terms.Count == 0 && single is null)
        {
            return Page(f, size, [], 0, 0);
        }

        var filter = new IndexFilter(ChinaTime.Today(clock), f.AgencyId, regionPrefix, f.Category, f.From, f.To);
        var cap = PublicDecisionPage.WordCountCap(skip, size);
        var matches = await index.KeysAsync(terms, single, filter, cap + 1, ct);
        var total = matches.Count;
        var keys = matches.Skip(skip).Take(size).ToList();
        var rows = keys.Count == 0 ? [] : await Rows(Visible().Where(p => keys.Contains(p.Seq!.Value)).OrderByDescending(p => p.Seq)).ToListAsync(ct);
        return Page(f, size, rows, total, cap);
    }

    private static IQueryable<RowData> Rows(IQueryable<Publication> query) =>
        query.Select(p => new RowData(p.Id, p.AgencyName, p.DecisionNumber, p.CaseNumber, p.Category, p.PartyName, p.PartyCreditCode, p.Result, p.DecidedOn, p.PublishedOn, p.Status, p.RegionCode, p.RegionName));

    private static PublicDecisionPage Page(DecisionFilter f, int size, List<RowData> rows, int total, int cap)
    {
        var items = rows.Select(p => new PublicDecisionRow(p.Id, p.AgencyName, p.DecisionNumber, p.CaseNumber, PublicationLabels.Of(p.Category), p.PartyName, p.PartyCreditCode,
            p.Status == PublicationStatus.Withdrawn ? "（已撤回）" : p.Result, p.DecidedOn, p.PublishedOn, p.Status == PublicationStatus.Withdrawn, p.RegionCode, p.RegionName)).ToList();
        return new PublicDecisionPage(items, Math.Min(total, cap), total > cap, f.PageNumber, size);
    }

    private sealed record RowData(Guid Id, string AgencyName, string? DecisionNumber, string CaseNumber, DecisionCategory Category, string PartyName, string? PartyCreditCode, string Result,
        DateOnly DecidedOn, DateOnly? PublishedOn, PublicationStatus Status, string? RegionCode, string? RegionName);

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

    /// <summary>The agencies that have published decisions (for the filter), kept for ten minutes or until the next publication.</summary>
    public async Task<IReadOnlyList<AgencyOption>> AgenciesAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync(FilterListKeys[0], async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var rows = await db.Publications.AsNoTracking().Where(p => p.Seq != null).Select(p => new { p.AgencyId, p.AgencyName }).Distinct().ToListAsync(ct);
            return (IReadOnlyList<AgencyOption>)[.. rows.Select(r => new AgencyOption(r.AgencyId, r.AgencyName)).OrderBy(a => a.Name, StringComparer.Ordinal)];
        }))!;

    /// <summary>The regions that have published decisions (for the filter), by code; kept as the agencies are.</summary>
    public async Task<IReadOnlyList<RegionOption>> RegionsAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync(FilterListKeys[1], async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var rows = await db.Publications.AsNoTracking().Where(p => p.RegionCode != null && p.Seq != null)
                .GroupBy(p => p.RegionCode!).Select(g => new { Code = g.Key, Name = g.Max(p => p.RegionName) }).ToListAsync(ct);
            return (IReadOnlyList<RegionOption>)[.. rows.Select(r => new RegionOption(r.Code, r.Name ?? r.Code)).OrderBy(r => r.Code, StringComparer.Ordinal)];
        }))!;

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
