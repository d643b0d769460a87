using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Web.Tests.Infrastructure;

/// <summary>
/// A database's schema as sorted lines ("table t", "column t.c: type null default", "index …", "fk …"), read
/// from the catalog: PRAGMA on SQLite, information_schema and pg_catalog on PostgreSQL. The migration history
/// table is left out. Two snapshots compare line by line, so a failure names exactly what differs.
/// </summary>
public sealed record SchemaSnapshot(IReadOnlyList<string> Lines)
{
    public const string HistoryTable = "schema_migrations";

    public static async Task<SchemaSnapshot> ReadAsync(DatabaseProvider provider, string connectionString)
    {
        await using DbConnection connection = provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(connectionString)
            : new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = provider == DatabaseProvider.Sqlite ? await ReadSqliteAsync(connection) : await ReadPostgresAsync(connection);
        return new SchemaSnapshot([.. lines.Order(StringComparer.Ordinal)]);
    }

    /// <summary>Empty when equal; otherwise "- line" for lines only in this snapshot, "+ line" for lines only in the other.</summary>
    public string DiffFrom(SchemaSnapshot other, string thisName, string otherName)
    {
        var mine = Lines.ToHashSet(StringComparer.Ordinal);
        var theirs = other.Lines.ToHashSet(StringComparer.Ordinal);
        var onlyMine = Lines.Where(l => !theirs.Contains(l)).ToList();
        var onlyTheirs = other.Lines.Where(l => !mine.Contains(l)).ToList();
        if (onlyMine.Count == 0 && onlyTheirs.Count == 0)
        {
            return string.Empty;
        }

        return string.Join('\n', [$"--- only in {thisName}", .. onlyMine.Select(l => "- " + l), $"+++ only in {otherName}", .. onlyTheirs.Select(l => "+ " + l)]);
    }

    private static async Task<List<string>> ReadSqliteAsync(DbConnection c)
    {
        var lines = new List<string>();
        var tables = (await QueryAsync(c, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{HistoryTable}'"))
            .Select(r => (string)r[0]!).ToList();
        foreach (var t in tables)
        {
            lines.Add($"table {t}");
            foreach (var col in await QueryAsync(c, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{t}')"))
            {
                lines.Add($"column {t}.{col[0]}: {col[1]} {(Convert.ToInt64(col[2], CultureInfo.InvariantCulture) == 1 ? "NOT NULL" : "NULL")} default={col[3] ?? "none"}");
            }

            var pk = (await QueryAsync(c, $"SELECT name, pk FROM pragma_table_info('{t}') WHERE pk > 0 ORDER BY pk")).Select(r => (string)r[0]!);
            lines.Add($"primary key {t} ({string.Join(", ", pk)})");

            foreach (var ix in await QueryAsync(c, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{t}')"))
            {
                var name = (string)ix[0]!;
                var columns = (await QueryAsync(c, $"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno")).Select(r => r[0] as string ?? "<expr>");
                var partial = Convert.ToInt64(ix[3], CultureInfo.InvariantCulture) == 1
                    ? " where " + (await QueryAsync(c, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{name}'")).Select(r => r[0] as string).FirstOrDefault()
                    : string.Empty;
                lines.Add($"index {t}.{name}: {(Convert.ToInt64(ix[1], CultureInfo.InvariantCulture) == 1 ? "unique" : "non-unique")} origin={ix[2]} ({string.Join(", ", columns)}){partial}");
            }

            foreach (var fk in (await QueryAsync(c, $"SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{t}')")).GroupBy(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)))
            {
                var parts = fk.OrderBy(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture)).ToList();
                lines.Add($"foreign key {t} ({string.Join(", ", parts.Select(p => p[3]))}) -> {parts[0][2]} ({string.Join(", ", parts.Select(p => p[4]))}) on update {parts[0][5]} on delete {parts[0][6]}");
            }
        }

        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection c)
    {
        var lines = new List<string>();
        foreach (var t in await QueryAsync(c, $"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '{HistoryTable}'"))
        {
            lines.Add($"table {t[0]}");
        }

        foreach (var col in await QueryAsync(c, $"""
            SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale,
                   is_nullable, column_default, is_identity, identity_generation
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> '{HistoryTable}'
            """))
        {
            var type = col[3] is not null ? $"{col[2]}({col[3]})" : col[2] is "numeric" && col[4] is not null ? $"numeric({col[4]},{col[5]})" : col[2];
            var identity = (string?)col[8] == "YES" ? $" identity {col[9]}" : string.Empty;
            lines.Add($"column {col[0]}.{col[1]}: {type} {((string?)col[6] == "YES" ? "NULL" : "NOT NULL")} default={col[7] ?? "none"}{identity}");
        }

        foreach (var con in await QueryAsync(c, $"""
            SELECT rel.relname, con.conname, con.contype, pg_get_constraintdef(con.oid)
            FROM pg_constraint con
            JOIN pg_class rel ON rel.oid = con.conrelid
            JOIN pg_namespace ns ON ns.oid = rel.relnamespace
            WHERE ns.nspname = 'public' AND rel.relname <> '{HistoryTable}'
            """))
        {
            var kind = ((char)con[2]!) switch
            {
                'p' => "primary key",
                'f' => "foreign key",
                'u' => "unique constraint",
                'c' => "check",
                var other => $"constraint({other})",
            };
            lines.Add($"{kind} {con[0]}.{con[1]}: {con[3]}");
        }

        foreach (var ix in await QueryAsync(c, $"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '{HistoryTable}'"))
        {
            lines.Add($"index {ix[0]}.{ix[1]}: {ix[2]}");
        }

        foreach (var fn in await QueryAsync(c, "SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace"))
        {
            lines.Add($"function {fn[0]}: {fn[1]}");
        }

        foreach (var seq in await QueryAsync(c, "SELECT sequence_name, data_type FROM information_schema.sequences WHERE sequence_schema = 'public'"))
        {
            lines.Add($"sequence {seq[0]}: {seq[1]}");
        }

        return lines;
    }

    private static async Task<List<object?[]>> QueryAsync(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
