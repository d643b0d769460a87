using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Ledger.Persistence;
using Sanxiang.Registry.Contracts;
using Sanxiang.Tlog;
using Sanxiang.Tlog.Note;
using Sanxiang.Tlog.Tree;
using Sanxiang.Tlog.Verify;
using Sanxiang.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sanxiang.Web.Tests;

/// <summary>
/// Issue 3, item 3: a crash at any point leaves a log that verifies and loses no committed event. The real
/// app runs as a separate OS process (<c>dotnet Sanxiang.Host.dll</c>) with a short batch interval and small
/// batches; signed-in clients keep recording training hours (each 2xx answer is a committed event in the
/// registry outbox) while the sequencer integrates them, and at a random moment the process is killed with
/// SIGKILL and restarted on the same database and signing key. After the last round the sequencer catches up,
/// and then: the published log verifies; every outbox row (exactly the committed events) has exactly one
/// ledger entry; the tree size is the number of outbox rows; and every checkpoint a client saw before a kill,
/// and every stored checkpoint, is a prefix of the final tree (nothing committed was rewritten).
/// </summary>
[Trait("Area", "Crash")]
public sealed class LedgerCrashTests(ITestOutputHelper output)
{
    private static readonly string[] Outboxes = ["registry_outbox", "cases_outbox", "reviews_outbox", "media_outbox", "disclosure_outbox"];

