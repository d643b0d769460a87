using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Cases.Persistence;
using Sanxiang.Web.Tests.Infrastructure;
using static Sanxiang.Web.Tests.Infrastructure.CaseApi;

namespace Sanxiang.Web.Tests;

/// <summary>
/// Instalment payment of a fine (APL-66) over HTTP: a fine of 60,000 yuan on a company (no hearing right, no legal
/// review) served on Monday 2 March 2026, due 17 March. Bad input is refused as 422 ProblemDetails naming APL-66
/// (API) or inline in Chinese (page) and changes nothing; the head approves two instalments by API; two bank lines,
/// one per instalment, pay the case, which closes. The route is in the OpenAPI document.
/// </summary>
public sealed class CaseInstalmentTests(ClockFactory app) : IClassFixture<ClockFactory>
{
    private const string Bank = "交易流水号,缴款编号,金额（元）,缴款日期";

    [Fact]
    public async Task TheHeadApprovesInstalments_ByApi_AndTwoBankLinesPayTheCase_APL66()
    {
        var clock = app.Clock;
        clock.MoveTo(new DateOnly(2026, 3, 2));
        var (officer, head) = (await ClientAsync("officer.market"), await ClientAsync("head.market"));
        var id = await ServedAsync(officer, head);
        var url = $"/api/cases/{id}";
        var view = await ViewAsync(head, url);
        Actions(view).ShouldContain("instalments");
        Actions(await ViewAsync(officer, url)).ShouldNotContain("instalments");
        var reference = view.GetProperty("payment").GetProperty("reference").GetString()!;
        var schedule = new { instalments = new[] { new { dueOn = "2026-04-15", amountFen = 24_000_00L }, new { dueOn = "2026-05-15", amountFen = 36_000_00L } }, reason = "个体经营，收入不稳定，提交了证明材料" };

        using (var r = await officer.PostJsonAsync($"{url}/instalments", schedule))
        {
            r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        await OkAsync(head, $"{url}/instalments", schedule);
        view = await ViewAsync(head, url);
        var payment = view.GetProperty("payment");
        payment.GetProperty("dueOn").GetString().ShouldBe("2026-04-15");
        payment.GetProperty("instalments").EnumerateArray().Select(i => (i.GetProperty("dueOn").GetString(), i.GetProperty("amountFen").GetInt64(), i.GetProperty("paid").GetBoolean()))
            .ShouldBe([("2026-04-15", 24_000_00L, false), ("2026-05-15", 36_000_00L, false)]);
        var next = view.GetProperty("deadlines")[0];
        (next.GetProperty("due").GetString(), next.GetProperty("ruleId").GetString(), next.GetProperty("done").GetBoolean()).ShouldBe(("2026-04-15", "APL-66", false));
        next.GetProperty("workingDaysLeft").GetInt32().ShouldBe(31); // 3 March – 15 April: 44 days less 12 weekend days and 6 April (Qingming, a Monday)
        Actions(view).ShouldNotContain("instalments");
        Actions(view).ShouldNotContain("deferral");
        await RefusedAsync(head, $"{url}/instalments", schedule, HttpStatusCode.Conflict, "APL-66");
        await EventHasNoPersonalDataAsync(id);

        clock.MoveTo(new DateOnly(2026, 4, 10));
        (officer, head) = (await ClientAsync("officer.market"), await ClientAsync("head.market"));
        using (var r = await UploadAsync(head, $"{Bank}\nI1,{reference},24000.00,2026-04-10\n"))
        {
            r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        }

        payment = (await ViewAsync(officer, url)).GetProperty("payment");
        payment.GetProperty("dueOn").GetString().ShouldBe("2026-05-15");
        payment.GetProperty("instalments").EnumerateArray().Select(i => i.GetProperty("paid").GetBoolean()).ShouldBe([true, false]);
        payment.GetProperty("outstandingFen").GetInt64().ShouldBe(36_000_00);
        await RefusedAsync(officer, $"{url}/closing", new { summary = "结案" }, HttpStatusCode.UnprocessableEntity, "APL-67");

        clock.MoveTo(new DateOnly(2026, 5, 12));
        (officer, head) = (await ClientAsync("officer.market"), await ClientAsync("head.market"));
        using (var r = await UploadAsync(head, $"{Bank}\nI1,{reference},24000.00,2026-04-10\nI2,{reference},36000,2026-05-12\n"))
        {
            r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
            (await r.ReadDocumentAsync()).RootElement.GetProperty("alreadyImported").GetInt32().ShouldBe(1);
        }

        payment = (await ViewAsync(officer, url)).GetProperty("payment");
        (payment.GetProperty("outstandingFen").GetInt64(), payment.GetProperty("surchargeFen").GetInt64(), payment.GetProperty("settledOn").GetString()).ShouldBe((0L, 0L, "2026-05-12"));
        payment.GetProperty("instalments").EnumerateArray().ShouldAllBe(i => i.GetProperty("paid").GetBoolean());
        var page = await officer.GetPageAsync($"/Cases/Details/{id}");
        page.QuerySelectorAll("#instalments tbody tr").Select(tr => tr.TextContent).ShouldAllBe(t => t.Contains("已缴清"));
        await OkAsync(officer, $"{url}/closing", new { summary = "罚款分两期缴清" });
        await OkAsync(head, $"{url}/approve-closing", new { });

        using var openApi = JsonDocument.Parse(await officer.GetStringAsync("/openapi/v1.json"));
        openApi.RootElement.GetProperty("paths").GetProperty("/api/cases/{id}/instalments").TryGetProperty("post", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task BadInstalments_AreRefused_422NamingAPL66_OrInlineOnThePage_AndChangeNothing()
    {
        app.Clock.MoveTo(new DateOnly(2026, 3, 2));
        var (officer, head) = (await ClientAsync("officer.market"), await ClientAsync("head.market"));
        var id = await ServedAsync(officer, head);
        var url = $"/api/cases/{id}";
        var before = await CaseRowAsync(app, id);

        var short1 = new { instalments = new[] { new { dueOn = "2026-04-15", amountFen = 24_000_00L }, new { dueOn = "2026-05-15", amountFen = 30_000_00L } }, reason = "经济困难" };
        var problem = await RefusedAsync(head, $"{url}/instalments", short1, HttpStatusCode.UnprocessableEntity, "APL-66");
        problem.GetProperty("detail").GetString()!.ShouldContain("须等于尚未缴纳的罚款60,000元");
        problem.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("Instalments");
        await RefusedAsync(head, $"{url}/instalments", new { instalments = new[] { new { dueOn = "2026-04-15", amountFen = 60_000_00L } }, reason = "经济困难" }, HttpStatusCode.UnprocessableEntity, "APL-66");
        await RefusedAsync(head, $"{url}/instalments", new { }, HttpStatusCode.UnprocessableEntity, "APL-66");

        var form = $"/Cases/Act/{id}/instalments";
        var details = await head.GetPageAsync($"/Cases/Details/{id}");
        details.QuerySelector($"#actions a[href='{form}']")!.TextContent.ShouldBe("批准分期缴纳");
        foreach (var (text, expected) in new[] { ("2026-04-15 两万四千元\n2026-05-15 36000", "第1行"), ("2026-04-15 24000\n2026-05-15 30000", "须等于尚未缴纳的罚款60,000元（APL-66）") })
        {
            using var r = await head.SubmitFormAsync(form, new Dictionary<string, string>(StringComparer.Ordinal) { ["Form.Text"] = text, ["Form.Text2"] = "经济困难" });
            r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            var page = await Html.ParseAsync(r);
            page.QuerySelector("#Text + .field-error")!.TextContent.ShouldContain(expected);
            page.QuerySelector("#Text")!.TextContent.ShouldBe(text); // what was typed stays in the form
        }

        (await CaseRowAsync(app, id)).ShouldBe(before);
    }

    private async Task<Guid> ServedAsync(HttpClient officer, HttpClient head)
    {
        var team = new[] { await OfficerIdAsync(officer, "王建国"), await OfficerIdAsync(officer, "李秀英") };
        var power = JsonDocument.Parse(await officer.GetStringAsync("/api/registry/powers?search=SJ-CF-001")).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
        using var created = await officer.PostJsonAsync("/api/cases", new
        {
            powerId = power,
            party = new { kind = "Organisation", name = "安平县某某食品有限公司", creditCode = "91330000MA27U0TJ0W", legalRepresentative = "钱某某", address = "安平县工业园区8号" },
            summary = "销售超过保质期的食品",
            actOn = "2026-02-20",
            discoveredOn = "2026-02-27",
            officerIds = team,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadDocumentAsync()).RootElement.GetProperty("id").GetGuid();
        var url = $"/api/cases/{id}";
        var fine = new { kinds = new[] { "Fine" }, fineFen = 60_000_00L, level = "Minor" };
        await OkAsync(officer, $"{url}/request-filing", new { });
        await OkAsync(head, $"{url}/approve-filing", new { });
        await OkAsync(officer, $"{url}/evidence", new { kind = "书证", description = "现场检查笔录", collectedOn = "2026-03-02", lawfullyObtained = true });
        await OkAsync(officer, $"{url}/notice", new { penalty = fine, facts = "销售超过保质期的食品20袋", reasons = "违反《食品安全法》第三十四条第十项", servedOn = "2026-03-02" });
        await OkAsync(officer, $"{url}/statement", new { waived = true, on = "2026-03-02" });
        await OkAsync(officer, $"{url}/decision", new { outcome = "Penalty", penalty = fine, facts = "销售超过保质期的食品20袋", reasons = "依据《食品安全法》第一百二十四条第一款" });
        await OkAsync(officer, $"{url}/service", new { method = "Direct", servedOn = "2026-03-02", recipient = "钱某某" });
        (await ViewAsync(officer, url)).GetProperty("payment").GetProperty("dueOn").GetString().ShouldBe("2026-03-17");
        return id;
    }

    private async Task EventHasNoPersonalDataAsync(Guid id)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var events = await db.Outbox.AsNoTracking().Where(o => o.AggregateId == id && o.EventType == "cases.case.instalments-approved").ToListAsync();
        events.Count.ShouldBe(1);
        events[0].Payload.ShouldNotContain("某某");
        events[0].Payload.ShouldNotContain("91330000MA27U0TJ0W");
    }

    private static IEnumerable<string?> Actions(JsonElement view) => view.GetProperty("nextActions").EnumerateArray().Select(a => a.GetProperty("code").GetString());

    private async Task<HttpClient> ClientAsync(string user) => await (await app.SignedInAsync(user)).WithAntiforgeryHeaderAsync();
}
