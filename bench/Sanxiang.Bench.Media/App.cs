using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Sanxiang.Bench.Media;

/// <summary>
/// The real app (the Release build of src/Sanxiang.Host) as a child process on a loopback port, with its SQLite
/// database, media root and keys in the benchmark's work directory and the demo data loaded, and an HTTP client signed
/// in as a demo user through the sign-in page (cookies, antiforgery header taken from /Media/Upload's form).
/// </summary>
internal sealed partial class App : IAsyncDisposable
{
    private readonly Process _process;

    private App(Process process, Uri address, string mediaRoot)
    {
        _process = process;
        Address = address;
        MediaRoot = mediaRoot;
    }

    public Uri Address { get; }

    public string MediaRoot { get; }

    public int Pid => _process.Id;

    public static async Task<App> StartAsync(string hostDll, string work, int port)
    {
        Directory.CreateDirectory(work);
        var mediaRoot = Path.Combine(work, "media");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(work, "sanxiang.db")}";
        start.Environment["Media__Root"] = mediaRoot;
        start.Environment["Demo__Seed"] = "true";
        start.Environment["DataProtection__KeysPath"] = Path.Combine(work, "keys");
        start.Environment["Ledger__KeyFile"] = Path.Combine(work, "ledger", "signer.key");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("the host did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"[host] {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new App(process, new Uri($"http://127.0.0.1:{port}"), mediaRoot);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the host exited with {process.ExitCode} before it served requests");
            }

            try
            {
                using var r = await probe.GetAsync(new Uri(app.Address, "/health/ready"));
                if (r.IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException("the host was not ready within 3 minutes");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A client signed in as <paramref name="user"/> with the password (no second factor), carrying the antiforgery header.</summary>
    public async Task<HttpClient> SignInAsync(string user, string password)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = Address, Timeout = Timeout.InfiniteTimeSpan };
        var login = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var token = FormToken().Match(login) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on /Account/Login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["userName"] = user,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        using (var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form))
        {
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("/Account/", StringComparison.Ordinal) != false)
            {
                throw new InvalidOperationException($"sign-in of {user} failed: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        var upload = await client.GetStringAsync(new Uri("/Media/Upload", UriKind.Relative));
        var header = DataToken().Match(upload) is { Success: true } t ? WebUtility.HtmlDecode(t.Groups[1].Value) : throw new InvalidOperationException("no data-token on /Media/Upload");
        client.DefaultRequestHeaders.Add("RequestVerificationToken", header);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The process's resident set now and its high-water mark (kB from /proc/PID/status), in bytes.</summary>
    public static (long Rss, long Hwm) Memory(int pid)
    {
        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kb(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kb(line);
            }
        }

        return (rss, hwm);

        static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("id=\"upload-form\"[^>]*data-token=\"([^\"]+)\"")]
    private static partial Regex DataToken();
}

/// <summary>Samples a process's VmRSS every <c>interval</c> on its own thread and keeps the peak.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly int _pid;
    private readonly Thread _thread;
    private readonly TimeSpan _interval;
    private volatile bool _stop;
    private long _peak;

    public MemorySampler(int pid, TimeSpan interval)
    {
        _pid = pid;
        _interval = interval;
        (Before, HwmBefore) = App.Memory(pid);
        _peak = Before;
        _thread = new Thread(Run) { IsBackground = true, Name = "rss-sampler" };
        _thread.Start();
    }

    /// <summary>VmRSS just before the measured work started.</summary>
    public long Before { get; }

    public long HwmBefore { get; }

    public long Peak => Interlocked.Read(ref _peak);

    public int Samples { get; private set; }

    /// <summary>Stops sampling (after one last sample) and returns the peak VmRSS and the VmHWM at the end.</summary>
    public (long PeakRss, long Hwm) Stop()
    {
        _stop = true;
        _thread.Join();
        var (rss, hwm) = App.Memory(_pid);
        Interlocked.Exchange(ref _peak, Math.Max(Peak, rss));
        return (Peak, hwm);
    }

    public void Dispose()
    {
        if (!_stop)
        {
            Stop();
        }
    }

    private void Run()
    {
        while (!_stop)
        {
            var (rss, _) = App.Memory(_pid);
            Samples++;
            if (rss > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, rss);
            }

            Thread.Sleep(_interval);
        }
    }
}
