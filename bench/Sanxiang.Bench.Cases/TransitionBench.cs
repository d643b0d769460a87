using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Cases;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Persistence;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Kernel.Security;
using Sanxiang.Media;
using Sanxiang.Registry;
using Sanxiang.Reviews;

namespace Sanxiang.Bench.Cases;

/// <summary>
/// Case transitions per second: whole general-procedure cases driven through the real <c>CaseCommands</c> (every
/// rule, the Registry lookups of the team, one save with its outbox event per command) by W workers, against a
/// plain ADO.NET baseline of the same shape on the same database (one transaction per transition: UPDATE one row,
/// INSERT one outbox-like row, prepared commands). Windows of the two alternate so that drift on the shared
/// machine hits both alike.
/// </summary>
internal static class TransitionBench
{
    public static async Task RunAsync(Args args)
    {
        var kind = args.Get("db", "sqlite");
        var workerCounts = args.Ints("workers", "1,4");
        var windows = args.Int("windows", 8);
        var windowCases = args.Int("window-cases", 32);
        var scenario = args.Get("scenario", "warning");
        var db = await BenchDb.CreateAsync(kind, args.Get("work", Path.GetTempPath()), "bench_cases_" + scenario);

        await using var provider = Build(kind, db.ConnectionString);
        await StartAsync(provider);
        var setup = await JourneySetup.FindAsync(provider, scenario);
        var seeded = await CountAsync(provider, setup.VersionAtArchive); // the demo data's own cases, left out of the check at the end

        // Warm-up (JIT tiering, EF models, connection pools), not counted, with the largest number of workers.
        var warm = Enumerable.Range(0, workerCounts.Max()).Select(w => new Journey(provider, setup, 100 + w)).ToList();
        var (warmCases, jitRate) = await WarmUpAsync(warm);
        var detailsLength = await HalfArchivedDetailsLengthAsync(provider);
        var baseline = await Baseline.CreateAsync(db, detailsLength, workerCounts.Max());
        await baseline.RunAsync(workerCounts.Max(), 500);

        var rows = new List<string>();
        var notes = new List<string>();
        var results = new List<string>();
        long transitions = warm.Sum(j => j.Transitions);
        long conflicts = warm.Sum(j => j.Conflicts);
        var cases = (long)warmCases;
        foreach (var w in workerCounts)
        {
            var perWorker = Math.Max(1, windowCases / w);
            var journeys = Enumerable.Range(0, w).Select(i => new Journey(provider, setup, (w * 10) + i)).ToList();
            var caseRates = new List<double>();
            var rawRates = new List<double>();
            for (var i = 0; i < windows; i++)
            {
                var rawCount = (long)perWorker * setup.CommandsPerCase;
                var t0 = Stopwatch.GetTimestamp();
                await baseline.RunAsync(w, rawCount);
                rawRates.Add(rawCount * w / Stopwatch.GetElapsedTime(t0).TotalSeconds);

                var before = journeys.Sum(j => j.Transitions);
                t0 = Stopwatch.GetTimestamp();
                await Task.WhenAll(journeys.Select(j => Task.Run(async () =>
                {
                    for (var k = 0; k < perWorker; k++)
                    {
                        await j.RunCaseAsync();
                    }
                })));
                var elapsed = Stopwatch.GetElapsedTime(t0).TotalSeconds;
                caseRates.Add((journeys.Sum(j => j.Transitions) - before) / elapsed);
                Console.Error.WriteLine($"   {db.Label}, {w} worker(s), window {i + 1}/{windows}: {Stats.F(caseRates[^1])} transitions/s (baseline {Stats.F(rawRates[^1])}/s)");
            }

            var run = journeys.Sum(j => j.Transitions);
            var runConflicts = journeys.Sum(j => j.Conflicts);
            transitions += run;
            conflicts += runConflicts;
            cases += (long)w * perWorker * windows;
            var caseMedian = Stats.Median(caseRates);
            var rawMedian = Stats.Median(rawRates);
            rows.Add($"| {w} | baseline: UPDATE one row + INSERT one outbox row, one transaction each (ADO.NET, prepared) | {Stats.F(rawMedian)} | {Stats.F(rawRates.Min())} | {Stats.F(rawRates.Max())} | 1.00 | |");
            rows.Add($"| {w} | CaseCommands, whole cases ({setup.CommandsPerCase} commands each) | {Stats.F(caseMedian)} | {Stats.F(caseRates.Min())} | {Stats.F(caseRates.Max())} | {Stats.F(caseMedian / rawMedian, 2)} | {(caseMedian >= 500 ? "met" : "missed")} |");
            notes.Add($"{w} worker(s): {run} transitions in {w * perWorker * windows} cases, {runConflicts} commands refused with CONCURRENCY and retried (not counted)");
            results.Add($"RESULT transitions {kind} {scenario} workers={w} median={caseMedian:F0} baseline_median={rawMedian:F0} ratio={caseMedian / rawMedian:F3} conflicts={runConflicts} goal_500={(caseMedian >= 500 ? "met" : "missed")}");
        }

        await CheckAsync(provider, setup, seeded, cases, transitions);

        Console.WriteLine($"### Case transitions, {db.Label} ({await db.DurabilityAsync()}), scenario \"{scenario}\", {windows} windows of {windowCases} cases per worker count");
        Console.WriteLine();
        Console.WriteLine("| workers | measurement | median transitions/s | min | max | ratio to baseline | goal ≥ 500/s |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine($"Baseline rows carry a {detailsLength}-character details text (half the mean details JSON of an archived case) and a 200-character event. Warm-up (not counted): {warmCases} cases, until the JIT compiled fewer than 0.1 methods per transition ({Stats.F(jitRate, 2)} in the last ones); the baseline 500 transactions per worker. Checked at the end (besides the demo data's {seeded.Cases} cases): all {cases} cases archived at version {setup.VersionAtArchive}; cases_outbox holds {transitions + cases} rows = {transitions} transitions + {cases} (opening a clue with its team commits twice); {conflicts} conflicts retried in all.");
        notes.ForEach(n => Console.WriteLine($"- {n}"));
        Console.WriteLine();
        results.ForEach(Console.WriteLine);
        Console.WriteLine();
    }

    /// <summary>One worker, <c>--cases</c> cases: the SQL each transition sends, and what is left for the process.</summary>
    public static async Task ProfileAsync(Args args)
    {
        var kind = args.Get("db", "sqlite");
        var count = args.Int("cases", 100);
        var scenario = args.Get("scenario", "warning");
        var db = await BenchDb.CreateAsync(kind, args.Get("work", Path.GetTempPath()), "bench_cases_profile");
        using var profile = new Profile();
        await using var provider = Build(kind, db.ConnectionString);
        await StartAsync(provider);
        var setup = await JourneySetup.FindAsync(provider, scenario);
        var journey = new Journey(provider, setup, 1);
        var (warmCases, _) = await WarmUpAsync([journey]);

        using var jit = args.Get("jit", "no") == "yes" ? new JitListener() : null;
        profile.Clear();
        jit?.Recording = true;
        var before = journey.Transitions;
        var (user0, sys0) = Cpu();
        var gc0 = GC.GetTotalAllocatedBytes();
        var jit0 = System.Runtime.JitInfo.GetCompiledMethodCount();
        var gen0 = GC.CollectionCount(0);
        var t0 = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            await journey.RunCaseAsync();
        }

        var wallMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        var n = journey.Transitions - before;
        jit?.Recording = false;
        foreach (var (method, times) in jit?.Methods.OrderByDescending(m => m.Value).Take(25) ?? [])
        {
            Console.WriteLine($"jit: {times} {method}");
        }

        var (user1, sys1) = Cpu();
        var allocated = GC.GetTotalAllocatedBytes() - gc0;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jit0;
        var collections = GC.CollectionCount(0) - gen0;
        var rows = profile.Snapshot();
        Console.WriteLine($"### Where a transition's time goes, {db.Label}, 1 worker, {count} cases after {warmCases} warm-up cases ({n} transitions, {Stats.F(n / (wallMs / 1000))}/s)");
        Console.WriteLine();
        Console.WriteLine("| part | per transition | ms per transition | share of wall time |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (k, c, ms) in rows)
        {
            Console.WriteLine($"| {k} | {Stats.F((double)c / n, 2)} | {Stats.F(ms / n, 2)} | {Stats.F(100 * ms / wallMs, 1)} % |");
        }

        var sql = rows.Sum(r => r.Ms);
        Console.WriteLine($"| everything else (EF Core, JSON, rules, DI, async) | | {Stats.F((wallMs - sql) / n, 2)} | {Stats.F(100 * (wallMs - sql) / wallMs, 1)} % |");
        Console.WriteLine($"| wall time | | {Stats.F(wallMs / n, 2)} | 100 % |");
        Console.WriteLine();
        Console.WriteLine("EF Core events per transition: " + string.Join(", ", profile.Events.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key.Split('.')[^1]} {Stats.F((double)e.Value / n, 2)}")));
        Console.WriteLine();
        var baseline = await Baseline.CreateAsync(db, await HalfArchivedDetailsLengthAsync(provider), 1);
        await baseline.RunAsync(1, 100);
        var (user2, sys2) = Cpu();
        t0 = Stopwatch.GetTimestamp();
        await baseline.RunAsync(1, n);
        var rawMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        var (user3, sys3) = Cpu();
        Console.WriteLine($"CPU per transition (all threads): {Stats.F((user1 - user0) / n, 2)} ms user + {Stats.F((sys1 - sys0) / n, 2)} ms system; {Stats.F(allocated / 1024.0 / n)} KiB allocated; {Stats.F((double)jitted / n, 2)} methods compiled and {Stats.F((double)collections / n, 3)} gen-0 collections per transition. " +
            $"The baseline, {n} transactions right after: {Stats.F(rawMs / n, 2)} ms wall, {Stats.F((user3 - user2) / n, 2)} ms user + {Stats.F((sys3 - sys2) / n, 2)} ms system each.");
        Console.WriteLine();
    }

    /// <summary>
    /// Runs cases in blocks of at least 8 until the JIT has settled (tiered compilation keeps promoting methods of
    /// EF Core, System.Text.Json and the module for the first thousands of transitions): fewer than 0.1 methods
    /// compiled per transition in a block; at least 40 and at most 800 cases.
    /// </summary>
    private static async Task<(int Cases, double JitPerTransition)> WarmUpAsync(IReadOnlyList<Journey> journeys)
    {
        var rounds = Math.Max(1, 8 / journeys.Count);
        var cases = 0;
        var rate = double.NaN;
        while (cases < 800)
        {
            var jit0 = System.Runtime.JitInfo.GetCompiledMethodCount();
            var t0 = journeys.Sum(j => j.Transitions);
            await Task.WhenAll(journeys.Select(j => Task.Run(async () =>
            {
                for (var k = 0; k < rounds; k++)
                {
                    await j.RunCaseAsync();
                }
            })));
            cases += rounds * journeys.Count;
            rate = (double)(System.Runtime.JitInfo.GetCompiledMethodCount() - jit0) / (journeys.Sum(j => j.Transitions) - t0);
            if (cases >= 40 && rate < 0.1)
            {
                break;
            }
        }

        Console.Error.WriteLine($"   warm-up: {cases} cases, {Stats.F(rate, 2)} methods compiled per transition in the last block");
        return (cases, rate);
    }

    private static (double UserMs, double SystemMs) Cpu()
    {
        using var p = Process.GetCurrentProcess();
        return (p.UserProcessorTime.TotalMilliseconds, p.PrivilegedProcessorTime.TotalMilliseconds);
    }

    private static ServiceProvider Build(string kind, string connectionString)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = kind == "sqlite" ? "Sqlite" : "Postgres",
            ["Database:ConnectionString"] = connectionString,
            ["Media:Root"] = Path.Combine(Path.GetTempPath(), "sanxiang-bench-cases-media"),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<BenchActor>();
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<BenchActor>());
        services.AddRegistryModule();
        services.AddCasesModule();
        services.AddReviewsModule(); // the decision gate asks it for passed reviews (APL-58)
        services.AddMediaModule(); // the recording gate asks it for linked records (GB118-REC-2/3)
        services.AddSingleton<IUserDirectory, NoUsers>(); // the host's user store is not part of the bench: no demo review pool
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>As StartupTasks.MigrateAndSeedAsync: migrations, reference data (the holiday calendar), demo data.</summary>
    private static async Task StartAsync(IServiceProvider provider)
    {
        await using (var scope = provider.CreateAsyncScope())
        {
            foreach (var migrator in scope.ServiceProvider.GetServices<IModuleMigrator>())
            {
                await migrator.MigrateAsync();
            }
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            foreach (var loader in scope.ServiceProvider.GetServices<IReferenceDataLoader>())
            {
                await loader.LoadAsync();
            }
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync();
            }
        }
    }

    private static async Task<int> HalfArchivedDetailsLengthAsync(IServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var lengths = await db.Cases.AsNoTracking().Select(c => c.DetailsJson.Length).ToListAsync();
        return (int)(lengths.Average() / 2);
    }

    /// <summary>Every case archived at the expected version; one outbox row per commit; nothing else written.</summary>
    private static async Task<(long Cases, long Archived, long Outbox, long Versions)> CountAsync(IServiceProvider provider, int versionAtArchive)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        return (
            await db.Cases.LongCountAsync(),
            await db.Cases.LongCountAsync(c => c.Stage == CaseStage.Archived && c.Version == versionAtArchive),
            await db.Outbox.LongCountAsync(),
            await db.Cases.SumAsync(c => (long)c.Version));
    }

