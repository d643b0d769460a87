using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sanxiang.Ledger.Domain;
using Sanxiang.Tlog;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Bench.Ledger;

/// <summary>Synthetic but realistic ledger entries: the real encoding (version 1) of a deterministic event per index.</summary>
internal static class Synthetic
{
    private static readonly string[] Types = ["CaseFiled", "CaseAccepted", "EvidenceAttached", "DecisionServed", "PaymentRecorded"];

    public static Guid IdFor(long index, byte salt)
    {
        Span<byte> b = stackalloc byte[16];
        BitConverter.TryWriteBytes(b, index);
        BitConverter.TryWriteBytes(b[8..], unchecked(index * -7046029254386353131L));
        b[15] = salt;
        return new Guid(b);
    }

    public static byte[] Entry(long index, string suite)
    {
        var payload = new byte[32];
        BitConverter.TryWriteBytes(payload, index * 31);
        var entry = new LedgerEntry(
            "cases",
            Types[index % Types.Length],
            IdFor(index, 1),
            IdFor(index / 7, 2),
            "user:" + IdFor(index % 1000, 3).ToString("N"),
            DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000 + index),
            suite,
            payload,
            []);
        return entry.Encode();
    }
}

/// <summary>All stored hashes of a tree in one array, in stored-hash order; also an <see cref="IHashReader"/>.</summary>
internal sealed class MemoryHashes(long capacity) : IHashReader
{
    private readonly byte[] _data = new byte[checked(capacity * HashSuite.Size)];

    public long Count { get; private set; }

    public ReadOnlySpan<byte> this[long index] => _data.AsSpan(checked((int)(index * HashSuite.Size)), HashSuite.Size);

    public void Add(byte[] hash)
    {
        hash.CopyTo(_data, Count * HashSuite.Size);
        Count++;
    }

    public ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken)
    {
        var result = new byte[indexes.Count][];
        for (var i = 0; i < result.Length; i++)
        {
            if (indexes[i] >= Count)
            {
                throw new InvalidOperationException($"stored hash {indexes[i]} is missing");
            }

            result[i] = this[indexes[i]].ToArray();
        }

        return ValueTask.FromResult<IReadOnlyList<byte[]>>(result);
    }

    /// <summary>Builds the stored hashes of a log of <paramref name="size"/> synthetic entries; calls back with each bundle's entries.</summary>
    public static async Task<MemoryHashes> BuildAsync(HashSuite suite, long size, Action<long, List<byte[]>>? onEntries = null)
    {
        var hashes = new MemoryHashes(MerkleLog.StoredHashCount(size));
        const int Batch = 64 * Tile.FullWidth;
        for (long start = 0; start < size; start += Batch)
        {
            var count = (int)Math.Min(Batch, size - start);
            var entries = new List<byte[]>(count);
            var leaves = new byte[count][];
            for (var i = 0; i < count; i++)
            {
                var e = Synthetic.Entry(start + i, suite.Name);
                entries.Add(e);
                leaves[i] = suite.LeafHash(e);
            }

            onEntries?.Invoke(start, entries);
            foreach (var h in await MerkleLog.AppendStoredHashes(suite, start, leaves, hashes))
            {
                hashes.Add(h);
            }
        }

        return hashes;
    }
}

/// <summary>The database under test: a SQLite file or a PostgreSQL database created for the run.</summary>
internal sealed record BenchDb(string Kind, string ConnectionString)
{
    public static async Task<BenchDb> CreateAsync(string kind, string workDir, string name)
    {
        if (kind == "sqlite")
        {
            var file = Path.Combine(workDir, name + ".db");
            foreach (var f in new[] { file, file + "-journal", file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }

            return new BenchDb(kind, $"Data Source={file};Pooling=True");
        }

        var admin = Environment.GetEnvironmentVariable("SANXIANG_BENCH_PG") ?? throw new InvalidOperationException("SANXIANG_BENCH_PG is not set");
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}", c);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await create.ExecuteNonQueryAsync();
        }

        var b = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new BenchDb(kind, b.ConnectionString);
    }

    public System.Data.Common.DbConnection Open()
    {
        System.Data.Common.DbConnection c = Kind == "sqlite" ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        c.Open();
        return c;
    }

    public string Label => Kind == "sqlite" ? "SQLite" : "PostgreSQL";
}
