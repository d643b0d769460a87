using Microsoft.EntityFrameworkCore;
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

/// <summary>A region of the filter's list: its code and name (北京市朝阳区（110105）).</summary>
internal sealed record RegionOption(string Code, string Name)
{
    public string Label => $"{Name}（{Code}）";
}

internal sealed record PublicationAlertRow(Guid Id, Guid CaseId, string CaseNumber, string AgencyName, string Kind, string RuleId, DateOnly DueOn, DateOnly AlertOn, string Status);

/// <summary>Reads of the public decisions (list, search, detail, feed) and of the late alerts. Never personal data: the rows hold only masked text.</summary>
internal sealed class PublicDecisionQueries(DisclosureDbContext db, TimeProvider clock)
{
    private static (DateTimeOffset At, IReadOnlyList<AgencyOption> List)? _agencies;

    private IQueryable<Publication> Visible()
    {
        var today = ChinaTime.Today(clock);
        return db.Publications.AsNoTracking().Where(p => (p.Status == PublicationStatus.Published || p.Status == PublicationStatus.Withdrawn) && p.DisplayUntil >= today);
    }

    public async Task<PublicDecisionPage> SearchAsync(DecisionFilter f, int maxPageSize, CancellationToken ct)
    {
        var visible = Visible();
        if (f.AgencyId is { } agency)
        {
            visible = visible.Where(p => p.AgencyId == agency);
        }

        if (!string.IsNullOrWhiteSpace(f.Region))
        {
            var prefix = AdministrativeDivisions.Prefix(f.Region) ?? throw new DomainRuleException("GB2260", AdministrativeDivisions.FilterMessage, "region");
            var (first, last) = AdministrativeDivisions.Range(prefix);
            visible = visible.Where(p => p.RegionCode != null && string.Compare(p.RegionCode, first) >= 0 && string.Compare(p.RegionCode, last) <= 0);
        }

        if (f.Category is { } category)
        {
            visible = visible.Where(p => p.Category == category);
        }

        if (f.From is { } from)
        {
            visible = visible.Where(p => p.DecidedOn >= from);
        }

        if (f.To is { } to)
        {
            visible = visible.Where(p => p.DecidedOn <= to);
        }

        IQueryable<Publication> query;
        if (string.IsNullOrWhiteSpace(f.Q))
        {
            query = visible.OrderByDescending(p => p.Seq);
        }
        else if (Postings(f.Q) is { } postings)
        {
            query = from s in postings join p in visible on (long?)s equals p.Seq orderby s descending select p;
        }
        else
        {
            query = visible.Where(p => false);
        }

        var size = f.Size(maxPageSize);
        var total = await query.Take(PublicDecisionPage.CountCap + 1).CountAsync(ct);
        var rows = await query.Skip((f.PageNumber - 1) * size).Take(size)
            .Select(p => new { p.Id, p.AgencyName, p.DecisionNumber, p.CaseNumber, p.Category, p.PartyName, p.PartyCreditCode, p.Result, p.DecidedOn, p.PublishedOn, p.Status, p.RegionCode, p.RegionName })
            .ToListAsync(ct);
        var items = rows.Select(p => new PublicDecisionRow(p.Id, p.AgencyName, p.DecisionNumber, p.CaseNumber, PublicationLabels.Of(p.Category), p.PartyName, p.PartyCreditCode,
            p.Status == PublicationStatus.Withdrawn ? "（已撤回）" : p.Result, p.DecidedOn, p.PublishedOn, p.Status == PublicationStatus.Withdrawn, p.RegionCode, p.RegionName)).ToList();
        return new PublicDecisionPage(items, Math.Min(total, PublicDecisionPage.CountCap), total > PublicDecisionPage.CountCap, f.PageNumber, size);
    }

    /// <summary>
    /// The publication keys (Seq) whose terms hold every term of the query, newest first: the first term's postings
    /// (an index range in key order) with an indexed lookup per further term. A query of one Han character looks
    /// for the bigrams that start with it. Null when the query has nothing to look for.
    /// </summary>
    private IQueryable<long>? Postings(string q)
    {
        var (terms, single) = Bigrams.Query(q);
        if (terms.Count > 0)
        {
            var first = terms[0];
            var postings = db.Terms.Where(t => t.Term == first).Select(t => t.Seq);
            foreach (var term in terms.Skip(1))
            {
                postings = postings.Where(s => db.Terms.Any(t => t.Term == term && t.Seq == s));
            }

            return postings;
        }

        if (single is not null)
        {
            var high = ((char)(single[0] + 1)).ToString();
            return db.Terms.Where(t => string.Compare(t.Term, single) >= 0 && string.Compare(t.Term, high) < 0).Select(t => t.Seq).Distinct();
        }

        return null;
    }

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

    /// <summary>
    /// The regions that have published decisions (for the filter), by code. Not cached: the index on region, name and
    /// Seq answers it without reading the publications.
    /// </summary>
    public async Task<IReadOnlyList<RegionOption>> RegionsAsync(CancellationToken ct)
    {
        var rows = await db.Publications.AsNoTracking().Where(p => p.RegionCode != null && p.Seq != null)
            .GroupBy(p => p.RegionCode!).Select(g => new { Code = g.Key, Name = g.Max(p => p.RegionName) }).ToListAsync(ct);
        return [.. rows.Select(r => new RegionOption(r.Code, r.Name ?? r.Code)).OrderBy(r => r.Code, StringComparer.Ordinal)];
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
