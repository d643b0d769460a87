using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sanxiang.Host.Auth;

namespace Sanxiang.Web.Tests.Browser;

/// <summary>
/// An administrator (with the second factor, SEC-AUTH-1) adds a holiday on the 工作日历 page and sees it marked
/// in the month grid and listed. Its own app and database: the admin enrols TOTP here.
/// </summary>
[Trait("Area", "Browser")]
[Collection(BrowserTests.Name)]
public sealed class CalendarBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Administrator_AddsAHoliday_AndSeesItInTheMonthGrid()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("admin", DemoUsers.Password);
        await new AuthenticatorPage(page).EnrolAsync();
        await page.Locator("#recovery-codes").WaitForAsync(); // enrolled: the recovery codes are shown once

        var calendar = new CalendarPage(page);
        await calendar.OpenAsync(2026);
        (await calendar.Day("2026-02-16").InnerTextAsync()).ShouldContain("休");
        (await calendar.Day("2026-03-10").GetAttributeAsync("class") ?? string.Empty).ShouldNotContain("holiday");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "12-calendar-2026.png"), FullPage = true });

        await calendar.AddAsync("2026-03-10", "Holiday", "地方性假日", "测试通知");

        await page.WaitForURLAsync(new Regex("year=2026"));
        (await page.Locator(".flash").InnerTextAsync()).ShouldContain("已保存 2026-03-10");
        (await calendar.Day("2026-03-10").GetAttributeAsync("class"))!.ShouldContain("holiday");
        (await calendar.Day("2026-03-10").InnerTextAsync()).ShouldContain("休");
        (await calendar.Entry("2026-03-10").InnerTextAsync()).ShouldContain("地方性假日");
        await calendar.Day("2026-03-10").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "13-calendar-holiday-added.png") });
        await page.Context.CloseAsync();
    }
}
