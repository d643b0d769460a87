using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Sanxiang.Documents;

/// <summary>
/// The one headless Chromium (driven by Playwright) behind <see cref="PdfPrinter"/>: started on first use, started
/// again when it has gone (crashed, killed), closed on dispose. Never downloads a browser: it runs the configured
/// executable or fails with <see cref="ChromiumUnavailableException"/>.
/// </summary>
internal sealed class ChromiumHost(DocumentRenderingOptions options, ILogger logger) : IAsyncDisposable
{
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage",
    ];

    private readonly SemaphoreSlim _lock = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    /// <summary>The running browser, starting it (again) when needed.</summary>
    public async Task<IBrowser> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _browser);
        if (current is { IsConnected: true })
        {
            return current;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            if (_browser is not null)
            {
                // The browser (or Playwright's driver under it) is gone: start both afresh.
                PdfPrinterLog.BrowserLost(logger);
                await StopAsync();
            }

            if (!File.Exists(options.ChromiumPath))
            {
                PdfPrinterLog.BrowserMissing(logger, options.ChromiumPath);
                throw new ChromiumUnavailableException();
            }

            try
            {
                _playwright ??= await Playwright.CreateAsync();
                var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = options.ChromiumPath,
                    Headless = true,
                    Args = Arguments,
                    Timeout = options.LaunchTimeoutSeconds * 1000f,
                    HandleSIGINT = false,
                    HandleSIGTERM = false,
                    HandleSIGHUP = false,
                });
                Volatile.Write(ref _browser, browser);
                PdfPrinterLog.BrowserStarted(logger, browser.Version, options.MaxConcurrentPdf);
                return browser;
            }
            catch (Exception e) when (e is not OperationCanceledException and not ChromiumUnavailableException)
            {
                PdfPrinterLog.BrowserFailed(logger, e);
                await StopAsync();
                throw new ChromiumUnavailableException(ChromiumUnavailableException.CannotStartMessage, e);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lock.WaitAsync();
        try
        {
            _disposed = true;
            await StopAsync();
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task StopAsync()
    {
        var browser = _browser;
        _browser = null;
        if (browser is not null)
        {
            try
            {
                await browser.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Already gone.
            }
        }

        _playwright?.Dispose();
        _playwright = null;
    }
}
