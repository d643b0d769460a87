using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Web.Tests.Browser;

/// <summary>Page objects for the journeys the browser tests walk through.</summary>
public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string userName, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    public ILocator Error => page.Locator(".errors");
}

public sealed class AuthenticatorPage(IPage page)
{
    /// <summary>Reads the shared key shown on the enrolment page and submits the current TOTP code.</summary>
    public async Task<byte[]> EnrolAsync()
    {
        await page.WaitForURLAsync(new Regex("/Account/SetupAuthenticator"));
        var key = Base32.Decode(await page.Locator("#shared-key").InnerTextAsync());
        await page.GetByLabel("验证码").FillAsync(Totp.Compute(key, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await page.GetByRole(AriaRole.Button, new() { Name = "启用双因素认证" }).ClickAsync();
        return key;
    }

    /// <summary>Answers the second-factor prompt with the next step's code (a step once used is refused: replay protection).</summary>
    public async Task AnswerAsync(byte[] key)
    {
        await page.WaitForURLAsync(new Regex("/Account/LoginWith2fa"));
        await page.GetByLabel("动态验证码").FillAsync(Totp.Compute(key, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + Totp.StepSeconds));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证" }).ClickAsync();
    }
}

public sealed class OfficerListPage(IPage page)
{
    public ILocator Rows => page.Locator("#officers tbody tr");

    public async Task OpenAsync() => await page.GotoAsync("/Registry/Officers");

    public async Task SearchAsync(string text)
    {
        await page.GetByLabel("姓名或执法证号").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("search="));
    }
}

public sealed class ImportPage(IPage page)
{
    public ILocator Errors => page.Locator("#import-errors");

    public ILocator Success => page.Locator("#import-ok");

    public async Task UploadAsync(string kind, string fileName, byte[] content)
    {
        await page.GotoAsync($"/Registry/Import?kind={kind}");
        await page.GetByLabel("文件").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = content });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
    }
}

public sealed class CalendarPage(IPage page)
{
    public async Task OpenAsync(int year) => await page.GotoAsync($"/Registry/Calendar?year={year}");

    /// <summary>A day's cell in the month grid.</summary>
    public ILocator Day(string isoDate) => page.Locator($"td[data-date='{isoDate}']");

    public ILocator Entry(string isoDate) => page.Locator($"#calendar-days tr[data-date='{isoDate}']");

    public async Task AddAsync(string isoDate, string kind, string name, string source)
    {
        await page.GetByLabel("日期", new() { Exact = true }).FillAsync(isoDate);
        await page.GetByLabel("类型").SelectOptionAsync(kind);
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("依据", new() { Exact = true }).FillAsync(source);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
    }
}
