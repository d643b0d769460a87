using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests.Browser;

/// <summary>
/// The app on a real Kestrel port over a fresh database, and Debian's Chromium driven by Playwright
/// (never a downloaded browser). Screenshots go to artifacts/screenshots at the repository root.
/// </summary>
public class BrowserFixture : SanxiangFactory
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public static string ScreenshotDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sanxiang.slnx")))
            {
                dir = dir.Parent;
            }

            var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public override async Task InitializeAsync()
    {
        UseKestrel(0);
        await base.InitializeAsync();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <param name="bypassCsp">Lets a test inject a tool's script (axe-core) into pages whose policy forbids inline script.</param>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = height }, BypassCSP = bypassCsp });

        // The whole suite runs test classes in parallel on two cores: allow for a slow moment.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>HTTP clients (API steps a browser test takes before or between pages) talk to the same Kestrel port.</summary>
    protected override Uri ClientBaseAddress => BaseUrl.Length > 0 ? new Uri(BaseUrl + "/") : base.ClientBaseAddress;

    protected override async Task DisposeFixtureAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeFixtureAsync();
    }
}
