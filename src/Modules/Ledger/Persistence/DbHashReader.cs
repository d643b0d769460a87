using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Ledger.Persistence;

/// <summary>
/// Reads stored hashes of the tree from ledger_hashes (inside the caller's transaction, if any): those not in the
/// <see cref="StoredHashCache"/> in one primary-key query through plain ADO.NET (ADR 0008).
/// </summary>
internal sealed class DbHashReader(LedgerDbContext db, StoredHashCache? cache = null) : IHashReader
{
    private const string Select = "SELECT \"Index\", \"Hash\" FROM ledger_hashes WHERE \"Index\" ";
    private static readonly string[] SqliteText = new string[257];

    public async ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        if (indexes.Count == 0)
        {
            return [];
        }

        var all = indexes.Distinct().Order().ToArray();
        var found = new byte[all.Length][];
        var missing = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (cache is null || !cache.TryGet(all[i], out found[i]))
            {
                missing++;
            }
        }

        if (missing > 0)
        {
            await ReadMissingAsync(all, found, missing, cancellationToken);
        }

        var result = new byte[indexes.Count][];
        for (var i = 0; i < indexes.Count; i++)
        {
            result[i] = found[Array.BinarySearch(all, indexes[i])] ?? throw new InvalidOperationException($"stored hash {indexes[i]} is missing");
        }

        return result;
    }

    private async Task ReadMissingAsync(long[] all, byte[][] found, int missing, CancellationToken cancellationToken)
    {
        var wanted = new long[missing];
        for (int i = 0, j = 0; i < all.Length; i++)
        {
            if (found[i] is null)
            {
                wanted[j++] = all[i];
            }
        }

        // Only hashes read outside a transaction are certainly committed, and so immutable.
        var committed = cache is not null && db.Database.CurrentTransaction is null;
        var postgres = LedgerSql.IsPostgres(db);
        var command = await LedgerSql.CommandAsync(db, postgres ? Select + "= ANY($1)" : SqliteSql(wanted.Length), cancellationToken);
        try
        {
            if (postgres)
            {
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = wanted });
                await command.PrepareAsync(cancellationToken);
            }
            else
            {
                for (var i = 0; i < wanted.Length; i++)
                {
                    LedgerSql.Add(command, "$i" + i.ToString(CultureInfo.InvariantCulture), wanted[i]);
                }
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var index = reader.GetInt64(0);
                var hash = reader.GetFieldValue<byte[]>(1);
                found[Array.BinarySearch(all, index)] = hash;
                if (committed)
                {
                    cache!.AddCommitted(index, hash);
                }
            }
        }
        finally
        {
            await LedgerSql.ReleaseAsync(db, command);
        }
    }

    /// <summary>"… IN ($i0, …, $iN-1)", kept for the usual counts (a proof needs fewer than 130 hashes, a tile 256).</summary>
    private static string SqliteSql(int count)
    {
        if (count < SqliteText.Length && SqliteText[count] is { } cached)
        {
            return cached;
        }

        var sql = new StringBuilder(Select).Append("IN (");
        for (var i = 0; i < count; i++)
        {
            sql.Append(i == 0 ? "$i" : ", $i").Append(i);
        }

        var text = sql.Append(')').ToString();
        if (count < SqliteText.Length)
        {
            SqliteText[count] = text;
        }

        return text;
    }
}