    private static async Task CheckAsync(IServiceProvider provider, JourneySetup setup, (long Cases, long Archived, long Outbox, long Versions) seeded, long cases, long transitions)
    {
        var now = await CountAsync(provider, setup.VersionAtArchive);
        var (total, outbox, versions) = (now.Cases - seeded.Cases, now.Outbox - seeded.Outbox, now.Versions - seeded.Versions);
        var archived = now.Archived - seeded.Archived;
        if (total != cases || archived != cases || outbox != transitions + cases || versions != outbox || transitions != cases * setup.CommandsPerCase)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"check failed: {total} cases ({archived} archived at version {setup.VersionAtArchive}), expected {cases}; outbox {outbox} rows, sum of versions {versions}, expected {transitions + cases}; {transitions} transitions, expected {cases * setup.CommandsPerCase}"));
        }
    }

    /// <summary>The cost floor of a durable commit of the same shape, one connection per worker.</summary>
    private sealed class Baseline(BenchDb db, string details, string payload)
    {
        private long _next;

        public static async Task<Baseline> CreateAsync(BenchDb db, int detailsLength, int maxWorkers)
        {
            await using var c = db.Open();
            var sqlite = db.Kind == "sqlite";
            foreach (var sql in new[]
            {
                sqlite
                    ? "CREATE TABLE bench_case (id INTEGER PRIMARY KEY, stage INTEGER NOT NULL, version INTEGER NOT NULL, details TEXT NOT NULL, updated_at TEXT NOT NULL)"
                    : "CREATE TABLE bench_case (id bigint PRIMARY KEY, stage integer NOT NULL, version integer NOT NULL, details text NOT NULL, updated_at timestamptz NOT NULL)",
                sqlite
                    ? "CREATE TABLE bench_outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, event_type TEXT NOT NULL, aggregate_id TEXT NOT NULL, actor TEXT NOT NULL, occurred_at TEXT NOT NULL, payload TEXT NOT NULL, processed_at TEXT NULL)"
                    : "CREATE TABLE bench_outbox (seq bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, id uuid NOT NULL, event_type varchar(100) NOT NULL, aggregate_id uuid NOT NULL, actor varchar(100) NOT NULL, occurred_at timestamptz NOT NULL, payload text NOT NULL, processed_at timestamptz NULL)",
                "CREATE INDEX ix_bench_case_stage ON bench_case (stage)",
                "CREATE UNIQUE INDEX ix_bench_outbox_id ON bench_outbox (id)",
                "CREATE INDEX ix_bench_outbox_processed ON bench_outbox (processed_at)",
            })
            {
                await ExecAsync(c, sql);
            }

            for (var w = 0; w < maxWorkers; w++)
            {
                await ExecAsync(c, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO bench_case (id, stage, version, details, updated_at) VALUES ({w}, 1, 0, '', {(sqlite ? "'2026-01-01'" : "now()")})"));
            }

            return new Baseline(db, new string('x', detailsLength), new string('p', 200));
        }

        /// <summary>Each of <paramref name="workers"/> workers commits <paramref name="perWorker"/> transactions on its own connection.</summary>
        public Task RunAsync(int workers, long perWorker) =>
            Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkerAsync(w, perWorker))));

        private async Task WorkerAsync(int worker, long count)
        {
            await using var c = db.Open();
            var sqlite = db.Kind == "sqlite";
            await using var update = c.CreateCommand();
            update.CommandText = sqlite
                ? "UPDATE bench_case SET stage = $stage, version = version + 1, details = $details, updated_at = $at WHERE id = $id"
                : "UPDATE bench_case SET stage = $1, version = version + 1, details = $2, updated_at = $3 WHERE id = $4";
            var stage = Param(update, "$stage");
            Param(update, "$details").Value = details;
            var at = Param(update, "$at");
            Param(update, "$id").Value = (long)worker;
            await using var insert = c.CreateCommand();
            insert.CommandText = sqlite
                ? "INSERT INTO bench_outbox (id, event_type, aggregate_id, actor, occurred_at, payload) VALUES ($id, $type, $aggregate, $actor, $at, $payload)"
                : "INSERT INTO bench_outbox (id, event_type, aggregate_id, actor, occurred_at, payload) VALUES ($1, $2, $3, $4, $5, $6)";
            var id = Param(insert, "$id");
            Param(insert, "$type").Value = "cases.case.evidence-recorded";
            var aggregate = Param(insert, "$aggregate");
            Param(insert, "$actor").Value = "bench:officer";
            var at2 = Param(insert, "$at");
            Param(insert, "$payload").Value = payload;
            var prepared = false;
            for (long i = 0; i < count; i++)
            {
                await using var tx = await c.BeginTransactionAsync();
                update.Transaction = tx;
                insert.Transaction = tx;
                var now = DateTimeOffset.UtcNow;
                var n = Interlocked.Increment(ref _next);
                stage.Value = (int)(n % 9) + 1;
                at.Value = sqlite ? now.ToString("O", CultureInfo.InvariantCulture) : now;
                id.Value = sqlite ? Guid.CreateVersion7(now).ToString() : Guid.CreateVersion7(now);
                aggregate.Value = sqlite ? Guid.Empty.ToString() : Guid.Empty;
                at2.Value = at.Value;
                if (!prepared)
                {
                    await update.PrepareAsync();
                    await insert.PrepareAsync();
                    prepared = true;
                }

                await update.ExecuteNonQueryAsync();
                await insert.ExecuteNonQueryAsync();
                await tx.CommitAsync();
            }
        }

        private static DbParameter Param(DbCommand cmd, string name)
        {
            var p = cmd.CreateParameter();
            if (cmd.Connection is Microsoft.Data.Sqlite.SqliteConnection)
            {
                p.ParameterName = name;
            }

            cmd.Parameters.Add(p);
            return p;
        }

        private static async Task ExecAsync(DbConnection c, string sql)
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>No signed-in users in the bench (the host owns the user store).</summary>
internal sealed class NoUsers : IUserDirectory
{
    public Task<IReadOnlyList<DirectoryUser>> InAgencyAsync(Guid agencyId, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<DirectoryUser>>([]);
}
