using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sanxiang.Host.Auth;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests.Browser;

/// <summary>The browser app with a movable clock, so one case can cross the 2026 Spring Festival and a late payment.</summary>
public sealed class CaseBrowserFixture : BrowserFixture
{
    public override MovableClock Clock { get; } = new(ClockFactory.Start);
}

/// <summary>
/// The journey through the pages, as officers, the head and the reviewer would click it: a general-procedure
/// case from clue to archive with a hearing request, a refused hearing notice (APL-64), a hearing refused without a
/// linked recording and held under the head's written exception (GB118-REC-3), the legal review gate
/// (APL-58), collective discussion, the decision, service, a late payment with its surcharge paid through the bank
/// file, closing and archiving; then the archived case refuses a change with 409 (GB118-REC-4).
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class CaseBrowserTests(CaseBrowserFixture app) : IClassFixture<CaseBrowserFixture>
{
    [Fact]
    public async Task AGeneralCase_FromClueToArchive_ThroughThePages()
    {
        var page = await app.NewPageAsync();
        var cases = new CasePages(page);
        await cases.SignInAsync("officer.market");
        var id = await cases.OpenClueAsync("SJ-CF-001", "赵某某", "110105199003070017", "安平县城关镇幸福路1号", "销售超过保质期的食品", "2026-02-01", ["王建国", "陈静"]);
        await cases.ActAsync(id, "request-filing");
        await cases.SignInAsync("head.market");
        await cases.ActAsync(id, "approve-filing");
        await cases.SignInAsync("officer.market");
        await cases.ActAsync(id, "evidence", async () =>
        {
            await page.Locator("[name='Form.Kind']").SelectOptionAsync("物证");
            await page.Locator("[name='Form.Text']").FillAsync("过期食品20袋，现场拍照");
        });

        await cases.MoveToAsync(app.Clock, new DateOnly(2026, 2, 12), "officer.market");
        await cases.ActAsync(id, "notice", async () =>
        {
            await page.Locator("[name='Form.FineYuan']").FillAsync("60000");
            await page.Locator("[name='Form.Level']").SelectOptionAsync("Minor");
            await page.Locator("[name='Form.Text']").FillAsync("销售超过保质期的食品20袋");
            await page.Locator("[name='Form.Text2']").FillAsync("违反《食品安全法》第三十四条第十项");
        });
        (await page.Locator("#deadlines").InnerTextAsync()).ShouldContain("2026-02-26"); // 5 working days across the Spring Festival

        await cases.MoveToAsync(app.Clock, new DateOnly(2026, 2, 25), "officer.market");
        await cases.ActAsync(id, "hearing-request");
        var refused = await cases.ActAsync(id, "hearing-schedule", async () =>
        {
            await page.Locator("[name='Form.Date2']").FillAsync("2026-03-04");
            await page.Locator("[name='Form.OfficerId']").SelectOptionAsync(new SelectOptionValue { Label = await OptionLabelAsync(page, "Form.OfficerId", "赵磊") });
        }, expectRefusal: true);
        refused.ShouldContain("APL-64");
        await page.Locator("[name='Form.Date2']").FillAsync("2026-03-06");
        await page.Locator("[name='Form.OfficerId']").SelectOptionAsync(new SelectOptionValue { Label = await OptionLabelAsync(page, "Form.OfficerId", "赵磊") });
        await cases.SubmitAsync(id);

        await cases.MoveToAsync(app.Clock, new DateOnly(2026, 3, 6), "officer.market");
        async Task FillHearingRecord()
        {
            await page.Locator("[name='Form.Flag1']").CheckAsync();
            await page.Locator("[name='Form.Text']").FillAsync("当事人承认违法事实，请求从轻处罚");
        }

        // GB118-REC-3: the hearing is on the recording-required list and no record is linked (no Media module yet), so the
        // head approves a written exception for this case's hearing.
        (await cases.ActAsync(id, "hearing-record", FillHearingRecord, expectRefusal: true)).ShouldContain("听证须有同步音像记录（GB118-REC-3）");
        await cases.SignInAsync("head.market");
        await cases.ActAsync(id, "recording-exception", async () =>
        {
            await page.Locator("[name='Form.Kind']").SelectOptionAsync("hearing");
            await page.Locator("[name='Form.Text']").FillAsync("听证室录像设备检修，以书面笔录和录音替代");
        });
        (await page.Locator("#recording-exceptions").InnerTextAsync()).ShouldContain("听证（GB118-REC-3）");
        await cases.SignInAsync("officer.market");
        await cases.ActAsync(id, "hearing-record", FillHearingRecord);
        (await cases.ActAsync(id, "decision", expectRefusal: true)).ShouldContain("APL-58");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "case-review-gate.png"), FullPage = true });

        var reviews = new ReviewPages(page);
        var (reviewId, _) = await reviews.SubmitAsync(id, "经调查，当事人销售超过保质期的食品20袋，事实清楚。", "经听证，当事人承认违法事实，按从轻情节处罚。");
        await cases.SignInAsync("reviewer.market");
        await reviews.AssignAsync(reviewId!.Value, "李秀英");
        await reviews.ConcludeAsync(reviewId.Value, Sanxiang.Reviews.Contracts.ReviewOutcome.Agree, "事实清楚，证据确凿，程序合法，同意");
        await cases.SignInAsync("head.market");
        await cases.ActAsync(id, "discussion", async () =>
        {
            await page.Locator("[name='Form.Text']").FillAsync("局长、分管副局长、法规科长");
            await page.Locator("[name='Form.Text2']").FillAsync("同意罚款六万元");
        });
        await cases.SignInAsync("officer.market");
        await cases.ActAsync(id, "decision");
        await cases.ActAsync(id, "service");
        (await page.Locator("#payment").InnerTextAsync()).ShouldContain("2026-03-23");
        var reference = await page.Locator("#payment dd").First.InnerTextAsync();

        await cases.MoveToAsync(app.Clock, new DateOnly(2026, 3, 30), "officer.market");
        await page.GotoAsync($"/Cases/Details/{id}");
        (await page.Locator("#surcharge").InnerTextAsync()).ShouldContain("12,600");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "case-overdue-payment.png"), FullPage = true });

        await cases.SignInAsync("head.market"); // heads and finance staff import bank files
        await page.GotoAsync("/Cases/Payments");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "bank.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"交易流水号,缴款编号,金额（元）,缴款日期\nB1,{reference},60000,2026-03-30\nB2,{reference},12600,2026-03-30\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        (await page.Locator("#import-result").InnerTextAsync()).ShouldContain("已匹配 2 笔");

        await cases.ActAsync(id, "closing", () => page.Locator("[name='Form.Text']").FillAsync("罚款及加处罚款已缴清，结案"));
        await cases.SignInAsync("head.market");
        await cases.ActAsync(id, "approve-closing");
        await cases.SignInAsync("officer.market");
        await cases.ActAsync(id, "archive");
        (await page.Locator("#stage").InnerTextAsync()).ShouldBe("已归档");
        (await page.Locator("#history").InnerTextAsync()).ShouldContain("立卷归档");

        var response = await page.GotoAsync($"/Cases/Act/{id}/evidence");
        await page.Locator("[name='Form.Text']").FillAsync("归档后补充");
        var post = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "收集证据" }).ClickAsync(), r => r.Request.Method == "POST");
        post.Status.ShouldBe(409);
        (await page.Locator(".errors").InnerTextAsync()).ShouldContain("GB118-REC-4");

        var phone = await app.NewPageAsync(390, 844);
        await new CasePages(phone).SignInAsync("officer.market");
        await phone.GotoAsync($"/Cases/Details/{id}");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "case-archived-phone.png"), FullPage = true });
    }

    private static async Task<string> OptionLabelAsync(IPage page, string select, string text) =>
        (await page.Locator($"[name='{select}'] option", new() { HasText = text }).First.InnerTextAsync()).Trim();
}

