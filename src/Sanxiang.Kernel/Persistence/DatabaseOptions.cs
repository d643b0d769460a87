using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Sanxiang.Kernel.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the "Database" configuration section. The default is an embedded SQLite file under ./data.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty: SQLite at {Data:Root}/sanxiang.db (set by the host).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    public void Configure(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        _ = Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(ConnectionString),
            DatabaseProvider.Postgres => builder.UseNpgsql(WithoutJit(ConnectionString)),
            _ => throw new InvalidOperationException("Unknown database provider"),
        };
    }

    /// <summary>
    /// PostgreSQL's JIT compilation is turned off for the app's sessions (unless the connection string's Options say
    /// otherwise): it pays off for long analytical queries, and this app's are short. It starts when a plan's estimated
    /// cost passes jit_above_cost, and a search whose plan is estimated over all index blocks but stops after one
    /// (ADR 0017) then spends 20 ms compiling to run in 2.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (b.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            b.Options = string.IsNullOrWhiteSpace(b.Options) ? "-c jit=off" : b.Options + " -c jit=off";
        }

        return b.ConnectionString;
    }
}
