using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Disclosure.Features;
using static Sanxiang.Web.Tests.Infrastructure.CaseApi;

namespace Sanxiang.Web.Tests.Infrastructure;

/// <summary>What the publication tests share: a penalty decided on Monday 2 March 2026 under SJ-CF-001 by the market agency's team, and a run of the pipeline.</summary>
public static class Publishing
{
    /// <summary>A case filed, evidenced, noticed and decided with this penalty (and served on the same day when <paramref name="serve"/>).</summary>
    public static async Task<Guid> DecidedAsync(HttpClient officer, HttpClient head, object party, string facts, object penalty, bool serve = false)
    {
        var team = new[] { await OfficerIdAsync(officer, "王建国"), await OfficerIdAsync(officer, "李秀英") };
        var power = JsonDocument.Parse(await officer.GetStringAsync("/api/registry/powers?search=SJ-CF-001")).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
        using var created = await officer.PostJsonAsync("/api/cases", new { powerId = power, party, summary = "销售超过保质期的食品", actOn = "2026-02-20", discoveredOn = "2026-02-27", officerIds = team });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadDocumentAsync()).RootElement.GetProperty("id").GetGuid();
        var url = $"/api/cases/{id}";
        await OkAsync(officer, $"{url}/request-filing", new { });
        await OkAsync(head, $"{url}/approve-filing", new { });
        await OkAsync(officer, $"{url}/evidence", new { kind = "书证", description = "现场检查笔录", collectedOn = "2026-03-02", lawfullyObtained = true });
        await OkAsync(officer, $"{url}/notice", new { penalty, facts, reasons = "违反《食品安全法》第三十四条第十项", servedOn = "2026-03-02" });
        await OkAsync(officer, $"{url}/statement", new { waived = true, on = "2026-03-02" });
        await OkAsync(officer, $"{url}/decision", new { outcome = "Penalty", penalty, facts, reasons = "依据《食品安全法》第一百二十四条第一款，依法处理" });
        if (serve)
        {
            await OkAsync(officer, $"{url}/service", new { method = "Direct", servedOn = "2026-03-02", recipient = "当事人本人" });
        }

        return id;
    }

    /// <summary>One run of the publication pipeline (take in, publish, withdraw, alert, expire).</summary>
    public static async Task RunPipelineAsync(SanxiangFactory app)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<PublicationPipeline>().RunAsync();
    }
}
