using System.Net;
using System.Text;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// GB118-PUB-5: the previous year's enforcement statistics of every agency — licensing, penalty, coercion, levy,
/// requisition, inspection, zeros shown — published from 1 January without sign-in, with SVG charts and CSV/.xlsx.
/// </summary>
public sealed class PublicReportTests(ClockFactory app) : IClassFixture<ClockFactory>
{
    [Fact]
    public async Task GB118_PUB_5_LastYearsStatistics_ArePublishedFromJanuary_WithChartsAndDownloads_AndZerosShown()
    {
        var client = app.NewClient();

        // The demo cases were decided in 2026 (the test clock's year): the 2026 report is not out until 1 January 2027.
        (await client.GetAsync("/Public/Reports?year=2026")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/public/reports/2026.csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var last = await client.GetStringAsync("/Public/Reports");
        last.ShouldContain("2025 年度行政执法统计");

        app.Clock.MoveTo(new DateOnly(2027, 1, 1));
        var html = await client.GetStringAsync("/Public/Reports");
        html.ShouldContain("2026 年度行政执法统计");
        html.ShouldContain("<svg");
        html.ShouldContain("六类执法行为数量");
        foreach (var category in new[] { "行政许可", "行政处罚", "行政强制", "行政征收", "行政征用", "行政检查" })
        {
            html.ShouldContain($"<th scope=\"col\">{category}</th>");
        }

        html.ShouldContain("安平县市场监督管理局");
        html.ShouldContain("安平县综合行政执法局");
        html.ShouldNotContain("安平县司法局</th>"); // the Justice Bureau supervises; it is not an enforcement agency here

        var csv = await client.GetByteArrayAsync("/api/public/reports/2026.csv");
        var text = Encoding.UTF8.GetString(csv);
        text.ShouldStartWith("\uFEFF执法机关,行政许可,行政处罚");
        var market = text.Split('\n').Single(l => l.StartsWith("安平县市场监督管理局,", StringComparison.Ordinal)).Split(',');
        market[1].ShouldBe("0"); // licensing: zero shown
        int.Parse(market[2], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1); // the demo on-the-spot fine
        var urban = text.Split('\n').Single(l => l.StartsWith("安平县综合行政执法局,", StringComparison.Ordinal)).Split(',');
        urban.Skip(1).Take(3).ShouldAllBe(v => v == "0");
        text.ShouldContain("合计,");

        var xlsx = await client.GetAsync("/api/public/reports/2026.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await xlsx.Content.ReadAsByteArrayAsync())[..2].ShouldBe("PK"u8.ToArray());
        (await client.GetAsync("/api/public/reports/2026.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
