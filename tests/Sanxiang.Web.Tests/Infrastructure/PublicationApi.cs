using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Disclosure.Domain;
using Sanxiang.Disclosure.Features;
using Sanxiang.Disclosure.Persistence;
using static Sanxiang.Web.Tests.Infrastructure.CaseApi;

namespace Sanxiang.Web.Tests.Infrastructure;

/// <summary>
/// The steps the publication tests share: a penalty case on SJ-CF-001 taken to its decision through the case API
/// (filing, evidence, notice, waived statement, decision; served on request), the publication job run once, the Ledger
/// integrated, a case's publication row.
/// </summary>
internal static class PublicationApi
{
    public const string Reasons = "依据《食品安全法》第一百二十四条第一款，依法处理";

    /// <summary>A decided case (decided on the clock's day, Monday 2 March 2026 in the tests); texts default to a plain food case.</summary>
    public static async Task<Guid> DecidedAsync(HttpClient officer, HttpClient head, object party, string facts, object penalty, bool serve = false, string reasons = Reasons, string summary = "销售超过保质期的食品", string evidence = "现场检查笔录", string? statement = null)
    {
        var team = new[] { await OfficerIdAsync(officer, "王建国"), await OfficerIdAsync(officer, "李秀英") };
        var power = JsonDocument.Parse(await officer.GetStringAsync("/api/registry/powers?search=SJ-CF-001")).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
        using var created = await officer.PostJsonAsync("/api/cases", new { powerId = power, party, summary, actOn = "2026-02-20", discoveredOn = "2026-02-27", officerIds = team });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadDocumentAsync()).RootElement.GetProperty("id").GetGuid();
        var url = $"/api/cases/{id}";
        await OkAsync(officer, $"{url}/request-filing", new { });
        await OkAsync(head, $"{url}/approve-filing", new { });
        await OkAsync(officer, $"{url}/evidence", new { kind = "书证", description = evidence, collectedOn = "2026-03-02", lawfullyObtained = true });
        await OkAsync(officer, $"{url}/notice", new { penalty, facts, reasons = "违反《食品安全法》第三十四条第十项", servedOn = "2026-03-02" });
        await OkAsync(officer, $"{url}/statement", statement is null ? new { waived = true, on = "2026-03-02" } : new { text = statement, waived = false, on = "2026-03-02" });
        await OkAsync(officer, $"{url}/decision", new { outcome = "Penalty", penalty, facts, reasons });
        if (serve)
        {
            await OkAsync(officer, $"{url}/service", new { method = "Direct", servedOn = "2026-03-02", recipient = "当事人本人" });
        }

        return id;
    }

    /// <summary>A confiscation of this amount: below every review threshold, and outside the fine benchmark of SJ-CF-001 (its smallest fine is 50,000 yuan).</summary>
    public static object Confiscation(long fen) => new { kinds = new[] { "Confiscation" }, confiscationFen = fen, level = "Minor" };

    /// <summary>One run of the publication job (publish, withdraw, alert, expire).</summary>
    public static async Task RunPublicationAsync(SanxiangFactory app)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<PublicationPipeline>().RunAsync();
    }

    public static async Task<Publication?> PublicationOfAsync(SanxiangFactory app, Guid caseId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Publications.AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == caseId);
    }

    /// <summary>Sequences every pending event into the Ledger, so /verify and the proofs find them.</summary>
    public static async Task IntegrateLedgerAsync(SanxiangFactory app)
    {
        var sequencer = app.Services.GetRequiredService<Sanxiang.Ledger.Sequencing.Sequencer>();
        while (await sequencer.IntegrateOnceAsync() > 0)
        {
        }
    }
}
