using System.Diagnostics;
using System.Text;

namespace Sanxiang.Web.Tests.Infrastructure;

/// <summary>Runs a command-line tool (pdftotext, soffice, …) and returns its standard output; a non-zero exit fails the test.</summary>
public static class ExternalTools
{
    /// <summary>The repository's root folder (the one with Sanxiang.slnx), found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Sanxiang.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }

        return root;
    }

    public static async Task<string> RunAsync(string file, IEnumerable<string> args, int timeoutSeconds = 120)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        await p.WaitForExitAsync(cts.Token);
        p.ExitCode.ShouldBe(0, $"{file}: {await stderr}");
        return await stdout;
    }
}
