using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Sanxiang.Kernel.Persistence;

/// <summary>One versioned SQL migration, embedded in a module's assembly as Migrations/{provider}/{NNNN}_{name}.sql.</summary>
public sealed record SqlMigration(string Module, int Version, string Name, string Sql)
{
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}

/// <summary>
/// Applies numbered SQL scripts per module and provider, each in its own transaction, and records them in
/// the schema_migrations table. EF's design-time tooling does not restore here (docs/decisions/0002).
/// Applied scripts are checksummed: editing one after it shipped is refused.
/// </summary>
public static partial class MigrationRunner
{
    private const string HistoryTable = "schema_migrations";

    public static IReadOnlyList<SqlMigration> Discover(Assembly assembly, string module, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var folder = provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        var list = new List<SqlMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var m = ResourceName().Match(resource);
            if (!m.Success || !string.Equals(m.Groups["provider"].Value, folder, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            list.Add(new SqlMigration(module, int.Parse(m.Groups["version"].Value, CultureInfo.InvariantCulture), m.Groups["name"].Value, reader.ReadToEnd()));
        }

        return [.. list.OrderBy(x => x.Version)];
    }

    /// <summary>Applies the pending migrations; returns how many were applied.</summary>
    public static async Task<int> ApplyAsync(DbContext context, DatabaseProvider provider, IReadOnlyList<SqlMigration> migrations, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(migrations);
        var connection = context.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
        }

        try
        {
            await ExecuteAsync(connection, null, $"""
                CREATE TABLE IF NOT EXISTS {HistoryTable} (
                    module VARCHAR(32) NOT NULL,
                    version INTEGER NOT NULL,
                    name VARCHAR(200) NOT NULL,
                    checksum VARCHAR(64) NOT NULL,
                    applied_at VARCHAR(40) NOT NULL,
                    PRIMARY KEY (module, version))
                """, ct).ConfigureAwait(false);

            var applied = 0;
            foreach (var migration in migrations)
            {
                await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                if (provider == DatabaseProvider.Postgres)
                {
                    // Several app instances may start at once: one applies, the others wait and then see it applied.
                    await ExecuteAsync(connection, tx, "SELECT pg_advisory_xact_lock(727001)", ct).ConfigureAwait(false);
                }

                var existing = await ScalarAsync(connection, tx, $"SELECT checksum FROM {HistoryTable} WHERE module = '{migration.Module}' AND version = {migration.Version.ToString(CultureInfo.InvariantCulture)}", ct).ConfigureAwait(false);
                if (existing is string checksum)
                {
                    if (!string.Equals(checksum, migration.Checksum, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"Migration {migration.Module}/{migration.Version:D4} was changed after it was applied (checksum mismatch).");
                    }

                    await tx.RollbackAsync(ct).ConfigureAwait(false);
                    continue;
                }

                await ExecuteAsync(connection, tx, migration.Sql, ct).ConfigureAwait(false);
                await using (var cmd = connection.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = $"INSERT INTO {HistoryTable} (module, version, name, checksum, applied_at) VALUES (@m, @v, @n, @c, @t)";
                    AddParameter(cmd, "@m", migration.Module);
                    AddParameter(cmd, "@v", migration.Version);
                    AddParameter(cmd, "@n", migration.Name);
                    AddParameter(cmd, "@c", migration.Checksum);
                    AddParameter(cmd, "@t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                    await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                await tx.CommitAsync(ct).ConfigureAwait(false);
                applied++;
            }

            return applied;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>True when every given migration is recorded as applied (used by /health/ready).</summary>
    public static async Task<bool> AllAppliedAsync(DbContext context, IReadOnlyList<SqlMigration> migrations, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(migrations);
        var connection = context.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
        }

        try
        {
            foreach (var migration in migrations)
            {
                var existing = await ScalarAsync(connection, null, $"SELECT checksum FROM {HistoryTable} WHERE module = '{migration.Module}' AND version = {migration.Version.ToString(CultureInfo.InvariantCulture)}", ct).ConfigureAwait(false);
                if (existing is not string)
                {
                    return false;
                }
            }

            return true;
        }
        catch (DbException)
        {
            return false;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
        }
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandTimeout = 0; // a migration over a large table (1,000,000 publications) runs as long as it needs
#pragma warning disable CA2100 // migration scripts are embedded resources, not user input
        cmd.CommandText = sql;
#pragma warning restore CA2100
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
#pragma warning disable CA2100 // module names and versions come from embedded resources
        cmd.CommandText = sql;
#pragma warning restore CA2100
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }

    [GeneratedRegex(@"\.Migrations[./](?<provider>sqlite|postgres)[./](?<version>\d{4})_(?<name>[A-Za-z0-9_]+)\.sql$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ResourceName();
}
