using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Sanxiang.Cases.Contracts;
using Sanxiang.Documents.Tabular;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Features;

/// <summary>One agency's line of the annual report: the six categories of GB118-PUB-5 (zeros where none) and more.</summary>
internal sealed record AnnualReportRow(
    Guid AgencyId,
    string Agency,
    int Licensing,
    int Penalties,
    long FinesFen,
    long ConfiscationsFen,
    int Coercion,
    int Levy,
    int Requisition,
    int Inspection,
    int NoPenalties,
    int Reconsiderations,
    int Litigations);

/// <summary>The annual enforcement statistics of a year, published on 1 January of the next (GB118-PUB-5: by 31 January).</summary>
internal sealed record AnnualReport(int Year, DateOnly PublishedOn, IReadOnlyList<AnnualReportRow> Rows)
{
    public AnnualReportRow Total => new(
        Guid.Empty, "合计", Rows.Sum(r => r.Licensing), Rows.Sum(r => r.Penalties), Rows.Sum(r => r.FinesFen), Rows.Sum(r => r.ConfiscationsFen),
        Rows.Sum(r => r.Coercion), Rows.Sum(r => r.Levy), Rows.Sum(r => r.Requisition), Rows.Sum(r => r.Inspection), Rows.Sum(r => r.NoPenalties),
        Rows.Sum(r => r.Reconsiderations), Rows.Sum(r => r.Litigations));
}

/// <summary>
/// GB118-PUB-5: each enforcement agency's statistics of the previous year — licensing, penalty, coercion, levy,
/// requisition, inspection, zeros shown — compiled automatically from the case engine and published from 1 January
/// (the deadline is 31 January). Licensing, levy, requisition and inspection are not yet handled by Sanxiang: they are
/// shown as 0 and the report says so. Downloads as CSV and .xlsx; the charts are SVG drawn here.
/// </summary>
internal sealed class AnnualReports(ICaseStatistics statistics, IAgencyDirectory agencies, IMemoryCache cache, TimeProvider clock)
{
    public static readonly string[] Headers = ["执法机关", "行政许可", "行政处罚", "罚款（元）", "没收（元）", "行政强制", "行政征收", "行政征用", "行政检查", "不予处罚", "行政复议", "行政诉讼"];

    /// <summary>The latest year whose report is published (the previous calendar year, China time).</summary>
    public int LatestYear => ChinaTime.Today(clock).Year - 1;

    /// <summary>The report of <paramref name="year"/>, or null while the year has not ended (nothing to publish yet).</summary>
    public async Task<AnnualReport?> ForYearAsync(int year, CancellationToken ct)
    {
        if (year > LatestYear || year < 2000)
        {
            return null;
        }

        // A past year's figures hardly change, and the page is public: compile once an hour, not per request.
        return await cache.GetOrCreateAsync(("annual-report", year), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
            return await CompileAsync(year, ct);
        });
    }

    private async Task<AnnualReport> CompileAsync(int year, CancellationToken ct)
    {
        var counts = (await statistics.YearAsync(year, ct)).ToDictionary(c => c.AgencyId);
        var rows = (await agencies.AllAsync(ct))
            .Where(a => a.Kind is not (AgencyKind.Government or AgencyKind.JusticeBureau))
            .Select(a =>
            {
                var c = counts.GetValueOrDefault(a.Id) ?? new AgencyCaseYear(a.Id, 0, 0, 0, 0, 0, 0, 0);
                return new AnnualReportRow(a.Id, a.Name, 0, c.Penalties, c.FinesFen, c.ConfiscationsFen, c.Coercions, 0, 0, 0, c.NoPenalties, c.Reconsiderations, c.Litigations);
            })
            .ToList();
        return new AnnualReport(year, new DateOnly(year + 1, 1, 1), rows);
    }

    public static IReadOnlyList<object?> Cells(AnnualReportRow r) =>
        [r.Agency, r.Licensing, r.Penalties, Yuan(r.FinesFen), Yuan(r.ConfiscationsFen), r.Coercion, r.Levy, r.Requisition, r.Inspection, r.NoPenalties, r.Reconsiderations, r.Litigations];

    public static byte[] Download(AnnualReport report, TabularFormat format) =>
        TabularWriter.Write(format, $"{report.Year}年度", Headers, report.Rows.Append(report.Total).Select(Cells));

    public static string Yuan(long fen) => (fen / 100m).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A horizontal bar chart (SVG, with a title and a text label on every bar for screen readers and print).</summary>
    public static string BarChart(string title, IReadOnlyList<(string Label, long Value)> bars, string unit)
    {
        const int labelWidth = 220, barWidth = 420, rowHeight = 28, top = 8;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var height = top + (bars.Count * rowHeight) + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {labelWidth + barWidth + 90} {height}\" width=\"100%\" aria-label=\"{WebUtility.HtmlEncode(title)}\"><title>{WebUtility.HtmlEncode(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = top + (i * rowHeight);
            var w = (int)Math.Round(barWidth * (double)value / max);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 18}\" text-anchor=\"end\" font-size=\"14\" fill=\"#1f2933\">{WebUtility.HtmlEncode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{Math.Max(w, 1)}\" height=\"{rowHeight - 10}\" fill=\"#1d3f73\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + Math.Max(w, 1) + 6}\" y=\"{y + 18}\" font-size=\"14\" fill=\"#1f2933\">{value.ToString("N0", CultureInfo.InvariantCulture)}{WebUtility.HtmlEncode(unit)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }
}
