using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Ledger;
using Sanxiang.Ledger.Persistence;
using Sanxiang.Ledger.Sequencing;
using Sanxiang.Tlog.Note;

namespace Sanxiang.Bench.Ledger;

/// <summary>
/// Sustained durable append rate: the real <see cref="Sequencer"/> (services built as the host builds them) integrating
/// synthetic outbox events in batches, against a raw ADO.NET INSERT loop of 128-byte rows (one transaction per batch)
/// on the same database. Windows of the two alternate so that drift on the shared machine hits both alike.
/// </summary>
internal static class AppendBench
{
    private const string Name = "bench.sanxiang.localhost/ledger";

    public static async Task RunAsync(Args args)
    {
        var kind = args.Get("db", "sqlite");
        var total = args.Long("entries", 200_000);
        var batch = args.Int("batch", 2000);
        var window = args.Long("window", 20_000);
        var db = await BenchDb.CreateAsync(kind, args.Get("work", Path.GetTempPath()), "bench_append");

        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = kind == "sqlite" ? "Sqlite" : "Postgres",
            ["Database:ConnectionString"] = db.ConnectionString,
            ["Ledger:Name"] = Name,
            ["Ledger:HashSuite"] = "sha256",
            ["Ledger:BatchSize"] = batch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ledger:RunSequencer"] = "false",
            ["Ledger:SignerKey"] = Ed25519NoteSigner.Generate(Name + "/sha256").SignerKey,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddSingleton(TimeProvider.System);
        services.AddLedgerModule();
        var outbox = new SyntheticOutbox();
        services.AddScoped<IOutboxSource>(_ => outbox);
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            foreach (var migrator in scope.ServiceProvider.GetServices<IModuleMigrator>())
            {
                await migrator.MigrateAsync();
            }
        }

        var sequencer = provider.GetRequiredService<Sequencer>();
        await using var raw = db.Open();
        await Exec(raw, kind == "sqlite" ? "CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, data BLOB NOT NULL)" : "CREATE TABLE bench_raw (id bigint PRIMARY KEY, data bytea NOT NULL)");
        var rawNext = 0L;

        // Warm-up (JIT, EF model, connection pools): one batch each, not counted.
        outbox.Allow(batch);
        await sequencer.IntegrateOnceAsync();
        rawNext = await RawWindowAsync(raw, kind, rawNext, batch, batch);

        var ledgerRates = new List<double>();
        var rawRates = new List<double>();
        long appended = 0;
        var all = Stopwatch.StartNew();
        var ledgerTicks = 0L;
        while (appended < total)
        {
            var n = Math.Min(window, total - appended);
            var t0 = Stopwatch.GetTimestamp();
            rawNext = await RawWindowAsync(raw, kind, rawNext, n, batch);
            rawRates.Add(n / (Stats.Ms(Stopwatch.GetTimestamp() - t0) / 1000));

            outbox.Allow(n);
            var done = 0L;
            t0 = Stopwatch.GetTimestamp();
            while (done < n)
            {
                done += await sequencer.IntegrateOnceAsync();
            }

            var dt = Stopwatch.GetTimestamp() - t0;
            ledgerTicks += dt;
            ledgerRates.Add(n / (Stats.Ms(dt) / 1000));
            appended += n;
            Console.Error.WriteLine($"   {db.Label}: {appended} entries, window {Stats.F(ledgerRates[^1])}/s (raw {Stats.F(rawRates[^1])}/s)");
        }

        // The log really holds what was appended (plus the warm-up batch), with one checkpoint per batch.
        await using (var scope = provider.CreateAsyncScope())
        {
            var ledger = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var size = await ledger.Checkpoints.MaxAsync(c => c.Size);
            var count = await ledger.Entries.LongCountAsync();
            if (size != total + batch || count != size)
            {
                throw new InvalidOperationException($"ledger holds {count} entries, checkpoint size {size}; expected {total + batch}");
            }
        }

