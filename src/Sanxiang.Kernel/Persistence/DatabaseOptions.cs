using Microsoft.EntityFrameworkCore;

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

    public string ConnectionString { get; set; } = "Data Source=data/sanxiang.db";

    public void Configure(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        _ = Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(ConnectionString),
            DatabaseProvider.Postgres => builder.UseNpgsql(ConnectionString),
            _ => throw new InvalidOperationException("Unknown database provider"),
        };
    }
}
