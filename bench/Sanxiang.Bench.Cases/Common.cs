using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sanxiang.Bench.Cases;

/// <summary>The database under test: a SQLite file (in WAL mode, as the host sets it) or a PostgreSQL database created for the run.</summary>
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

            // As StartupTasks.UseWriteAheadLogAsync does before migrating (the mode is persistent in the file).
            var db = new BenchDb(kind, $"Data Source={file}");
            await using var c = db.Open();
            await ScalarAsync(c, "PRAGMA journal_mode=WAL;");
            return db;
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

    public DbConnection Open()
    {
        DbConnection c = Kind == "sqlite" ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        c.Open();
        return c;
    }

    public string Label => Kind == "sqlite" ? "SQLite" : "PostgreSQL";

    /// <summary>The settings that make a commit durable, as the database reports them.</summary>
    public async Task<string> DurabilityAsync()
    {
        await using var c = Open();
        if (Kind == "sqlite")
        {
            return $"journal_mode={await ScalarAsync(c, "PRAGMA journal_mode;")}, synchronous={await ScalarAsync(c, "PRAGMA synchronous;")} (2 = FULL)";
        }

        return $"fsync={await ScalarAsync(c, "SHOW fsync;")}, synchronous_commit={await ScalarAsync(c, "SHOW synchronous_commit;")}, full_page_writes={await ScalarAsync(c, "SHOW full_page_writes;")}";
    }

    public static async Task<string> ScalarAsync(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