        var ledgerMedian = Stats.Median(ledgerRates);
        var rawMedian = Stats.Median(rawRates);
        Console.WriteLine($"### Append rate, {db.Label} (durable defaults), {total} entries in batches of {batch}, {ledgerRates.Count} windows of {window}");
        Console.WriteLine();
        Console.WriteLine("| measurement | median entries/s | min | max | ratio to baseline |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| baseline: raw INSERT of 128-byte rows, one transaction per {batch} | {Stats.F(rawMedian)} | {Stats.F(rawRates.Min())} | {Stats.F(rawRates.Max())} | 1.00 |");
        Console.WriteLine($"| Sequencer.IntegrateOnceAsync (entries + stored hashes + signed checkpoint) | {Stats.F(ledgerMedian)} | {Stats.F(ledgerRates.Min())} | {Stats.F(ledgerRates.Max())} | {Stats.F(ledgerMedian / rawMedian, 2)} |");
        Console.WriteLine();
        Console.WriteLine($"RESULT append {kind} ledger_median={ledgerMedian:F0} raw_median={rawMedian:F0} overall={total / (Stats.Ms(ledgerTicks) / 1000):F0} wall_s={all.Elapsed.TotalSeconds:F0} goal_5000={(ledgerMedian >= 5000 ? "met" : "missed")}");
        Console.WriteLine();
    }

    private static async Task<long> RawWindowAsync(DbConnection c, string kind, long next, long rows, int batch)
    {
        var data = new byte[128];
        Random.Shared.NextBytes(data);
        for (long done = 0; done < rows;)
        {
            var n = (int)Math.Min(batch, rows - done);
            await using var tx = await c.BeginTransactionAsync();
            if (c is NpgsqlConnection pg)
            {
                // One round trip per batch (as EF batches the ledger's inserts), not one per row.
                await using var b = new NpgsqlBatch(pg, (NpgsqlTransaction)tx);
                for (var i = 0; i < n; i++)
                {
                    var cmd = new NpgsqlBatchCommand("INSERT INTO bench_raw (id, data) VALUES ($1, $2)");
                    cmd.Parameters.Add(new NpgsqlParameter { Value = next + i });
                    cmd.Parameters.Add(new NpgsqlParameter { Value = data });
                    b.BatchCommands.Add(cmd);
                }

                await b.ExecuteNonQueryAsync();
            }
            else
            {
                await using var cmd = c.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO bench_raw (id, data) VALUES ($id, $data)";
                var id = cmd.CreateParameter();
                id.ParameterName = "$id";
                var d = cmd.CreateParameter();
                d.ParameterName = "$data";
                d.Value = data;
                cmd.Parameters.Add(id);
                cmd.Parameters.Add(d);
                await cmd.PrepareAsync();
                for (var i = 0; i < n; i++)
                {
                    id.Value = next + i;
                    await cmd.ExecuteNonQueryAsync();
                }
            }

            await tx.CommitAsync();
            next += n;
            done += n;
        }

        _ = kind;
        return next;
    }

    private static async Task Exec(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>An outbox that hands out as many fresh events as it was allowed, until they are marked processed.</summary>
    private sealed class SyntheticOutbox : IOutboxSource
    {
        private readonly List<OutboxMessage> _pending = [];
        private long _next;
        private long _allowed;

        public string Module => "cases";

        public void Allow(long n) => _allowed += n;

        public Task<IReadOnlyList<OutboxMessage>> ReadPendingAsync(int max, CancellationToken ct = default)
        {
            while (_pending.Count < max && _next < _allowed)
            {
                var i = _next++;
                var aggregate = Synthetic.IdFor(i / 7, 2);
                _pending.Add(new OutboxMessage
                {
                    Sequence = i + 1,
                    Id = Guid.NewGuid(),
                    Module = Module,
                    EventType = "CaseStatusChanged",
                    AggregateId = aggregate,
                    Actor = "user:" + Synthetic.IdFor(i % 1000, 3).ToString("N"),
                    OccurredAt = DateTimeOffset.UtcNow,
                    Payload = $$"""{"caseId":"{{aggregate}}","from":"accepted","to":"investigating","step":{{i}}}""",
                });
            }

            return Task.FromResult<IReadOnlyList<OutboxMessage>>([.. _pending.Take(max)]);
        }

        public Task MarkProcessedAsync(IReadOnlyCollection<Guid> eventIds, DateTimeOffset at, CancellationToken ct = default)
        {
            var done = eventIds.ToHashSet();
            _pending.RemoveAll(m => done.Contains(m.Id));
            return Task.CompletedTask;
        }
    }
}