    private const int Rounds = 10;
    private const int MaxKillDelayMilliseconds = 300;
    private const int Writers = 4;
    private const string TrainingEvent = "registry.officer.training-recorded";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task KillingTheAppRepeatedly_MidBatch_LeavesALogThatVerifies_AndLosesNoCommittedEvent()
    {
        var clock = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync();
        var keys = Directory.CreateTempSubdirectory("sanxiang-crash-keys-").FullName;
        try
        {
            var hostDll = FindHostDll();
            string[] settings =
            [
                $"--Database:Provider={database.Provider}",
                $"--Database:ConnectionString={database.ConnectionString}",
                $"--DataProtection:KeysPath={Path.Combine(keys, "data-protection")}",
                $"--Ledger:KeyFile={Path.Combine(keys, "ledger-signer.key")}",
                "--Demo:Seed=true",
                "--Ledger:BatchIntervalMilliseconds=50",
                "--Ledger:BatchSize=50",
                "--Logging:LogLevel:Default=Warning",
            ];

            var seenCheckpoints = new List<Checkpoint>();
            int acknowledged = 0, killsWithPending = 0, killsBetweenAppendAndMark = 0, killsInWriteTransaction = 0;
            long baselineTraining = -1;
            Guid[] officers = [];

            // One sign-in: the cookie stays valid across restarts (same data-protection keys), and skipping the login
            // pages keeps each round short.
            var cookies = new CookieContainer();
            var token = string.Empty; // the antiforgery token stays valid across restarts too
            for (var round = 1; round <= Rounds; round++)
            {
                var started = clock.Elapsed;
                await using var host = await AppProcess.StartAsync(hostDll, settings, StartTimeout);
                var ready = clock.Elapsed - started;
                using var client = NewClient(host.BaseAddress, cookies);
                if (round > 1)
                {
                    client.DefaultRequestHeaders.Add("RequestVerificationToken", token);
                }

                if (round == 1)
                {
                    await SignInAsync(client);
                    token = client.DefaultRequestHeaders.GetValues("RequestVerificationToken").Single();
                    officers = await OfficersAsync(client);
                    officers.Length.ShouldBeGreaterThanOrEqualTo(Writers, "the demo market bureau's officers, one per writer");
                    baselineTraining = await ScalarAsync(database, $"SELECT COUNT(*) FROM registry_outbox WHERE \"EventType\" = '{TrainingEvent}'");
                }

                // Writers run until the kill; a request cut off by the kill has an unknown outcome and is not counted.
                // The random delay starts once every writer has had a write acknowledged, so the kill hits a warm app
                // with events flowing and the sequencer busy, not one still compiling its first request.
                using var stop = new CancellationTokenSource();
                var warm = Enumerable.Range(0, Writers).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
                var writers = Enumerable.Range(0, Writers).Select(w => WriteUntilStoppedAsync(client, officers[w], round, warm[w], stop.Token)).ToList();
                await Task.WhenAll(warm.Select(w => w.Task));
                await Task.Delay(Random.Shared.Next(0, MaxKillDelayMilliseconds + 1));
                if (await CheckpointAsync(client) is { } seen)
                {
                    seenCheckpoints.Add(seen);
                }

                await host.KillAsync();
                await stop.CancelAsync();
                var results = await Task.WhenAll(writers);
                var unexpected = results.SelectMany(r => r.Unexpected).ToList();
                unexpected.ShouldBeEmpty($"round {round}: answers other than 2xx before the kill");
                var roundAcknowledged = results.Sum(r => r.Acknowledged);
                acknowledged += roundAcknowledged;

                // The process is dead: what it left behind is frozen. Pending rows mean the sequencer had work when it died;
                // pending rows already in the log mean it died between committing a batch and marking the outbox.
                var journal = database.Provider == DatabaseProvider.Sqlite && HasHotJournal(database.ConnectionString);
                var pending = await ScalarAsync(database, "SELECT COUNT(*) FROM registry_outbox WHERE \"ProcessedAt\" IS NULL");
                var appendedUnmarked = await ScalarAsync(database, "SELECT COUNT(*) FROM registry_outbox o WHERE o.\"ProcessedAt\" IS NULL AND EXISTS (SELECT 1 FROM ledger_entries e WHERE e.\"EventId\" = o.\"Id\")");
                killsWithPending += pending > 0 ? 1 : 0;
                killsBetweenAppendAndMark += appendedUnmarked > 0 ? 1 : 0;
                killsInWriteTransaction += journal ? 1 : 0;
                output.WriteLine($"round {round}: {roundAcknowledged} acknowledged, at the kill {pending} pending ({appendedUnmarked} appended but unmarked){(journal ? ", hot journal" : string.Empty)}, last checkpoint seen {seenCheckpoints.LastOrDefault()?.Size}, round {(clock.Elapsed - started).TotalSeconds:F1} s (start {ready.TotalSeconds:F1} s)");
            }

            // A last start: no writers; the sequencer integrates whatever the kills left pending.
            await using var final = await AppProcess.StartAsync(hostDll, settings, StartTimeout);
            using var reader = new HttpClient { BaseAddress = final.BaseAddress };
            var (outbox, size) = await CatchUpAsync(database, reader);

            output.WriteLine($"{database.Provider}: {Rounds} kills ({killsWithPending} with events pending, {killsBetweenAppendAndMark} between a batch's commit and the outbox marking" +
                $"{(database.Provider == DatabaseProvider.Sqlite ? $", {killsInWriteTransaction} inside a write transaction" : string.Empty)}), " +
                $"{acknowledged} acknowledged writes, {outbox} committed events, tree size {size}, {clock.Elapsed.TotalSeconds:F1} s");

            // (a) The published log verifies against the published key.
            var verification = await VerifyAsync(reader);
            verification.Ok.ShouldBeTrue(verification.Message);
            verification.TreeSize.ShouldBe(size);

            // (b) Every committed event has exactly one entry: none missing, none doubled, none from nowhere. Every module
            // with an outbox is counted here (a module that adds one must be added to Outboxes).
            foreach (var table in Outboxes)
            {
                (await ScalarAsync(database, $"SELECT COUNT(*) FROM {table} o WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.\"EventId\" = o.\"Id\")"))
                    .ShouldBe(0, $"committed events of {table} missing from the log");
            }

            (await ScalarAsync(database, "SELECT COUNT(*) FROM (SELECT \"EventId\" FROM ledger_entries GROUP BY \"EventId\" HAVING COUNT(*) > 1) d"))
                .ShouldBe(0, "events logged more than once");
            (await ScalarAsync(database, "SELECT COUNT(*) FROM ledger_entries e WHERE " + string.Join(" AND ", Outboxes.Select(t => $"NOT EXISTS (SELECT 1 FROM {t} o WHERE o.\"Id\" = e.\"EventId\")"))))
                .ShouldBe(0, "entries without a committed event");

            // (c) The tree holds exactly the committed events, and every acknowledged write is among them.
            size.ShouldBe(outbox);
            (await ScalarAsync(database, "SELECT COUNT(*) FROM ledger_entries")).ShouldBe(outbox);
            (await ScalarAsync(database, $"SELECT COUNT(*) FROM registry_outbox WHERE \"EventType\" = '{TrainingEvent}'") - baselineTraining)
                .ShouldBeGreaterThanOrEqualTo(acknowledged, "every 2xx answer is a committed event");
            acknowledged.ShouldBeGreaterThan(0, "the writers got events committed between the kills");

            // Append-only across crashes: each checkpoint seen before a kill, and each one stored, is a prefix of the final tree.
            await CheckPrefixesAsync(database, seenCheckpoints, size);
        }
        finally
        {
            try
            {
                Directory.Delete(keys, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS's temp cleanup.
            }
        }
    }

    /// <summary>Polls until no outbox row is pending and the checkpoint covers every row; returns (rows, tree size).</summary>
    private static async Task<(long Outbox, long Size)> CatchUpAsync(TestDatabase database, HttpClient client)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            long outbox = 0, pending = 0;
            foreach (var table in Outboxes)
            {
                outbox += await ScalarAsync(database, $"SELECT COUNT(*) FROM {table}");
                pending += await ScalarAsync(database, $"SELECT COUNT(*) FROM {table} WHERE \"ProcessedAt\" IS NULL");
            }

            var size = (await CheckpointAsync(client))?.Size ?? 0;
            if (pending == 0 && size >= outbox)
            {
                return (outbox, size);
            }

            if (deadline.Elapsed > CatchUpTimeout)
            {
                throw new TimeoutException($"the sequencer did not catch up: {outbox} outbox rows, {pending} pending, checkpoint size {size}");
            }

            await Task.Delay(100);
        }
    }

    private static async Task CheckPrefixesAsync(TestDatabase database, List<Checkpoint> seen, long size)
    {
        var builder = new DbContextOptionsBuilder<LedgerDbContext>();
        new DatabaseOptions { Provider = database.Provider, ConnectionString = database.ConnectionString }.Configure(builder);
        await using var db = new LedgerDbContext(builder.Options);
        var hashes = new DbHashReader(db);
        var stored = await db.Checkpoints.AsNoTracking().OrderBy(c => c.Size).Select(c => new { c.Size, c.RootHash }).ToListAsync();
        stored[^1].Size.ShouldBe(size);
        foreach (var c in stored)
        {
            Convert.ToHexString(await MerkleLog.TreeHash(HashSuite.Sha256, c.Size, hashes)).ShouldBe(Convert.ToHexString(c.RootHash), $"stored checkpoint of size {c.Size}");
        }

        foreach (var c in seen)
        {
            c.Size.ShouldBeLessThanOrEqualTo(size);
            Convert.ToHexString(await MerkleLog.TreeHash(HashSuite.Sha256, c.Size, hashes)).ShouldBe(Convert.ToHexString(c.RootHash.Span), $"checkpoint of size {c.Size} seen before a kill");
        }
    }

    private static async Task<(int Acknowledged, List<string> Unexpected)> WriteUntilStoppedAsync(HttpClient client, Guid officer, int round, TaskCompletionSource warm, CancellationToken stop)
    {
        var acknowledged = 0;
        var unexpected = new List<string>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            HttpResponseMessage response;
            try
            {
                response = await client.PostJsonAsync($"/api/registry/officers/{officer}/training", new { year = 2000 + (i % 100), hours = (round * 100) + (i % 100) });
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Cut off by the kill (connection refused or reset): the outcome is unknown, so it is not counted.
                break;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    acknowledged++;
                    warm.TrySetResult();
                }
                else if (!stop.IsCancellationRequested)
                {
                    unexpected.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                    break;
                }
            }
        }

        // Also when the writer stopped early: the round goes on to its kill and then fails on what was unexpected.
        warm.TrySetResult();
        return (acknowledged, unexpected);
    }

    private static HttpClient NewClient(Uri baseAddress, CookieContainer cookies) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>The cookie sign-in of the login form (head.market has no second factor).</summary>
    private static async Task SignInAsync(HttpClient client)
    {
        using var response = await client.PostLoginAsync("head.market");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "sign-in of head.market");
        response.Headers.Location!.OriginalString.ShouldNotContain("/Account/Login");
        await client.WithAntiforgeryHeaderAsync();
    }

    private static async Task<Guid[]> OfficersAsync(HttpClient client)
    {
        using var response = await client.GetAsync($"/api/registry/officers?agencyId={DemoAgencies.MarketRegulation}&pageSize=50");
        response.EnsureSuccessStatusCode();
        using var doc = await response.ReadDocumentAsync();
        return [.. doc.RootElement.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid())];
    }

    private static async Task<Checkpoint?> CheckpointAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/ledger/checkpoint");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var key = NoteKeys.ParseVerifier((await client.GetStringAsync("/ledger/verifier-key")).Trim());
        return Checkpoint.Parse(SignedNote.Open(await response.Content.ReadAsStringAsync(), [key]).Text);
    }

    private static async Task<VerificationResult> VerifyAsync(HttpClient client)
    {
        var key = NoteKeys.ParseVerifier((await client.GetStringAsync("/ledger/verifier-key")).Trim());
        return await LogVerifier.VerifyAsync(
            async (path, ct) =>
            {
                using var response = await client.GetAsync("/ledger/" + path, ct);
                return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(ct) : null;
            },
            key,
            HashSuite.Sha256);
    }

    private static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        await using DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>SQLite in rollback-journal mode: a non-empty journal left by a dead process means it died inside a write transaction.</summary>
    private static bool HasHotJournal(string connectionString)
    {
        var journal = new FileInfo(new SqliteConnectionStringBuilder(connectionString).DataSource + "-journal");
        return journal.Exists && journal.Length > 0;
    }

    /// <summary>
    /// The built host: next to this test assembly (the test project references it, so the same build), or else
    /// under src/Sanxiang.Host/bin/&lt;Configuration&gt;/&lt;tfm&gt;.
    /// </summary>
    private static string FindHostDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var local = Path.Combine(here.FullName, "Sanxiang.Host.dll");
        if (File.Exists(local) && File.Exists(Path.Combine(here.FullName, "Sanxiang.Host.runtimeconfig.json")))
        {
            return local;
        }

        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sanxiang.slnx")))
            {
                var built = Path.Combine(dir.FullName, "src", "Sanxiang.Host", "bin", here.Parent?.Name ?? "Debug", here.Name, "Sanxiang.Host.dll");
                if (File.Exists(built))
                {
                    return built;
                }
            }
        }

        throw new FileNotFoundException($"Sanxiang.Host.dll is neither next to the test assembly ({here.FullName}) nor under src/Sanxiang.Host/bin: build the solution first.");
    }

    /// <summary>The app as a child process (<c>dotnet Sanxiang.Host.dll</c>) on a free local port; its output is kept for failure messages.</summary>
    private sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _output = new();

        private AppProcess(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public static async Task<AppProcess> StartAsync(string hostDll, IEnumerable<string> settings, TimeSpan timeout)
        {
            var port = FreePort();
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet && File.Exists(dotnet) ? dotnet : "dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(hostDll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(hostDll);
            start.ArgumentList.Add($"--Urls=http://127.0.0.1:{port}");
            foreach (var setting in settings)
            {
                start.ArgumentList.Add(setting);
            }

            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["DOTNET_ENVIRONMENT"] = "Production";
            start.Environment.Remove("ASPNETCORE_URLS");

            var process = new Process { StartInfo = start };
            var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
            process.OutputDataReceived += (_, e) => app.Keep(e.Data);
            process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await app.WaitReadyAsync(timeout);
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }

            return app;
        }

        /// <summary>SIGKILL on Linux (kill -9): no shutdown hooks, no flushing, transactions cut wherever they are.</summary>
        public async Task KillAsync()
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                await KillAsync();
            }

            _process.Dispose();
        }

        private async Task WaitReadyAsync(TimeSpan timeout)
        {
            using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"the app exited with code {_process.ExitCode} before it was ready:\n{string.Join('\n', _output)}");
                }

                try
                {
                    using var response = await client.GetAsync("/health/ready");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet.
                }

                if (deadline.Elapsed > timeout)
                {
                    throw new TimeoutException($"the app was not ready within {timeout.TotalSeconds} s:\n{string.Join('\n', _output)}");
                }

                await Task.Delay(50);
            }
        }

        private void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            _output.Enqueue(line);
            while (_output.Count > 200 && _output.TryDequeue(out _))
            {
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
