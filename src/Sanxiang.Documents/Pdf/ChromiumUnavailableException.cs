namespace Sanxiang.Documents;

/// <summary>
/// Chromium is not installed or cannot be started, so no PDF can be printed. The message is Chinese and safe to
/// show (it holds no path); a web endpoint answers 503 with it.
/// </summary>
public sealed class ChromiumUnavailableException : Exception
{
    public const string NotInstalledMessage = "服务器未安装 Chromium，无法生成 PDF。";
    public const string CannotStartMessage = "服务器上的 Chromium 无法启动，暂时无法生成 PDF。";

    public ChromiumUnavailableException()
        : base(NotInstalledMessage)
    {
    }

    public ChromiumUnavailableException(string message)
        : base(message)
    {
    }

    public ChromiumUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
