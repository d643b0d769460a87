using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Ledger.Persistence;
using Sanxiang.Tlog;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Bench.Ledger;

/// <summary>
/// Inclusion- and consistency-proof latency through the app's <see cref="DbHashReader"/> (one query per
/// proof) on a ledger_hashes table of 1M / 10M entries, loaded in bulk from a tree computed in memory. Baseline: one
/// primary-key SELECT of a single stored hash through plain ADO.NET on the same table.
/// </summary>
internal static class ProofBench
{
    public static async Task RunAsync(Args args)
    {
        var kinds = args.Get("db", "sqlite").Split(',');
        var sizes = args.Get("sizes", "1000000,10000000").Split(',').Select(long.Parse).ToArray();
        var queries = args.Int("queries", 10_000);
        var work = args.Get("work", Path.GetTempPath());
        var suite = HashSuite.Sha256;

        var sw = Stopwatch.StartNew();
        var tree = await MemoryHashes.BuildAsync(suite, sizes.Max());
        Console.Error.WriteLine($"   tree of {sizes.Max()} entries built in memory in {sw.Elapsed.TotalSeconds:F1} s");

        var rows = new List<string>();
        foreach (var kind in kinds)
        {
            foreach (var size in sizes)
            {
                var db = await BenchDb.CreateAsync(kind, work, $"bench_proofs_{size}");
                sw.Restart();
                await LoadAsync(db, tree, MerkleLog.StoredHashCount(size));
                var load = sw.Elapsed.TotalSeconds;
                Console.Error.WriteLine($"   {db.Label}: {MerkleLog.StoredHashCount(size)} stored hashes loaded in {load:F1} s");
                rows.AddRange(await MeasureAsync(db, suite, tree, size, queries, load));
                if (kind == "sqlite")
                {
                    SqliteConnection.ClearAllPools();
                    File.Delete(db.ConnectionString.Split(';')[0]["Data Source=".Length..]);
                }
            }
        }

        Console.WriteLine($"### Proof latency ({queries} random proofs each, SHA-256 log, through DbHashReader)");
        Console.WriteLine();
        Console.WriteLine("| database | entries | measurement | p50 ms | p99 ms | max ms | p50 ratio to baseline | goal p99 < 2 ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            Console.WriteLine(r);
        }

        Console.WriteLine();
    }

