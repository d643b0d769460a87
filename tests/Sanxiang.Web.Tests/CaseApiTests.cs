using System.Net;
using System.Text.Json;
using Sanxiang.Web.Tests.Infrastructure;
using static Sanxiang.Web.Tests.Infrastructure.CaseApi;

namespace Sanxiang.Web.Tests;

/// <summary>
/// One general-procedure case over the JSON API, from clue to archive, with the clock moved across the 2026
/// Spring Festival: hearing request within APL-64's window, hearing notice refused when too short, the hearing refused
/// without a linked recording until the head approves a written exception (GB118-REC-3), the APL-58
/// review gate, collective discussion, service, a late payment with the APL-72 surcharge matched from a bank
/// file, closing, archiving, and then every change refused with 409 naming GB118-REC-4.
/// </summary>
public sealed class CaseApiTests(ClockFactory app) : IClassFixture<ClockFactory>
{
    [Fact]
    public async Task AGeneralCase_FromClueToArchive_EnforcesTheRules()
    {
        var clock = app.Clock;
        var officer = await ClientAsync("officer.market");
        var head = await ClientAsync("head.market");
        var reviewer = await ClientAsync("reviewer.market");
        var (wang, chen, zhang) = (await OfficerIdAsync(officer, "王建国"), await OfficerIdAsync(officer, "陈静"), await OfficerIdAsync(officer, "赵磊"));
        var power = await PowerIdAsync(officer, "SJ-CF-001");

        using var created = await officer.PostJsonAsync("/api/cases", new
        {
            powerId = power,
            party = new { kind = "Person", name = "赵某某", idNumber = "110105199003070017", address = "安平县城关镇幸福路1号", phone = "13800000000" },
            summary = "销售超过保质期的食品",
            actOn = "2026-02-01",
            discoveredOn = "2026-02-08",
            harmsSafety = false,
            officerIds = new[] { wang, chen },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadDocumentAsync()).RootElement.GetProperty("id").GetGuid();
        var url = $"/api/cases/{id}";

        await OkAsync(officer, $"{url}/request-filing", new { });
        await RefusedAsync(officer, $"{url}/approve-filing", new { }, HttpStatusCode.Forbidden, null);
        await OkAsync(head, $"{url}/approve-filing", new { });
        await OkAsync(officer, $"{url}/evidence", new { kind = "物证", description = "过期食品20袋", collectedOn = "2026-02-09", lawfullyObtained = true });
        var penalty = new { kinds = new[] { "Fine" }, fineFen = 60_000_00L, confiscationFen = 0L, level = "Minor" };

        clock.MoveTo(new DateOnly(2026, 2, 12));
        officer = await ClientAsync("officer.market"); // a moved clock ends the 30-minute sessions
        await OkAsync(officer, $"{url}/notice", new { penalty, facts = "销售超过保质期的食品20袋", reasons = "违反《食品安全法》第三十四条第十项", servedOn = "2026-02-12" });
        var view = await ViewAsync(officer, url);
        view.GetProperty("notices")[0].GetProperty("hearingRequestDeadline").GetString().ShouldBe("2026-02-26"); // 13, 14 (make-up), 24, 25, 26
        await RefusedAsync(officer, $"{url}/decision", Decision(penalty), HttpStatusCode.UnprocessableEntity, "APL-62");

        clock.MoveTo(new DateOnly(2026, 2, 25));
        officer = await ClientAsync("officer.market");
        head = await ClientAsync("head.market");
        reviewer = await ClientAsync("reviewer.market");
        await OkAsync(officer, $"{url}/hearing-request", new { on = "2026-02-25" });
        await RefusedAsync(officer, $"{url}/hearing-schedule", new { noticeServedOn = "2026-02-25", hearingOn = "2026-03-04", presidingOfficerId = zhang }, HttpStatusCode.UnprocessableEntity, "APL-64");
        await RefusedAsync(officer, $"{url}/hearing-schedule", new { noticeServedOn = "2026-02-25", hearingOn = "2026-03-06", presidingOfficerId = wang }, HttpStatusCode.UnprocessableEntity, "APL-64");
        await OkAsync(officer, $"{url}/hearing-schedule", new { noticeServedOn = "2026-02-25", hearingOn = "2026-03-06", presidingOfficerId = zhang });

        clock.MoveTo(new DateOnly(2026, 3, 6));
        officer = await ClientAsync("officer.market");
        head = await ClientAsync("head.market");
        reviewer = await ClientAsync("reviewer.market");
        var hearing = new { partyAttended = true, transcriptSummary = "当事人承认违法事实，请求从轻处罚" };
        var before = await CaseRowAsync(app, id);
        await RefusedAsync(officer, $"{url}/hearing-record", hearing, HttpStatusCode.UnprocessableEntity, "GB118-REC-3"); // no linked recording
        (await CaseRowAsync(app, id)).ShouldBe(before);
        await OkAsync(head, $"{url}/recording-exception", new { stepCode = "hearing", reason = "听证室录像设备检修，以书面笔录和录音替代" });
        await OkAsync(officer, $"{url}/hearing-record", hearing);
        await RefusedAsync(officer, $"{url}/decision", Decision(penalty), HttpStatusCode.UnprocessableEntity, "APL-58");
        await PassLegalReviewAsync(officer, reviewer, id, penalty);
        await RefusedAsync(officer, $"{url}/decision", Decision(penalty), HttpStatusCode.UnprocessableEntity, "APL-57");
        await OkAsync(head, $"{url}/discussion", new { outcome = "Penalty", penalty, participants = "局长、分管副局长、法规科长", conclusion = "同意罚款六万元" });
        await OkAsync(officer, $"{url}/decision", Decision(penalty));
        await OkAsync(officer, $"{url}/service", new { method = "Direct", servedOn = "2026-03-06", recipient = "赵某某", electronicConsent = false });
        view = await ViewAsync(officer, url);
        var payment = view.GetProperty("payment");
        payment.GetProperty("dueOn").GetString().ShouldBe("2026-03-23"); // 6 March + 15 days = Saturday 21 → Monday 23
        var reference = payment.GetProperty("reference").GetString()!;

        clock.MoveTo(new DateOnly(2026, 3, 30));
        officer = await ClientAsync("officer.market");
        head = await ClientAsync("head.market");
        view = await ViewAsync(officer, url);
        view.GetProperty("payment").GetProperty("surchargeFen").GetInt64().ShouldBe(12_600_00); // 7 days × 3 % × 60,000 yuan
        await RefusedAsync(officer, $"{url}/closing", new { summary = "结案" }, HttpStatusCode.UnprocessableEntity, "APL-67");

        var bad = $"交易流水号,缴款编号,金额（元）,缴款日期\nB1,{reference},60000,2026-03-30\nB2,NOSUCHREF,12600,2026-03-30\n";
        using (var refused = await UploadAsync(officer, bad))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "only heads and finance staff import bank files (issue 15)");
        }

