using Microsoft.Playwright;
using Sanxiang.Reviews.Contracts;

namespace Sanxiang.Web.Tests.Browser;

/// <summary>
/// Issue 6's journey through the pages: a 20,000-yuan fine on a natural person hits the ReviewCatalog (GB118-REV-1,
/// FINE-PERSON); the decision is refused without a passed review (APL-58); the submission with a missing material is
/// refused with the material listed (GB118-REV-2); completed, registered, assigned, reviewed with a problem, amended
/// (15,000 yuan), resubmitted and passed; the old proposal is still refused (a changed decision needs a new review),
/// and only the reviewed decision issues. The heads (and supervisors, see ReviewApiTests) see every refused attempt.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ReviewBrowserTests(CaseBrowserFixture app) : IClassFixture<CaseBrowserFixture>
{
    [Fact]
    public async Task AMajorFine_IsReviewed_AmendedAndPassed_BeforeTheDecisionIssues()
    {
        var page = await app.NewPageAsync();
        var cases = new CasePages(page);
        var reviews = new ReviewPages(page);
        await cases.SignInAsync("officer.market");
        var id = await cases.OpenClueAsync("SJ-CF-006", "孙某某", "110105199003070017", "安平县城关镇建设路8号", "未取得营业执照从事电器销售", "2026-02-02", ["王建国", "张伟"]); // officer.market is 王建国, on the team
        await cases.ActAsync(id, "request-filing");
        await cases.SignInAsync("head.market");
        await cases.ActAsync(id, "approve-filing");
        await cases.SignInAsync("officer.market");
        await cases.ActAsync(id, "evidence", async () =>
        {
            await page.Locator("[name='Form.Kind']").SelectOptionAsync("物证");
            await page.Locator("[name='Form.Text']").FillAsync("不合格电热水壶12台及检验报告");
        });
        await cases.ActAsync(id, "notice", async () =>
        {
            await page.Locator("[name='Form.FineYuan']").FillAsync("20000");
            await page.Locator("[name='Form.Text']").FillAsync("销售不符合安全标准的电热水壶12台");
            await page.Locator("[name='Form.Text2']").FillAsync("违反《产品质量法》第十三条第二款");
        });
        await cases.ActAsync(id, "statement", async () => await page.Locator("[name='Form.Flag1']").CheckAsync());
        (await page.Locator("#review-reasons").InnerTextAsync()).ShouldContain("罚没金额达到1万元（自然人）");

        await cases.MoveToAsync(app.Clock, new DateOnly(2026, 2, 27), "officer.market"); // the hearing-request window has closed
        (await cases.ActAsync(id, "decision", expectRefusal: true)).ShouldContain("APL-58");

        var (_, missing) = await reviews.SubmitAsync(id, report: null, discretion: "当事人主动召回，按一般情节处罚。", expectRefusal: true);
        missing.ShouldContain("缺少调查终结报告");
        missing.ShouldContain("GB118-REV-2");
        var (reviewId, _) = await reviews.SubmitAsync(id, "经调查，当事人销售不合格电热水壶12台，货值金额3,600元。", "当事人主动召回，按一般情节处罚。");
        (await page.Locator("#status").InnerTextAsync()).ShouldBe("待分配");
        (await page.Locator("#review-number").InnerTextAsync()).ShouldMatch(@"^安平市监法审〔2026〕\d+号$");
        (await page.Locator("#deadline").InnerTextAsync()).ShouldContain("2026-03-09"); // 7 working days after Friday 27 February: Saturday 28 (a make-up workday), 2–6 and 9 March

        await cases.SignInAsync("reviewer.market");
        await reviews.AssignAsync(reviewId!.Value, "李秀英");
        await reviews.ConcludeAsync(reviewId.Value, ReviewOutcome.AmendAndResubmit, "罚款数额未考虑当事人主动召回，请修改后重新送审。", (ChecklistItem.LawAndDiscretion, "未考虑主动召回的从轻情节"));
        (await page.Locator("#status").InnerTextAsync()).ShouldBe("退回修改");
        (await page.Locator(".opinion").First.InnerTextAsync()).ShouldContain("法审意");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "review-returned.png"), FullPage = true });

        await cases.SignInAsync("officer.market");
        await reviews.SubmitAsync(id, "经调查，当事人销售不合格电热水壶12台，货值金额3,600元，已主动召回。", "当事人主动召回，依法从轻处罚。", fineYuan: 15000);
        (await page.Locator("#status").InnerTextAsync()).ShouldBe("审核中");
        await cases.SignInAsync("reviewer.market");
        await reviews.ConcludeAsync(reviewId.Value, ReviewOutcome.Agree, "事实清楚，证据确凿，程序合法，裁量适当，同意。");
        (await page.Locator("#status").InnerTextAsync()).ShouldBe("审核通过");
        (await page.Locator(".round").CountAsync()).ShouldBe(2);

        await cases.SignInAsync("officer.market");
        (await cases.ActAsync(id, "decision", expectRefusal: true)).ShouldContain("重新审核"); // the form still holds the noticed 20,000 yuan
        await cases.SignInAsync("head.market");
        await cases.ActAsync(id, "discussion", async () =>
        {
            await page.Locator("[name='Form.FineYuan']").FillAsync("15000");
            await page.Locator("[name='Form.Text']").FillAsync("局长、分管副局长、法规科长");
            await page.Locator("[name='Form.Text2']").FillAsync("同意罚款一万五千元");
        });
        await cases.SignInAsync("officer.market");
        await cases.ActAsync(id, "decision", async () => await page.Locator("[name='Form.FineYuan']").FillAsync("15000"));
        (await page.Locator("main").InnerTextAsync()).ShouldContain("15,000");

        await cases.SignInAsync("head.market");
        await page.GotoAsync("/Cases/Refusals");
        (await page.Locator("#refusals tbody tr").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "review-refusals.png"), FullPage = true });
    }
}
