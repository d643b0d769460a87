using System.Diagnostics;
using System.Text.RegularExpressions;
using Sanxiang.Media.Features;
using Sanxiang.Media.Storage;

namespace Sanxiang.Web.Tests.Infrastructure;

/// <summary>
/// A real S3-compatible server for the tests: s3rver (npm, installed outside the repository by scripts/s3rver.sh,
/// which test.sh runs and which this fixture runs too when it is missing), started as a child process on a free
/// port (-p 0; the port is read from its "listening" line) over a temp directory, and killed on dispose. Buckets
/// are created by the store itself (Media:S3:CreateBucket).
/// </summary>
public sealed partial class S3rverFixture : IAsyncLifetime
{
    /// <summary>s3rver's built-in credentials.</summary>
    public const string AccessKey = "S3RVER";

    public const string SecretKey = "S3RVER";

    private Process? _process;

    /// <summary>s3rver's data directory: a bucket is a folder, an object a folder named after its key.</summary>
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("sanxiang-s3rver-").FullName;

    public string ServiceUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var install = (await ExternalTools.RunAsync("bash", [Path.Combine(ExternalTools.RepositoryRoot(), "scripts", "s3rver.sh")], timeoutSeconds: 300)).Trim();
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        // s3rver encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 keeps in its legacy provider.
        foreach (var a in (string[])["--openssl-legacy-provider", Path.Combine(install, "node_modules", "s3rver", "bin", "s3rver.js"), "-d", DataDirectory, "-a", "127.0.0.1", "-p", "0", "--silent"])
        {
            start.ArgumentList.Add(a);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _ = _process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Listening().Match(line) is { Success: true } m)
            {
                ServiceUrl = $"http://127.0.0.1:{m.Groups[1].Value}";
                _ = _process.StandardOutput.ReadToEndAsync();
                return;
            }
        }

        throw new InvalidOperationException($"s3rver exited ({_process.ExitCode}) before it listened");
    }

    /// <summary>The app's settings for this server (a bucket per test keeps tests apart).</summary>
    internal S3Options Options(string bucket, string? prefix = null) => new()
    {
        ServiceUrl = ServiceUrl,
        Bucket = bucket,
        Prefix = prefix ?? string.Empty,
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        ForcePathStyle = true,
    };

    internal S3ObjectStore Store(string bucket, string? prefix = null) => S3ObjectStore.Create(Options(bucket, prefix));

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleanup.
        }

        return Task.CompletedTask;
    }

    [GeneratedRegex(@"S3rver listening on [^\s]+:(\d+)")]
    private static partial Regex Listening();
}
