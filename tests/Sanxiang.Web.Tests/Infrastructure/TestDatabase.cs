using Microsoft.Data.Sqlite;
using Npgsql;
using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Web.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database on the provider the run asks for (SANXIANG_TEST_DB=sqlite|postgres): a temp file
/// for SQLite, a new database sx_test_{guid} on the SANXIANG_TEST_PG server for PostgreSQL. Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ProviderVariable = "SANXIANG_TEST_DB";
    public const string PostgresVariable = "SANXIANG_TEST_PG";

    private readonly string? _sqliteDirectory;
    private readonly string? _postgresServer;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteDirectory, string? postgresServer, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteDirectory = sqliteDirectory;
        _postgresServer = postgresServer;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The provider of this run: SQLite unless SANXIANG_TEST_DB says postgres.</summary>
    public static DatabaseProvider CurrentProvider
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(ProviderVariable);
            return value?.Trim().ToLowerInvariant() switch
            {
                null or "" or "sqlite" => DatabaseProvider.Sqlite,
                "postgres" or "postgresql" or "pg" => DatabaseProvider.Postgres,
                _ => throw new InvalidOperationException($"{ProviderVariable}='{value}': expected sqlite or postgres"),
            };
        }
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        if (CurrentProvider == DatabaseProvider.Sqlite)
        {
            var dir = Directory.CreateTempSubdirectory("sanxiang-test-").FullName;
            var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "sanxiang.db"), Pooling = false }.ToString();
            return new TestDatabase(DatabaseProvider.Sqlite, cs, dir, null, null);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{ProviderVariable}=postgres but {PostgresVariable} is not set: give a connection string to a PostgreSQL server " +
                "that may create databases, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres (./test.sh starts one).");
        }

        var name = $"sx_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE \"{name}\"";
            await cmd.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ConnectionString, null, server, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            try
            {
                Directory.Delete(_sqliteDirectory!, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on some platform: the temp folder is cleaned by the OS.
            }

            return;
        }

        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(_postgresServer);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
        await cmd.ExecuteNonQueryAsync();
    }
}
