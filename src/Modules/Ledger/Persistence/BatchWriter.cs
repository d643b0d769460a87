using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Sanxiang.Ledger.Persistence;

/// <summary>
/// The sequencer's bulk statements, on the context's connection inside its open transaction (ADR 0008): which event
/// IDs are already in the log (one query), and the insertion of a batch's entries and stored hashes without EF
/// change tracking (PostgreSQL: binary COPY; SQLite: one prepared INSERT per table, run once per row).
/// </summary>
internal static class BatchWriter
{
    /// <summary>The event IDs among <paramref name="ids"/> that already have an entry: each event is recorded exactly once (GB118-REC-4).</summary>
    public static async Task<HashSet<Guid>> PresentAsync(LedgerDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var postgres = LedgerSql.IsPostgres(db);
        var sql = postgres
            ? "SELECT \"EventId\" FROM ledger_entries WHERE \"EventId\" = ANY($1)"
            : "SELECT \"EventId\" FROM ledger_entries WHERE \"EventId\" IN (SELECT value FROM json_each($ids))";
        var command = await LedgerSql.CommandAsync(db, sql, ct);
        try
        {
            if (postgres)
            {
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid, Value = ids.ToArray() });
            }
            else
            {
                // EF Core stores a Guid in SQLite as upper-case text.
                var json = new StringBuilder("[");
                foreach (var id in ids)
                {
                    json.Append(json.Length == 1 ? "\"" : ",\"").Append(SqliteGuid(id)).Append('"');
                }

                LedgerSql.Add(command, "$ids", json.Append(']').ToString());
            }

            var present = new HashSet<Guid>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                present.Add(postgres ? reader.GetGuid(0) : Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture));
            }

            return present;
        }
        finally
        {
            await LedgerSql.ReleaseAsync(db, command);
        }
    }

    /// <summary>Inserts stored hashes from index <paramref name="firstHash"/> on, and the entries (their Index set).</summary>
    public static async Task InsertAsync(LedgerDbContext db, long firstHash, IReadOnlyList<byte[]> hashes, IReadOnlyList<EntryRow> entries, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.GetDbConnection() is NpgsqlConnection pg)
            {
                await CopyAsync(pg, firstHash, hashes, entries, ct);
            }
            else
            {
                await InsertSqliteAsync(db, firstHash, hashes, entries, ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task CopyAsync(NpgsqlConnection pg, long firstHash, IReadOnlyList<byte[]> hashes, IReadOnlyList<EntryRow> entries, CancellationToken ct)
    {
        await using (var copy = await pg.BeginBinaryImportAsync("COPY ledger_hashes (\"Index\", \"Hash\") FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < hashes.Count; i++)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(firstHash + i, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(hashes[i], NpgsqlDbType.Bytea, ct);
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await pg.BeginBinaryImportAsync(
            "COPY ledger_entries (\"Index\", \"EventId\", \"Module\", \"EventType\", \"AggregateId\", \"OccurredAt\", \"Data\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var e in entries)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.Index, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(e.EventId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.Module, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.EventType, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.AggregateId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.OccurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(e.Data, NpgsqlDbType.Bytea, ct);
            }

            await copy.CompleteAsync(ct);
        }
    }

    private static async Task InsertSqliteAsync(LedgerDbContext db, long firstHash, IReadOnlyList<byte[]> hashes, IReadOnlyList<EntryRow> entries, CancellationToken ct)
    {
        var command = await LedgerSql.CommandAsync(db, "INSERT INTO ledger_hashes (\"Index\", \"Hash\") VALUES ($i, $h)", ct);
        try
        {
            var index = LedgerSql.Add(command, "$i", 0L);
            var hash = LedgerSql.Add(command, "$h", Array.Empty<byte>());
            await command.PrepareAsync(ct);
            for (var i = 0; i < hashes.Count; i++)
            {
                index.Value = firstHash + i;
                hash.Value = hashes[i];
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await LedgerSql.ReleaseAsync(db, command);
        }

        command = await LedgerSql.CommandAsync(
            db,
            "INSERT INTO ledger_entries (\"Index\", \"EventId\", \"Module\", \"EventType\", \"AggregateId\", \"OccurredAt\", \"Data\") VALUES ($i, $e, $m, $t, $a, $o, $d)",
            ct);
        try
        {
            var p = new[] { "$i", "$e", "$m", "$t", "$a", "$o", "$d" }.Select(name => LedgerSql.Add(command, name, DBNull.Value)).ToArray();
            await command.PrepareAsync(ct);
            foreach (var e in entries)
            {
                p[0].Value = e.Index;
                p[1].Value = SqliteGuid(e.EventId);
                p[2].Value = e.Module;
                p[3].Value = e.EventType;
                p[4].Value = SqliteGuid(e.AggregateId);
                p[5].Value = e.OccurredAt.UtcTicks; // InstantStorage: UTC ticks in SQLite
                p[6].Value = e.Data;
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await LedgerSql.ReleaseAsync(db, command);
        }
    }

    private static string SqliteGuid(Guid id) => id.ToString().ToUpperInvariant();
}
