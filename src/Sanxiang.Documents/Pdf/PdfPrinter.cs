using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Sanxiang.Documents;

/// <summary>
/// Prints documents to PDF with one warm headless Chromium kept for the application's lifetime (register it as a
/// singleton with <c>AddDocumentRendering</c>). The browser starts on the first PDF; at most
/// <see cref="DocumentRenderingOptions.MaxConcurrentPdf"/> PDFs are printed at once, each on a page of its own
/// that is kept for the next request; a browser that died is started again. A4, backgrounds printed, page
/// numbers in the footer (第 N 页 共 M 页).
/// </summary>
/// <exception cref="ChromiumUnavailableException">Chromium is missing or cannot start (answer 503).</exception>
/// <exception cref="TimeoutException">A PDF took longer than <see cref="DocumentRenderingOptions.PdfTimeoutSeconds"/>.</exception>
public sealed class PdfPrinter : IAsyncDisposable
{
    public const string TimeoutMessage = "生成 PDF 超时，请稍后重试。";

    private const string Footer =
        "<div style=\"width:100%;text-align:center;font-size:9pt;font-family:'Sanxiang Serif SC','Noto Serif CJK SC',serif;color:#000\">"
        + "第 <span class=\"pageNumber\"></span> 页　共 <span class=\"totalPages\"></span> 页</div>";

    private readonly DocumentRenderingOptions _options;
    private readonly ILogger<PdfPrinter> _logger;
    private readonly ChromiumHost _chromium;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<PooledPage> _idle = [];
    private int _disposed;

    public PdfPrinter(IOptions<DocumentRenderingOptions> options, ILogger<PdfPrinter> logger)
    {
        _options = options.Value;
        _logger = logger;
        _chromium = new ChromiumHost(_options, logger);
        _slots = new SemaphoreSlim(_options.MaxConcurrentPdf, _options.MaxConcurrentPdf);
    }

    /// <summary>Renders <paramref name="document"/> with <see cref="HtmlDocumentRenderer"/> and prints it.</summary>
    public Task<byte[]> PrintAsync(OfficialDocument document, CancellationToken cancellationToken = default) =>
        PrintHtmlAsync(HtmlDocumentRenderer.Render(document), cancellationToken);

    /// <summary>Prints a self-contained HTML page (it may not load anything from the network).</summary>
    public async Task<byte[]> PrintHtmlAsync(string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(_options.PdfTimeoutSeconds));
        try
        {
            await _slots.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(TimeoutMessage, e);
        }

        try
        {
            return await PrintInSlotAsync(html, deadline.Token, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Starts the browser and readies one page now rather than on the first request.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _idle.Add(await LeaseAsync(cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _idle.Clear();
        await _chromium.DisposeAsync();
    }

    private async Task<byte[]> PrintInSlotAsync(string html, CancellationToken deadline, CancellationToken caller)
    {
        for (var attempt = 1; ; attempt++)
        {
            var lease = await LeaseAsync(deadline);
            try
            {
                var pdf = await RenderAsync(lease.Page, html).WaitAsync(deadline);
                _idle.Add(lease);
                return pdf;
            }
            catch (Exception e) when (!caller.IsCancellationRequested && e is OperationCanceledException or TimeoutException)
            {
                PdfPrinterLog.PrintTimedOut(_logger, _options.PdfTimeoutSeconds);
                await lease.CloseAsync();
                throw new TimeoutException(TimeoutMessage, e);
            }
            catch (PlaywrightException) when (attempt == 1)
            {
                // The page or the whole browser died under this request: drop the page and try once more
                // (LeaseAsync starts the browser again if it is gone).
                await lease.CloseAsync();
            }
            catch
            {
                await lease.CloseAsync();
                throw;
            }
        }
    }

    private async Task<PooledPage> LeaseAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var pooled))
        {
            if (pooled.Browser.IsConnected && !pooled.Page.IsClosed)
            {
                return pooled;
            }

            await pooled.CloseAsync();
        }

        var browser = await _chromium.GetAsync(cancellationToken);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false,
            Locale = "zh-CN",
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(_options.PdfTimeoutSeconds * 1000f);
        return new PooledPage(browser, context, page);
    }

    private static async Task<byte[]> RenderAsync(IPage page, string html)
    {
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        return await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            PreferCSSPageSize = true,
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = "<span></span>",
            FooterTemplate = Footer,
        });
    }

    private sealed record PooledPage(IBrowser Browser, IBrowserContext Context, IPage Page)
    {
        public async Task CloseAsync()
        {
            if (!Browser.IsConnected)
            {
                return;
            }

            try
            {
                await Context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // The browser is gone already.
            }
        }
    }
}
