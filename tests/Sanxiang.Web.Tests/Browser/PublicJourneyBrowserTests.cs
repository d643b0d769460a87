using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sanxiang.Disclosure.Domain;
using Sanxiang.Web.Tests.Infrastructure;
using static Sanxiang.Web.Tests.Infrastructure.PublicationApi;

namespace Sanxiang.Web.Tests.Browser;

/// <summary>
/// Issue 7's after-enforcement journey as the public sees it, on a phone (390×844), with the test clock: a decision of
/// Monday 2 March 2026 (reached through the case API) is not on the portal before service; the officer serves it on
/// the case pages on Wednesday 4 March, the job publishes it that day (due within 7 working days, GB118-PUB-3);
/// a two-character word typed into the portal's search box finds it; its page's Ledger link verifies on /verify; the
/// officer records on the case pages a reconsideration that revokes it, the job withdraws it with the reason shown and
/// the decision's text gone (APL-48), and the search no longer finds it (ADR 0017: a withdrawn decision leaves the
/// index; only its withdrawal notice stays at its address).
/// </summary>
[Trait("Area", "Browser")]
[Collection(BrowserTests.Name)]
public sealed class PublicJourneyBrowserTests(CaseBrowserFixture app) : IClassFixture<CaseBrowserFixture>
{
    private const string Party = "孙志强";
    private const string IdNumber = "13012319850312006X";
    private const string Facts = $"当事人{Party}（身份证号{IdNumber}，联系电话15033334444）于2026年2月20日销售超过保质期的食品20袋，拟没收违法所得，责令停产整顿。";

    [Fact]
    public async Task GB118_PUB_3_APL_48_ADecisionServedInTheBackOffice_IsPublishedOnSchedule_FoundByTwoCharacters_Verified_AndWithdrawnWhenRevoked_OnAPhone()
    {
        app.Clock.MoveTo(new DateOnly(2026, 3, 2));
        var officer = await ApiClientAsync("officer.market");
        var head = await ApiClientAsync("head.market");
        var party = new { kind = "Person", name = Party, idNumber = IdNumber, address = "安平县城关镇和平街6号", phone = "15033334444" };
        var caseId = await DecidedAsync(officer, head, party, Facts, Confiscation(2_000_00));
        await RunPublicationAsync(app);
        var p = (await PublicationOfAsync(app, caseId))!;
        p.Status.ShouldBe(PublicationStatus.Pending, "decided, not yet served (PUB-RED-3)");

        var phone = await app.NewPageAsync(390, 844);
        var portal = new PublicDecisionPages(phone);
        await portal.SearchAsync("停产");
        (await portal.ResultLinks.CountAsync()).ShouldBe(0, "nothing is on the portal before service");
        (await phone.GotoAsync($"/Public/Decisions/{p.Id}"))!.Status.ShouldBe(404);

        // The back office: the officer serves the decision on the case pages two days later.
        var desk = await app.NewPageAsync();
        var cases = new CasePages(desk);
        await cases.MoveToAsync(app.Clock, new DateOnly(2026, 3, 4), "officer.market");
        await cases.ActAsync(caseId, "service", async () =>
        {
            (await desk.Locator("[name='Form.Text']").InputValueAsync()).ShouldBe(Party, "the recipient is prefilled with the party");
            await desk.Locator("[name='Form.Date1']").FillAsync("2026-03-04");
        });
        await RunPublicationAsync(app);
        p = (await PublicationOfAsync(app, caseId))!;
        (p.Status, p.PublishedOn, p.DueOn).ShouldBe((PublicationStatus.Published, new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 11)));
        await IntegrateLedgerAsync(app);

