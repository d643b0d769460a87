using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sanxiang.Ledger.Persistence;

/// <summary>
/// Plain ADO.NET commands on the Ledger context's own connection and current transaction, for the hot paths that
/// EF Core's per-query and change-tracking work slows down (ADR 0008): reading stored hashes and appending a batch.
/// </summary>
internal static class LedgerSql
{
    /// <summary>Opens the context's connection (balanced by <see cref="ReleaseAsync"/>) and makes a command in its transaction.</summary>
    public static async Task<DbCommand> CommandAsync(LedgerDbContext db, string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Disposes the command and closes the connection if <see cref="CommandAsync"/> opened it.</summary>
    public static async Task ReleaseAsync(LedgerDbContext db, DbCommand command)
    {
        await command.DisposeAsync();
        await db.Database.CloseConnectionAsync();
    }

    public static bool IsPostgres(LedgerDbContext db) => db.Database.IsNpgsql();

    /// <summary>A parameter named for the provider ($n for SQLite, positional for PostgreSQL).</summary>
    public static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        if (command is not Npgsql.NpgsqlCommand)
        {
            parameter.ParameterName = name;
        }

        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
