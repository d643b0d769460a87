using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sanxiang.Host.Auth;

namespace Sanxiang.Web.Tests.Browser;

/// <summary>
/// The critical journeys in Debian's Chromium: signing in with and without the second factor (SEC-AUTH-1),
/// searching the officer list, and an import with a bad row that applies nothing. Saves screenshots of the
/// main pages to artifacts/screenshots.
/// </summary>
[Trait("Area", "Browser")]
[Collection(BrowserTests.Name)]
public sealed class BrowserJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Officer_SignsIn_WithPassword_AndSeesTheDashboard()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("officer.market", DemoUsers.Password);
        await page.WaitForURLAsync(new Regex("/$"));
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("工作台");
        (await page.Locator(".who").InnerTextAsync()).ShouldContain("执法人员");
        await Shot(page, "01-dashboard");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WrongPassword_ShowsAChineseError()
    {
        var page = await app.NewPageAsync();
        var login = new LoginPage(page);
        await page.GotoAsync("/Account/Login");
        await Shot(page, "00-login");
        await login.SignInAsync("officer.urban", "wrong-password-1");
        (await login.Error.InnerTextAsync()).ShouldContain("用户名或密码错误");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_MustEnrolTotp_ThenSignsInWithTheSecondFactor_SECAUTH1()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("admin", DemoUsers.Password);

        // Enrolment is forced before anything else: other pages redirect here.
        await page.WaitForURLAsync(new Regex("/Account/SetupAuthenticator"));
        await Shot(page, "02-totp-enrolment");
        await page.GotoAsync("/Registry/Officers");
        page.Url.ShouldContain("/Account/SetupAuthenticator");
        var key = await new AuthenticatorPage(page).EnrolAsync();

        // Enrolled: the ten recovery codes are shown once.
        (await page.Locator("#recovery-codes li").CountAsync()).ShouldBe(10);
        await Shot(page, "02b-recovery-codes");

        // Sign out and back in: now the code is asked for.
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Account/Logout"));
        await page.GotoAsync("/Registry/Officers");
        page.Url.ShouldContain("/Account/Login", customMessage: "signing out ends the session");
        await new LoginPage(page).SignInAsync("admin", DemoUsers.Password);
        await page.WaitForURLAsync(new Regex("/Account/LoginWith2fa"));
        await Shot(page, "03-totp-prompt");
        await new AuthenticatorPage(page).AnswerAsync(key);
        await page.WaitForURLAsync(new Regex("/$"));
        await page.GotoAsync("/Admin/Users");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("用户管理");
        await Shot(page, "04-admin-users");
        await page.GotoAsync("/Registry/Agencies");
        await Shot(page, "05-agencies");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OfficerList_Search_FindsByName_AndShowsExpiredInRed()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("head.market", DemoUsers.Password);
        await page.WaitForURLAsync(new Regex("/$"));
        var list = new OfficerListPage(page);
        await list.OpenAsync();
        (await list.Rows.CountAsync()).ShouldBeGreaterThan(1);
        await Shot(page, "06-officers");

        await list.SearchAsync("王建国");
        (await list.Rows.CountAsync()).ShouldBe(1);
        (await list.Rows.First.InnerTextAsync()).ShouldContain("王建国");

        // The demo officer 刘洋 holds an expired certificate: shown as such (REG-1).
        await list.SearchAsync("刘洋");
        (await list.Rows.First.Locator(".badge.expired").InnerTextAsync()).ShouldBe("已过期");

        await page.GotoAsync("/Registry/Powers");
        await Shot(page, "07-powers");
        await page.Locator("#powers a", new() { HasText = "对经营不符合食品安全标准的食品的处罚" }).ClickAsync();
        await page.Locator("#benchmark").WaitForAsync();
        await Shot(page, "08-power-details");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Import_WithABadRow_ListsLineColumnReason_AndAppliesNothing()
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).SignInAsync("head.urban", DemoUsers.Password);
        await page.WaitForURLAsync(new Regex("/$"));
        var list = new OfficerListPage(page);
        await list.OpenAsync();
        var before = await page.Locator(".pager span").InnerTextAsync();

        var csv = new StringBuilder()
            .AppendLine("姓名,身份证号,执法证号,执法领域,发证日期,有效期至,辅助人员,法律职业资格")
            .AppendLine("测试甲,11010519491231002X,B-TEST-0001,市容环卫,2024-01-01,2029-01-01,否,否")
            .AppendLine("测试乙,110105194912310021,B-TEST-0002,市容环卫,2024-01-01,2029-01-01,否,否")
            .ToString();
        var import = new ImportPage(page);
        await import.UploadAsync("officers", "officers.csv", Encoding.UTF8.GetBytes(csv));
        var errors = await import.Errors.InnerTextAsync();
        errors.ShouldContain("第3行");
        errors.ShouldContain("身份证号");
        errors.ShouldContain("GB 11643");
        await Shot(page, "09-import-rejected");

        await list.OpenAsync();
        (await page.Locator(".pager span").InnerTextAsync()).ShouldBe(before);
        await list.SearchAsync("测试甲");
        (await list.Rows.CountAsync()).ShouldBe(0);

        // The same file without the bad row applies completely.
        var good = string.Join('\n', csv.Split('\n').Where(l => !l.Contains("测试乙", StringComparison.Ordinal)));
        await import.UploadAsync("officers", "officers.csv", Encoding.UTF8.GetBytes(good));
        (await import.Success.InnerTextAsync()).ShouldContain("1");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OfficerForm_BadInput_ShowsInlineChineseErrors_OnAPhone()
    {
        var page = await app.NewPageAsync(390, 844);
        await new LoginPage(page).SignInAsync("head.market", DemoUsers.Password);
        await page.WaitForURLAsync(new Regex("/$"));
        await page.GotoAsync("/Registry/Officers/Edit");
        await page.GetByLabel("姓名").FillAsync("测试丙");
        await page.GetByLabel("身份证号").FillAsync("110105194912310021");
        await page.GetByLabel("执法证号").FillAsync("C-TEST-1");
        await page.GetByLabel("执法领域").FillAsync("食品安全");
        await page.GetByLabel("发证日期").FillAsync("2025-06-01");
        await page.GetByLabel("有效期至").FillAsync("2024-06-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        (await page.Locator(".errors").InnerTextAsync()).ShouldContain("身份证号无效");
        (await page.Locator("#idnumber").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await page.Locator(".field-error").Filter(new() { HasText = "晚于发证日期" }).CountAsync()).ShouldBe(1);
        await Shot(page, "10-officer-form-errors-phone");
        await page.Context.CloseAsync();
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}.png"), FullPage = true });
}