        await portal.SearchAsync("停产");
        (await phone.Locator("#result-count").InnerTextAsync()).ShouldContain("关键词“停产”");
        var link = portal.ResultLinks.Filter(new() { HasText = p.DecisionNumber! });
        (await link.CountAsync()).ShouldBe(1);
        (await phone.Locator("#decisions tbody tr", new() { HasText = p.DecisionNumber! }).InnerTextAsync()).ShouldContain(Party, customMessage: "the penalised party's own name is published (PUB-RED-2)");
        await link.ClickAsync();
        await phone.WaitForURLAsync($"**/Public/Decisions/{p.Id}");
        var facts = await phone.Locator("#facts").InnerTextAsync();
        facts.ShouldContain("责令停产整顿");
        facts.ShouldContain("130123********006X");
        facts.ShouldContain("150****4444");
        facts.ShouldNotContain(IdNumber);
        await AssertFitsAsync(phone, "the decision page");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "41-public-decision-phone.png"), FullPage = true });

        await phone.Locator("#verify").GetByRole(AriaRole.Link, new() { Name = "在公开记录日志中核验" }).ClickAsync();
        await phone.WaitForURLAsync(new Regex($"/verify\\?sha256={p.Sha256}$"));
        var verdict = await phone.Locator("#verdict").InnerTextAsync();
        verdict.ShouldContain("核验通过");
        verdict.ShouldContain("已验证：该事件记录在不可篡改的日志中，且未被改动。");
        verdict.ShouldContain("disclosure.decision.published");
        await AssertFitsAsync(phone, "the verification page");

        // The back office again: a reconsideration ends on 12 March and revokes the decision.
        await cases.MoveToAsync(app.Clock, new DateOnly(2026, 3, 12), "officer.market");
        await cases.ActAsync(caseId, "remedy", async () =>
        {
            await desk.Locator("[name='Form.RemedyKind']").SelectOptionAsync("Reconsideration");
            await desk.Locator("[name='Form.Date1']").FillAsync("2026-03-05");
            await desk.Locator("[name='Form.Date2']").FillAsync("2026-03-12");
            await desk.Locator("[name='Form.RemedyResult']").SelectOptionAsync("Revoked");
            await desk.Locator("[name='Form.Text']").FillAsync("复议机关认为认定事实不清，决定撤销");
        });
        await RunPublicationAsync(app);
        p = (await PublicationOfAsync(app, caseId))!;
        (p.Status, p.WithdrawnOn, p.WithdrawalDueOn).ShouldBe((PublicationStatus.Withdrawn, new DateOnly(2026, 3, 12), new DateOnly(2026, 3, 17)));
        await IntegrateLedgerAsync(app);

        await phone.GotoAsync($"/Public/Decisions/{p.Id}");
        (await phone.Locator("h1").InnerTextAsync()).ShouldStartWith("撤回公告");
        var notice = await phone.Locator("#withdrawal").InnerTextAsync();
        notice.ShouldContain("2026年3月12日 撤回");
        notice.ShouldContain("复议机关认为认定事实不清，决定撤销");
        notice.ShouldContain("《行政处罚法》第四十八条");
        (await phone.Locator("#facts").CountAsync()).ShouldBe(0, "the decision's text is no longer shown");
        (await phone.Locator("#result").CountAsync()).ShouldBe(0);
        (await phone.Locator("main").InnerTextAsync()).ShouldNotContain("停产整顿");
        await AssertFitsAsync(phone, "the withdrawal notice");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "42-public-withdrawal-phone.png"), FullPage = true });
        await phone.Locator("#withdrawal").GetByRole(AriaRole.Link, new() { Name = "在公开记录日志中核验撤回公告" }).ClickAsync();
        await phone.WaitForURLAsync(new Regex($"/verify\\?sha256={p.WithdrawalSha256}$"));
        (await phone.Locator("#verdict").InnerTextAsync()).ShouldContain("disclosure.decision.withdrawn");

        await portal.SearchAsync("停产");
        (await portal.ResultLinks.Filter(new() { HasText = p.DecisionNumber! }).CountAsync()).ShouldBe(0, "a withdrawn decision leaves the index (ADR 0017)");
        await phone.Context.CloseAsync();
        await desk.Context.CloseAsync();
    }

    /// <summary>
    /// A cookie client on the fixture's Kestrel port, signed in through the login form. Over a real port the factory's
    /// client follows redirects, so success is landing on a page other than the login form.
    /// </summary>
    private async Task<HttpClient> ApiClientAsync(string user)
    {
        var client = app.NewClient();
        using (var r = await client.PostLoginAsync(user))
        {
            r.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            r.RequestMessage!.RequestUri!.AbsolutePath.ShouldNotStartWith("/Account/Login", customMessage: $"sign-in of {user}");
        }

        return await client.WithAntiforgeryHeaderAsync();
    }

    /// <summary>No horizontal scrolling on the phone; a failure names the elements that stick out.</summary>
    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var wide = await page.EvaluateAsync<string>(
            "() => document.documentElement.scrollWidth <= window.innerWidth ? '' : [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth).slice(-5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px').join('; ')");
        wide.ShouldBeEmpty($"{what} must fit a 390 px wide phone");
    }
}

/// <summary>Page object for the public decision list: the search box and the result links.</summary>
public sealed class PublicDecisionPages(IPage page)
{
    public ILocator ResultLinks => page.Locator("#decisions tbody a");

    /// <summary>Opens /Public/Decisions, types the words into the search box and submits the form.</summary>
    public async Task SearchAsync(string words)
    {
        await page.GotoAsync("/Public/Decisions");
        await page.GetByLabel("关键词").FillAsync(words);
        await page.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("[?&]q="));
    }
}