        using (var r = await UploadAsync(head, bad))
        {
            r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await r.Content.ReadAsStringAsync()).ShouldContain("第3行");
        }

        (await ViewAsync(officer, url)).GetProperty("payment").GetProperty("paidFen").GetInt64().ShouldBe(0); // all or nothing
        var good = $"交易流水号,缴款编号,金额（元）,缴款日期\nB1,{reference},60000,2026-03-30\nB2,{reference},12600.00,2026-03-30\n";
        using (var r = await UploadAsync(head, good))
        {
            r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        }

        using (var again = await UploadAsync(head, good))
        {
            (await again.ReadDocumentAsync()).RootElement.GetProperty("alreadyImported").GetInt32().ShouldBe(2);
        }

        view = await ViewAsync(officer, url);
        view.GetProperty("payment").GetProperty("outstandingFen").GetInt64().ShouldBe(0);
        await OkAsync(officer, $"{url}/closing", new { summary = "罚款及加处罚款已缴清" });
        await OkAsync(head, $"{url}/approve-closing", new { });
        await OkAsync(officer, $"{url}/archive", new { });

        before = await CaseRowAsync(app, id);
        foreach (var (action, body) in new (string, object)[] { ("evidence", new { kind = "书证", description = "补充", collectedOn = "2026-03-30", lawfullyObtained = true }), ("remedy", new { kind = "Litigation", startedOn = "2026-03-30" }), ("archive", new { }) })
        {
            await RefusedAsync(officer, $"{url}/{action}", body, HttpStatusCode.Conflict, "GB118-REC-4");
        }

        (await CaseRowAsync(app, id)).ShouldBe(before);
    }

    /// <summary>The legal review (Reviews module) of exactly this penalty: submitted by the team, assigned, agreed.</summary>
    private static async Task PassLegalReviewAsync(HttpClient officer, HttpClient reviewer, Guid caseId, object penalty)
    {
        using var submitted = await officer.PostJsonAsync($"/api/reviews/cases/{caseId}", new
        {
            decision = Decision(penalty),
            investigationReport = "经调查，当事人销售超过保质期的食品20袋，事实清楚，证据确凿。",
            discretionReasoning = "当事人经听证承认违法事实，按一般情节在基准幅度内处罚。",
        });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var reviewId = (await submitted.ReadDocumentAsync()).RootElement.GetProperty("id").GetGuid();
        var pool = (await (await reviewer.GetAsync("/api/reviews/pool")).ReadDocumentAsync()).RootElement.EnumerateArray().ToList();
        var li = pool.Single(p => p.GetProperty("name").GetString() == "李秀英").GetProperty("id").GetGuid();
        await OkAsync(reviewer, $"/api/reviews/{reviewId}/assign", new { reviewerIds = new[] { li } });
        var findings = Enum.GetNames<Sanxiang.Reviews.Contracts.ChecklistItem>().Select(item => new { item, satisfied = true, note = (string?)null });
        await OkAsync(reviewer, $"/api/reviews/{reviewId}/conclusion", new { findings, outcome = "Agree", opinion = "事实清楚，证据确凿，程序合法，同意" });
    }

    private static object Decision(object penalty) => new { outcome = "Penalty", penalty, facts = "销售超过保质期的食品20袋", reasons = "依据《食品安全法》第一百二十四条第一款" };

    private async Task<HttpClient> ClientAsync(string user) => await (await app.SignedInAsync(user)).WithAntiforgeryHeaderAsync();

    private static async Task<Guid> PowerIdAsync(HttpClient client, string code)
    {
        var doc = await (await client.GetAsync($"/api/registry/powers?search={code}")).ReadDocumentAsync();
        return doc.RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
    }
}