/// <summary>Page object for the case pages: open a clue, take an action through its form, sign in as someone else.</summary>
public sealed class CasePages(IPage page)
{
    public async Task SignInAsync(string user)
    {
        await new LoginPage(page).SignInAsync(user, DemoUsers.Password);
        try
        {
            // The first sign-in of a fixture meets a cold app on a loaded machine: wait for the navigation to commit, up to 30 s.
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new() { Timeout = 30_000, WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException(await page.Locator("main").InnerTextAsync(), e);
        }
    }

    /// <summary>Moves the app's clock (and signs in again: a moved clock ends the 30-minute session).</summary>
    public async Task MoveToAsync(MovableClock clock, DateOnly day, string user)
    {
        clock.MoveTo(day);
        await SignInAsync(user);
    }

    public async Task<Guid> OpenClueAsync(string powerCode, string party, string idNumber, string address, string summary, string actOn, string[] officers)
    {
        await page.GotoAsync("/Cases/New");
        var power = await page.Locator("#power option", new() { HasText = powerCode }).First.GetAttributeAsync("value");
        await page.Locator("#power").SelectOptionAsync(power!);
        await page.Locator("[name='Form.PartyName']").FillAsync(party);
        await page.Locator("[name='Form.IdNumber']").FillAsync(idNumber);
        await page.Locator("[name='Form.Address']").FillAsync(address);
        await page.Locator("[name='Form.Summary']").FillAsync(summary);
        await page.Locator("[name='Form.ActOn']").FillAsync(actOn);
        foreach (var o in officers)
        {
            await page.Locator("label.check", new() { HasText = o }).Locator("input").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Cases/Details/"));
        return Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
    }

    /// <summary>Opens the action's form, fills it, submits; returns the error text when a refusal is expected.</summary>
    public async Task<string> ActAsync(Guid id, string action, Func<Task>? fill = null, bool expectRefusal = false)
    {
        await page.GotoAsync($"/Cases/Act/{id}/{action}");
        if (fill is not null)
        {
            await fill();
        }

        return await SubmitAsync(id, expectRefusal);
    }

    public async Task<string> SubmitAsync(Guid id, bool expectRefusal = false)
    {
        await page.Locator("form.form button[type=submit]").ClickAsync();
        if (expectRefusal)
        {
            await page.Locator(".errors").WaitForAsync();
            return await page.Locator(".errors").InnerTextAsync();
        }

        await page.WaitForURLAsync(new Regex($"/Cases/Details/{id}$"));
        return string.Empty;
    }
}

/// <summary>
/// The browser test classes (each its own app and Chromium) run one after the other, not side by side: on a 2-core
/// machine several at once starve each other's page loads until Playwright's timeouts fire.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests
{
    public const string Name = "browser";
}