    private static async Task LoadAsync(BenchDb db, MemoryHashes tree, long count)
    {
        var provider = db.Kind == "sqlite" ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
        await using (var ctx = Context(db))
        {
            await MigrationRunner.ApplyAsync(ctx, provider, MigrationRunner.Discover(typeof(LedgerDbContext).Assembly, LedgerDbContext.Module, provider));
        }

        await using var c = db.Open();
        if (c is NpgsqlConnection pg)
        {
            await using (var import = await pg.BeginBinaryImportAsync("COPY ledger_hashes (\"Index\", \"Hash\") FROM STDIN (FORMAT BINARY)"))
            {
                for (long i = 0; i < count; i++)
                {
                    await import.StartRowAsync();
                    await import.WriteAsync(i, NpgsqlDbType.Bigint);
                    await import.WriteAsync(tree[i].ToArray(), NpgsqlDbType.Bytea);
                }

                await import.CompleteAsync();
            }

            await Exec(c, "ANALYZE ledger_hashes");
            return;
        }

        // Bulk load only: durability is irrelevant here (the append benchmark measures durable writes).
        await Exec(c, "PRAGMA synchronous=OFF");
        for (long start = 0; start < count; start += 100_000)
        {
            await using var tx = await c.BeginTransactionAsync();
            await using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO ledger_hashes (\"Index\", \"Hash\") VALUES ($i, $h)";
            var pi = cmd.CreateParameter();
            pi.ParameterName = "$i";
            var ph = cmd.CreateParameter();
            ph.ParameterName = "$h";
            cmd.Parameters.Add(pi);
            cmd.Parameters.Add(ph);
            await cmd.PrepareAsync();
            for (var i = start; i < Math.Min(count, start + 100_000); i++)
            {
                pi.Value = i;
                ph.Value = tree[i].ToArray();
                await cmd.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
        }

        await Exec(c, "ANALYZE");
    }

    private static async Task<List<string>> MeasureAsync(BenchDb db, HashSuite suite, MemoryHashes tree, long size, int queries, double loadSeconds)
    {
        var rng = new Random(42);
        await using var ctx = Context(db);
        // As the app's proof endpoints: the context's connection, and the module's cache of upper-level stored hashes.
        var cache = new StoredHashCache();
        var reader = new DbHashReader(ctx, cache);
        var root = await MerkleLog.TreeHash(suite, size, tree);

        // Baseline: a prepared single-row SELECT by primary key.
        await using var c = db.Open();
        await using var point = c.CreateCommand();
        point.CommandText = db.Kind == "sqlite" ? "SELECT \"Hash\" FROM ledger_hashes WHERE \"Index\" = $i" : "SELECT \"Hash\" FROM ledger_hashes WHERE \"Index\" = $1";
        var p = point.CreateParameter();
        if (db.Kind == "sqlite")
        {
            p.ParameterName = "$i";
        }

        p.Value = 0L;
        point.Parameters.Add(p);
        await point.PrepareAsync();
        var storedCount = MerkleLog.StoredHashCount(size);

        var baseline = new List<double>();
        var inclusion = new List<double>();
        var consistency = new List<double>();
        const int Warmup = 300;
        var baselineTail = new Tail();
        var inclusionTail = new Tail();
        var consistencyTail = new Tail();
        for (var q = -Warmup; q < queries; q++)
        {
            // Baseline.
            p.Value = rng.NextInt64(storedCount);
            var probe = Tail.Start();
            var t0 = Stopwatch.GetTimestamp();
            var one = (byte[])(await point.ExecuteScalarAsync())!;
            var dt = Stopwatch.GetTimestamp() - t0;
            baselineTail.Add(probe, dt, q >= 0);
            if (one.Length != HashSuite.Size)
            {
                throw new InvalidOperationException("bad stored hash");
            }

            if (q >= 0)
            {
                baseline.Add(Stats.Ms(dt));
            }

            // Inclusion proof of a random record against the tree of this size.
            var index = rng.NextInt64(size);
            probe = Tail.Start();
            t0 = Stopwatch.GetTimestamp();
            var proof = await MerkleLog.ProveRecord(suite, size, index, reader);
            dt = Stopwatch.GetTimestamp() - t0;
            inclusionTail.Add(probe, dt, q >= 0);
            if (!MerkleLog.CheckRecord(suite, proof, size, root, index, tree[MerkleLog.StoredHashIndex(0, index)]))
            {
                throw new InvalidOperationException($"inclusion proof for {index} does not verify");
            }

            if (q >= 0)
            {
                inclusion.Add(Stats.Ms(dt));
            }

            // Consistency proof from a random older size.
            var old = 1 + rng.NextInt64(size - 1);
            probe = Tail.Start();
            t0 = Stopwatch.GetTimestamp();
            var cproof = await MerkleLog.ProveTree(suite, size, old, reader);
            dt = Stopwatch.GetTimestamp() - t0;
            consistencyTail.Add(probe, dt, q >= 0);
            var oldRoot = q < 100 ? await MerkleLog.TreeHash(suite, old, tree) : null;
            if (oldRoot is not null && !MerkleLog.CheckTree(suite, cproof, size, root, old, oldRoot))
            {
                throw new InvalidOperationException($"consistency proof {old} -> {size} does not verify");
            }

            if (q >= 0)
            {
                consistency.Add(Stats.Ms(dt));
            }
        }

        var b50 = Stats.Median(baseline);
        string Row(string what, List<double> v, bool goal) =>
            $"| {db.Label} | {size:N0} | {what} | {Stats.F(Stats.Median(v), 3)} | {Stats.F(Stats.Percentile(v, 99), 3)} | {Stats.F(v.Max(), 3)} | {Stats.F(Stats.Median(v) / b50, 2)} | {(goal ? (Stats.Percentile(v, 99) < 2 ? "met" : "missed") : "–")} |";
        Console.WriteLine($"TAIL proofs {db.Kind} size={size} cached={cache.Count} baseline: {baselineTail}; inclusion: {inclusionTail}; consistency: {consistencyTail}");
        Console.WriteLine($"RESULT proofs {db.Kind} size={size} load_s={loadSeconds:F0} baseline_p50={b50:F3} incl_p50={Stats.Median(inclusion):F3} incl_p99={Stats.Percentile(inclusion, 99):F3} cons_p50={Stats.Median(consistency):F3} cons_p99={Stats.Percentile(consistency, 99):F3}");
        return
        [
            Row("baseline: one stored hash by primary key (ADO.NET, prepared)", baseline, false),
            Row("inclusion proof (MerkleLog.ProveRecord)", inclusion, true),
            Row("consistency proof (MerkleLog.ProveTree)", consistency, true),
        ];
    }

    /// <summary>
    /// What the slow calls (over 2 ms) were doing: how many overlapped a garbage collection, and how many spent most
    /// of their wall time off the CPU (the process's CPU time grew by less than half of it: descheduled, or waiting
    /// for the database server).
    /// </summary>
    private sealed class Tail
    {
        private int _slow;
        private int _gc;
        private int _offCpu;

        public static (int Gc, TimeSpan Cpu) Start() => (GC.CollectionCount(0), Environment.CpuUsage.TotalTime);

        public void Add((int Gc, TimeSpan Cpu) start, long ticks, bool counted)
        {
            var ms = Stats.Ms(ticks);
            if (!counted || ms <= 2)
            {
                return;
            }

            _slow++;
            _gc += GC.CollectionCount(0) != start.Gc ? 1 : 0;
            _offCpu += (Environment.CpuUsage.TotalTime - start.Cpu).TotalMilliseconds < ms / 2 ? 1 : 0;
        }

        public override string ToString() => $"{_slow} over 2 ms, {_gc} during a GC, {_offCpu} mostly off the CPU";
    }

    private static LedgerDbContext Context(BenchDb db)
    {
        var options = new DatabaseOptions
        {
            Provider = db.Kind == "sqlite" ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres,
            ConnectionString = db.ConnectionString,
        };
        var builder = new DbContextOptionsBuilder<LedgerDbContext>();
        options.Configure(builder);
        return new LedgerDbContext(builder.Options);
    }

    private static async Task Exec(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
