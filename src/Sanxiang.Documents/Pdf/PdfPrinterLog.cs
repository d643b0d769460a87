using Microsoft.Extensions.Logging;

namespace Sanxiang.Documents;

internal static partial class PdfPrinterLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Chromium started for PDF printing (version {Version}, {Slots} slots)")]
    public static partial void BrowserStarted(ILogger logger, string version, int slots);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Chromium for PDF printing is gone; starting it again")]
    public static partial void BrowserLost(ILogger logger);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Chromium is not installed at the configured path {Path}")]
    public static partial void BrowserMissing(ILogger logger, string path);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Chromium could not be started")]
    public static partial void BrowserFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "A PDF took longer than {Seconds} s; its page is discarded")]
    public static partial void PrintTimedOut(ILogger logger, int seconds);
}
