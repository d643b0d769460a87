using System.Diagnostics;
using System.Text;

namespace Sanxiang.Documents.Tests;

/// <summary>Runs the Debian tools the tests check output with (pdftotext, pdftoppm, soffice, zbarimg); ./test.sh installs them.</summary>
internal static class ExternalTool
{
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, int timeoutSeconds = 120)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException e)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} took more than {timeoutSeconds} s", e);
        }

        var output = await stdout;
        process.ExitCode.ShouldBe(0, $"{file} {string.Join(' ', start.ArgumentList)} failed: {await stderr}");
        return output;
    }

    /// <summary>The text of a PDF, laid out as on the page (pdftotext -layout).</summary>
    public static async Task<string> PdfToTextAsync(byte[] pdf)
    {
        using var dir = new TempDirectory();
        var file = dir.File("document.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        return await RunAsync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]);
    }

    /// <summary>Every QR code zbarimg finds in an image, one payload per element.</summary>
    public static async Task<string[]> DecodeQrAsync(string imageFile)
    {
        var output = await RunAsync("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", imageFile]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}

/// <summary>A directory under /tmp removed at dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("sanxiang-docs-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file cleaning.
        }
    }
}
