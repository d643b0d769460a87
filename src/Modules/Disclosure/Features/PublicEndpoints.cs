using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Disclosure.Features;

/// <summary>The open data of published decisions (no sign-in): JSON and CSV pages with the same filters, and an Atom feed.</summary>
internal static class PublicEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/decisions", async ([AsParameters] FilterArgs a, PublicDecisionQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.SearchAsync(a.ToFilter(), 100, ct)));
        api.MapGet("/decisions/{id:guid}", async Task<Results<Ok<PublicDecisionView>, NotFound>> (Guid id, PublicDecisionQueries q, CancellationToken ct) =>
            await q.GetAsync(id, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound());
        api.MapGet("/decisions.csv", async ([AsParameters] FilterArgs a, PublicDecisionQueries q, CancellationToken ct) =>
            TypedResults.File(Csv(await q.SearchAsync(a.ToFilter(), 1000, ct)), "text/csv; charset=utf-8", "decisions.csv"));
        api.MapGet("/decisions.atom", async (PublicDecisionQueries q, IOptions<CaseDocumentOptions> o, CancellationToken ct) =>
            TypedResults.Bytes(Atom(await q.NewestAsync(50, ct), o.Value.PublicBaseUrl.TrimEnd('/')), "application/atom+xml; charset=utf-8"));
    }

    public static void MapAlerts(RouteGroupBuilder api) =>
        api.MapGet("/alerts", async (PublicDecisionQueries q, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await q.AlertsAsync(await s.GetAsync(ct), ct)));

    internal sealed record FilterArgs(string? Q, Guid? AgencyId, string? Region, DecisionCategory? Category, DateOnly? From, DateOnly? To, int? Page, int? PageSize)
    {
        public DecisionFilter ToFilter() => new(Q, AgencyId, Region, Category, From, To, Page, PageSize);
    }

    private static byte[] Csv(PublicDecisionPage page)
    {
        var sb = new StringBuilder("公开编号,执法机关,决定书文号,案号,类别,当事人,统一社会信用代码,处理结果,决定日期,公开日期,状态,行政区划代码,行政区划\r\n");
        foreach (var r in page.Items)
        {
            string[] cells = [r.Id.ToString(), r.AgencyName, r.DecisionNumber ?? string.Empty, r.CaseNumber, r.Category, r.PartyName, r.PartyCreditCode ?? string.Empty, r.Result,
                r.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, r.Withdrawn ? "已撤回" : "已公开",
                r.RegionCode ?? string.Empty, r.RegionName ?? string.Empty];
            sb.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>A CSV cell, quoted; a leading =, +, - or @ is neutralised so spreadsheets do not run it as a formula.</summary>
    private static string Cell(string s)
    {
        var v = s.Length > 0 && "=+-@".Contains(s[0], StringComparison.Ordinal) ? "'" + s : s;
        return "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static byte[] Atom(IReadOnlyList<PublicDecisionView> items, string baseUrl)
    {
        using var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            w.WriteStartElement("feed", ns);
            w.WriteAttributeString("xml", "lang", null, "zh-CN");
            w.WriteElementString("title", ns, "行政执法决定公开");
            w.WriteElementString("id", ns, $"{baseUrl}/Public/Decisions");
            w.WriteElementString("updated", ns, Instant(items.Count > 0 ? items[0].PublishedOn : null));
            w.WriteStartElement("link", ns);
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("href", $"{baseUrl}/api/public/decisions.atom");
            w.WriteEndElement();
            w.WriteStartElement("author", ns);
            w.WriteElementString("name", ns, "行政执法公示");
            w.WriteEndElement();
            foreach (var d in items)
            {
                w.WriteStartElement("entry", ns);
                w.WriteElementString("id", ns, $"urn:uuid:{d.Id}");
                w.WriteElementString("title", ns, $"{d.AgencyName} {d.DecisionNumber ?? d.CaseNumber}");
                w.WriteElementString("updated", ns, Instant(d.PublishedOn));
                w.WriteStartElement("link", ns);
                w.WriteAttributeString("href", $"{baseUrl}/Public/Decisions/{d.Id}");
                w.WriteEndElement();
                w.WriteElementString("summary", ns, $"{d.Category}；当事人：{d.PartyName}；处理结果：{d.Result}；决定日期：{d.DecidedOn:yyyy-MM-dd}");
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        return ms.ToArray();
    }

    private static string Instant(DateOnly? day) =>
        (day ?? new DateOnly(2000, 1, 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+08:00";
}
