using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Reviews.Contracts;
using Sanxiang.Reviews.Features;
using Sanxiang.Reviews.Persistence;
using Sanxiang.Web.Tests.Infrastructure;
using static Sanxiang.Web.Tests.Infrastructure.CaseApi;

namespace Sanxiang.Web.Tests;

/// <summary>
/// Legal review over the JSON API (issue 6): each refusal names its rule — decision without a passed review (APL-58,
/// recorded for supervisors), missing materials (GB118-REV-2), reviewer on the case team and first-time reviewer
/// without the qualification (APL-58), decision changed after review (APL-58) — and the review period: overdue alert,
/// the clock stopped for supplementary materials, one extension. The clock only moves forward in this class.
/// </summary>
public sealed class ReviewApiTests(ClockFactory app) : IClassFixture<ClockFactory>
{
    private static readonly object Penalty = new { kinds = new[] { "Fine" }, fineFen = 60_000_00L, confiscationFen = 0L, level = "Minor" };

    [Fact]
    public async Task DecisionWithoutPassedReview_BreaksAPL58_AndEveryAttemptIsShownToSupervisors()
    {
        var (officer, _, _, caseId) = await NoticedCaseAsync("王建国", "陈静");
        var problem = await RefusedAsync(officer, $"/api/cases/{caseId}/decision", Decision(Penalty), HttpStatusCode.UnprocessableEntity, "APL-58");
        problem.GetProperty("detail").GetString()!.ShouldContain("罚没金额达到1万元（自然人）");
        var number = (await ViewAsync(officer, $"/api/cases/{caseId}")).GetProperty("number").GetString();

        var supervisor = await ClientAsync("supervisor");
        var refusals = (await ViewAsync(supervisor, "/api/cases/refusals")).EnumerateArray().ToList();
        refusals.ShouldContain(r => r.GetProperty("caseNumber").GetString() == number);
        (await officer.GetAsync("/api/cases/refusals")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await ClientAsync("head.urban")).GetStringAsync("/api/cases/refusals")).ShouldNotContain(number!);
        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<Sanxiang.Cases.Persistence.CasesDbContext>().Outbox
            .CountAsync(m => m.EventType == "cases.case.decision-refused" && m.AggregateId == caseId)).ShouldBe(1);
    }

    [Fact]
    public async Task SubmissionWithMissingMaterials_BreaksGB118REV2_ListsEachOne_AndRegistersNothing()
    {
        var (officer, _, _, caseId) = await NoticedCaseAsync("王建国", "陈静");
        using var r = await officer.PostJsonAsync($"/api/reviews/cases/{caseId}", new { decision = Decision(Penalty) });
        var text = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, text);
        JsonDocument.Parse(text).RootElement.GetProperty("ruleId").GetString().ShouldBe("GB118-REV-2");
        text.ShouldContain("缺少调查终结报告");
        text.ShouldContain("缺少裁量说明");
        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<ReviewsDbContext>().Reviews.AnyAsync(x => x.CaseId == caseId)).ShouldBeFalse();
    }

    [Fact]
    public async Task ReviewerOnTheCaseTeam_BreaksAPL58()
    {
        var (officer, reviewer, _, caseId) = await NoticedCaseAsync("王建国", "李秀英");
        var reviewId = await SubmitAsync(officer, caseId, Penalty);
        var problem = await RefusedAsync(reviewer, $"/api/reviews/{reviewId}/assign", new { reviewerIds = new[] { await PoolIdAsync(reviewer, "李秀英") } }, HttpStatusCode.UnprocessableEntity, "APL-58");
        problem.GetRawText().ShouldContain("承办人员");
    }

    [Fact]
    public async Task FirstTimeReviewerWithoutQualification_BreaksAPL58_WithTheQualification_IsAssigned()
    {
        var (officer, reviewer, head, caseId) = await NoticedCaseAsync("王建国", "陈静");
        var reviewId = await SubmitAsync(officer, caseId, Penalty);
        var novice = await AddReviewerAsync(head, "周新", qualification: null);
        var problem = await RefusedAsync(reviewer, $"/api/reviews/{reviewId}/assign", new { reviewerIds = new[] { novice } }, HttpStatusCode.UnprocessableEntity, "APL-58");
        problem.GetRawText().ShouldContain("法律职业资格");
        var qualified = await AddReviewerAsync(head, "吴律", qualification: "A20240101000789");
        await OkAsync(reviewer, $"/api/reviews/{reviewId}/assign", new { reviewerIds = new[] { qualified } });
    }

    [Fact]
    public async Task DecisionChangedAfterReview_BreaksAPL58_TheReviewedOneIssues()
    {
        var (officer, reviewer, head, caseId) = await NoticedCaseAsync("王建国", "陈静");
        var reviewId = await SubmitAsync(officer, caseId, Penalty);
        await OkAsync(reviewer, $"/api/reviews/{reviewId}/assign", new { reviewerIds = new[] { await PoolIdAsync(reviewer, "李秀英") } });
        await OkAsync(reviewer, $"/api/reviews/{reviewId}/conclusion", Conclusion("Agree"));
        var view = await ViewAsync(reviewer, $"/api/reviews/{reviewId}");
        view.GetProperty("review").GetProperty("status").GetString().ShouldBe("Passed");
        var opinion = view.GetProperty("opinions")[0];
        opinion.GetProperty("number").GetString()!.ShouldMatch(@"^安平市监法审意〔2026〕\d+号$");
        var html = await reviewer.GetStringAsync($"/api/reviews/{reviewId}/opinions/{opinion.GetProperty("id").GetGuid()}.html");
        html.ShouldContain("法制审核意见书");
        html.ShouldContain("执法程序是否合法");
        var pdf = Path.Combine(Directory.CreateTempSubdirectory("sanxiang-opinion-").FullName, "opinion.pdf");
        await File.WriteAllBytesAsync(pdf, await reviewer.GetByteArrayAsync($"/api/reviews/{reviewId}/opinions/{opinion.GetProperty("id").GetGuid()}.pdf"));
        var text = string.Concat((await ExternalTools.RunAsync("pdftotext", ["-enc", "UTF-8", pdf, "-"])).Where(ch => !char.IsWhiteSpace(ch)));
        Directory.Delete(Path.GetDirectoryName(pdf)!, true);
        text.ShouldContain("法制审核意见书");
        text.ShouldContain(opinion.GetProperty("number").GetString()!);
        var sequencer = app.Services.GetRequiredService<Sanxiang.Ledger.Sequencing.Sequencer>();
        while (await sequencer.IntegrateOnceAsync() > 0)
        {
        }

        var sha = opinion.GetProperty("sha256").GetString();
        (await app.NewClient().GetStringAsync($"/verify?sha256={sha}")).ShouldContain("已验证"); // the opinion's QR code: its Ledger proof

        // Entries written before the attachment index existed are indexed once at start-up (the backfill), and found again.
        await using (var ledger = app.Scope())
        {
            var db = ledger.ServiceProvider.GetRequiredService<Sanxiang.Ledger.Persistence.LedgerDbContext>();
            await db.Attachments.ExecuteDeleteAsync();
            await db.Backfills.ExecuteDeleteAsync();
        }

        (await app.NewClient().GetStringAsync($"/verify?sha256={sha}")).ShouldContain("未在日志中找到该文书");
        await using (var ledger = app.Scope())
        {
            await ledger.ServiceProvider.GetServices<Sanxiang.Kernel.Persistence.IReferenceDataLoader>().OfType<Sanxiang.Ledger.Persistence.AttachmentIndexBackfill>().Single().LoadAsync();
        }

        (await app.NewClient().GetStringAsync($"/verify?sha256={sha}")).ShouldContain("已验证");

        var lighter = new { kinds = new[] { "Fine" }, fineFen = 55_000_00L, confiscationFen = 0L, level = "Minor" };
        (await RefusedAsync(officer, $"/api/cases/{caseId}/decision", Decision(lighter), HttpStatusCode.UnprocessableEntity, "APL-58"))
            .GetProperty("detail").GetString()!.ShouldContain("重新审核");
        await OkAsync(head, $"/api/cases/{caseId}/discussion", new { outcome = "Penalty", penalty = Penalty, participants = "局长、分管副局长、法规科长", conclusion = "同意" });
        await OkAsync(officer, $"/api/cases/{caseId}/decision", Decision(Penalty));
    }

    [Fact]
    public async Task ReviewPastItsDeadline_RaisesTheOverdueAlert_Once()
    {
        var (officer, reviewer, _, caseId) = await NoticedCaseAsync("王建国", "陈静");
        var reviewId = await SubmitAsync(officer, caseId, Penalty);
        var deadline = DateOnly.Parse((await ViewAsync(reviewer, $"/api/reviews/{reviewId}")).GetProperty("review").GetProperty("deadlineOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        app.Clock.MoveTo(deadline);
        await RaiseAlertsAsync(); // other reviews of this class may be late by now; this one is not yet
        (await ViewAsync(await ClientAsync("reviewer.market"), $"/api/reviews/{reviewId}")).GetProperty("review").GetProperty("overdue").GetBoolean().ShouldBeFalse("on the last day the review is not late yet");
        app.Clock.MoveTo(deadline.AddDays(1));
        (await RaiseAlertsAsync()).ShouldBeGreaterThanOrEqualTo(1);
        (await RaiseAlertsAsync()).ShouldBe(0, "each alert is raised once");
        reviewer = await ClientAsync("reviewer.market");
        (await ViewAsync(reviewer, $"/api/reviews/{reviewId}")).GetProperty("review").GetProperty("overdue").GetBoolean().ShouldBeTrue();
        (await reviewer.GetStringAsync($"/Reviews")).ShouldContain("审核超期预警");
        await using var scope = app.Scope();
        (await scope.ServiceProvider.GetRequiredService<ReviewsDbContext>().Outbox.CountAsync(m => m.EventType == "reviews.review.overdue" && m.AggregateId == reviewId)).ShouldBe(1);
    }

    [Fact]
    public async Task SupplementaryMaterials_StopTheClock_ResubmissionResumesIt_OneExtensionOnly_GB118REV1_AgreeDespiteAProblem_BreaksGB118REV3()
    {
        var (officer, reviewer, head, caseId) = await NoticedCaseAsync("王建国", "陈静");
        var reviewId = await SubmitAsync(officer, caseId, Penalty);
        await OkAsync(reviewer, $"/api/reviews/{reviewId}/assign", new { reviewerIds = new[] { await PoolIdAsync(reviewer, "李秀英") } });
        await OkAsync(head, $"/api/reviews/{reviewId}/extension", new { reason = "案情复杂，需调取银行流水" });
        await RefusedAsync(head, $"/api/reviews/{reviewId}/extension", new { reason = "再延长" }, HttpStatusCode.UnprocessableEntity, "GB118-REV-1");
        await RefusedAsync(reviewer, $"/api/reviews/{reviewId}/conclusion", Conclusion("Agree", ("FactsAndEvidence", "缺少货值金额的证据")), HttpStatusCode.UnprocessableEntity, "GB118-REV-3");
        await OkAsync(reviewer, $"/api/reviews/{reviewId}/conclusion", Conclusion("SupplementMaterials", ("FactsAndEvidence", "缺少货值金额的证据")));
        var paused = (await ViewAsync(reviewer, $"/api/reviews/{reviewId}")).GetProperty("review");
        paused.GetProperty("status").GetString().ShouldBe("SupplementRequested");
        paused.GetProperty("deadlineOn").ValueKind.ShouldBe(JsonValueKind.Null);

        app.Clock.MoveTo(ChinaToday().AddDays(20)); // the paused weeks do not count
        officer = await ClientAsync("officer.market");
        reviewer = await ClientAsync("reviewer.market");
        await SubmitAsync(officer, caseId, Penalty);
        var resumed = (await ViewAsync(reviewer, $"/api/reviews/{reviewId}")).GetProperty("review");
        resumed.GetProperty("status").GetString().ShouldBe("InReview");
        resumed.GetProperty("round").GetInt32().ShouldBe(2);
        resumed.GetProperty("workingDaysLeft").GetInt32().ShouldBeGreaterThanOrEqualTo(7, "7 + 3 working days, none used before the pause");
    }

    [Fact]
    public async Task UnresolvedDispute_GoesToTheHeadsCollectiveDiscussion_APL57_WhoseAdoptionOpensTheGate()
    {
        var (officer, reviewer, head, caseId) = await NoticedCaseAsync("王建国", "陈静");
        var reviewId = await SubmitAsync(officer, caseId, Penalty);
        await OkAsync(reviewer, $"/api/reviews/{reviewId}/assign", new { reviewerIds = new[] { await PoolIdAsync(reviewer, "李秀英") } });
        await OkAsync(reviewer, $"/api/reviews/{reviewId}/conclusion", Conclusion("Disagree", ("LawAndDiscretion", "应当适用从轻情节")));
        await RefusedAsync(officer, $"/api/cases/{caseId}/decision", Decision(Penalty), HttpStatusCode.UnprocessableEntity, "APL-58");

        var discussion = new { participants = "局长、分管副局长、法规科长", conclusion = "承办机构的拟决定事实清楚、裁量适当，予以采纳", adopted = true };
        (await reviewer.PostJsonAsync($"/api/reviews/{reviewId}/discussion", discussion)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await OkAsync(head, $"/api/reviews/{reviewId}/discussion", discussion);
        (await ViewAsync(head, $"/api/reviews/{reviewId}")).GetProperty("review").GetProperty("status").GetString().ShouldBe("Discussion");
        await RefusedAsync(head, $"/api/reviews/{reviewId}/discussion", discussion, HttpStatusCode.Conflict, "GB118-REV-3");
        await OkAsync(head, $"/api/cases/{caseId}/discussion", new { outcome = "Penalty", penalty = Penalty, participants = discussion.participants, conclusion = discussion.conclusion });
        await OkAsync(officer, $"/api/cases/{caseId}/decision", Decision(Penalty));
    }

    [Fact]
    public async Task AnotherAgency_GetsNotFound_OnTheReviewAndItsSubmission()
    {
        var (officer, _, _, caseId) = await NoticedCaseAsync("王建国", "陈静");
        var reviewId = await SubmitAsync(officer, caseId, Penalty);
        var urban = await ClientAsync("officer.urban");
        (await urban.GetAsync($"/api/reviews/{reviewId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var r = await urban.PostJsonAsync($"/api/reviews/cases/{caseId}", new { decision = Decision(Penalty), investigationReport = "x", discretionReasoning = "y" });
        r.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var a = await urban.PostJsonAsync($"/api/reviews/{reviewId}/assign", new { reviewerIds = Array.Empty<Guid>() });
        a.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>A food-safety fine of 60,000 yuan on a person (FINE-PERSON), notice served, statement waived, the hearing window closed.</summary>
    private async Task<(HttpClient Officer, HttpClient Reviewer, HttpClient Head, Guid CaseId)> NoticedCaseAsync(string first, string second)
    {
        var today = ChinaToday();
        var officer = await ClientAsync("officer.market");
        var head = await ClientAsync("head.market");
        var power = JsonDocument.Parse(await officer.GetStringAsync("/api/registry/powers?search=SJ-CF-001")).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
        using var created = await officer.PostJsonAsync("/api/cases", new
        {
            powerId = power,
            party = new { kind = "Person", name = "钱某某", idNumber = "110105199003070017", address = "安平县城关镇解放路12号", phone = "13900000000" },
            summary = "销售超过保质期的食品",
            actOn = today.AddDays(-10),
            discoveredOn = today.AddDays(-2),
            harmsSafety = false,
            officerIds = new[] { await OfficerIdAsync(officer, first), await OfficerIdAsync(officer, second) },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadDocumentAsync()).RootElement.GetProperty("id").GetGuid();
        await OkAsync(officer, $"/api/cases/{id}/request-filing", new { });
        await OkAsync(head, $"/api/cases/{id}/approve-filing", new { });
        await OkAsync(officer, $"/api/cases/{id}/evidence", new { kind = "物证", description = "过期食品30袋", collectedOn = today, lawfullyObtained = true });
        await OkAsync(officer, $"/api/cases/{id}/notice", new { penalty = Penalty, facts = "销售超过保质期的食品30袋", reasons = "违反《食品安全法》第三十四条第十项", servedOn = today });
        await OkAsync(officer, $"/api/cases/{id}/statement", new { text = (string?)null, waived = true, on = today });
        app.Clock.MoveTo(today.AddDays(14)); // past the hearing-request window of 5 working days
        return (await ClientAsync("officer.market"), await ClientAsync("reviewer.market"), await ClientAsync("head.market"), id);
    }

    private static async Task<Guid> SubmitAsync(HttpClient officer, Guid caseId, object penalty)
    {
        using var r = await officer.PostJsonAsync($"/api/reviews/cases/{caseId}", new
        {
            decision = Decision(penalty),
            investigationReport = "经调查，当事人销售超过保质期的食品30袋，事实清楚，证据确凿。",
            discretionReasoning = "首次违法，及时召回，按从轻情节在基准幅度内处罚。",
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.ReadDocumentAsync()).RootElement.GetProperty("id").GetGuid();
    }

    private static object Conclusion(string outcome, params (string Item, string Note)[] problems) => new
    {
        findings = Enum.GetNames<ChecklistItem>().Select(item => new
        {
            item,
            satisfied = problems.All(p => p.Item != item),
            note = problems.FirstOrDefault(p => p.Item == item).Note,
        }),
        outcome,
        opinion = outcome == "Agree" ? "事实清楚，证据确凿，程序合法，同意" : "请补正后重新送审",
    };

    private static async Task<Guid> PoolIdAsync(HttpClient client, string name) =>
        (await ViewAsync(client, "/api/reviews/pool")).EnumerateArray().First(p => p.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();

    /// <summary>A new user of the market regulation bureau added to its pool (the pool takes only the agency's own users, issue 15).</summary>
    private async Task<Guid> AddReviewerAsync(HttpClient head, string name, string? qualification)
    {
        var userId = await UserAsync("pool." + Guid.NewGuid().ToString("N")[..8], name, Sanxiang.Registry.Contracts.DemoAgencies.MarketRegulation);
        using var r = await head.PostJsonAsync("/api/reviews/pool", new { userId, name, qualificationNumber = qualification, external = false });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        using (var twice = await head.PostJsonAsync("/api/reviews/pool", new { userId, name, qualificationNumber = qualification, external = false }))
        {
            await twice.ShouldBeRuleProblemAsync("REV-POOL-UNIQUE", "UserId", "已在审核人员库中");
        }

        return (await r.ReadDocumentAsync()).RootElement.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task ThePool_TakesOnlyTheAgencysOwnUsersAndOfficers_EachOnce()
    {
        var head = await ClientAsync("head.market");
        var urbanUser = await UserAsync("pool.urban", "外局人员", Sanxiang.Registry.Contracts.DemoAgencies.UrbanManagement);
        using (var r = await head.PostJsonAsync("/api/reviews/pool", new { userId = urbanUser, name = "外局人员", external = false }))
        {
            await r.ShouldBeRuleProblemAsync("REV-POOL-AGENCY", "UserId", "本机关");
        }

        var urbanOfficer = await OfficerIdAsync(await ClientAsync("officer.urban"), "周强");
        using (var r = await head.PostJsonAsync("/api/reviews/pool", new { userId = (string?)null, name = "周强", officerId = urbanOfficer, external = true }))
        {
            await r.ShouldBeRuleProblemAsync("REV-POOL-AGENCY", "OfficerId", "本机关");
        }
    }

    private async Task<string> UserAsync(string userName, string displayName, Guid agencyId)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Sanxiang.Host.Auth.SanxiangUser>>();
        var user = new Sanxiang.Host.Auth.SanxiangUser { Id = Guid.CreateVersion7(), UserName = userName, DisplayName = displayName, AgencyId = agencyId, LockoutEnabled = true };
        (await users.CreateAsync(user, "Pool#Member2026")).Succeeded.ShouldBeTrue();
        return user.Id.ToString();
    }

    private async Task<int> RaiseAlertsAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<ReviewCommands>().RaiseOverdueAlertsAsync(CancellationToken.None);
    }

    private DateOnly ChinaToday() => Kernel.Domain.ChinaTime.Today(app.Clock);

    private static object Decision(object penalty) => new { outcome = "Penalty", penalty, facts = "销售超过保质期的食品30袋", reasons = "依据《食品安全法》第一百二十四条第一款" };

    private async Task<HttpClient> ClientAsync(string user) => await (await app.SignedInAsync(user)).WithAntiforgeryHeaderAsync();
}
