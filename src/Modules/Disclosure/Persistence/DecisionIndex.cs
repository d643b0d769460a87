using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Cases.Contracts;
using Sanxiang.Disclosure.Domain;
using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Disclosure.Persistence;

/// <summary>The public filters that narrow a word search (all optional).</summary>
internal sealed record IndexFilter(DateOnly Today, Guid? AgencyId, (string First, string Last)? Region, DecisionCategory? Category, DateOnly? From, DateOnly? To);

/// <summary>
/// The word index of published decisions (ADR 0017), keyed by the order of publication (Seq): for each decision the
/// set of its terms (<see cref="Bigrams"/>), stored as compressed posting lists by the database itself: on SQLite a
/// contentless FTS5 table whose "text" is the terms separated by spaces (unicode61 keeps a Han bigram as one token;
/// detail=none: no positions, the smallest index); on PostgreSQL a tsvector built verbatim from the terms
/// (array_to_tsvector: no parser, no stemming) under a GIN index. Both answer "every term present, newest first"
/// and a prefix (one Han character: the bigrams it starts). Written in the same transaction as the publication.
/// </summary>
internal sealed class DecisionIndex(DisclosureDbContext db)
{
    private bool Postgres => db.Database.IsNpgsql();

    /// <summary>The decision's key in the index: FTS5's rowid, or the search table's Seq.</summary>
    private string Key => Postgres ? "x.\"Seq\"" : "x.rowid";

    /// <summary>The index's tables, appended to the model's create script (they are not EF entities).</summary>
    public static string CreateScript(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? """

          CREATE TABLE disclosure_search (
              "Seq" bigint NOT NULL,
              "Terms" tsvector NOT NULL,
              CONSTRAINT "PK_disclosure_search" PRIMARY KEY ("Seq")
          );

          ALTER TABLE disclosure_search ALTER COLUMN "Terms" SET STATISTICS 1000;

          CREATE INDEX "IX_disclosure_search_Terms" ON disclosure_search USING gin ("Terms");

          CREATE TABLE disclosure_days (
              "DecidedOn" date NOT NULL,
              "MinSeq" bigint NOT NULL,
              "MaxSeq" bigint NOT NULL,
              CONSTRAINT "PK_disclosure_days" PRIMARY KEY ("DecidedOn")
          );

          """
        : """

          CREATE VIRTUAL TABLE "disclosure_fts" USING fts5("Terms", content='', contentless_delete=1, detail=none, tokenize='unicode61');

          CREATE TABLE "disclosure_days" (
              "DecidedOn" TEXT NOT NULL CONSTRAINT "PK_disclosure_days" PRIMARY KEY,
              "MinSeq" INTEGER NOT NULL,
              "MaxSeq" INTEGER NOT NULL
          );

          """;

    /// <summary>
    /// Indexes a decision, and widens its decision day's range of keys (disclosure_days): a date filter becomes a key
    /// range, so a search for a common word in an old period starts there instead of reading every newer match.
    /// </summary>
    public async Task AddAsync(long seq, DateOnly decidedOn, IReadOnlySet<string> terms, CancellationToken ct)
    {
        if (Postgres)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO disclosure_days ("DecidedOn", "MinSeq", "MaxSeq") VALUES ({decidedOn}, {seq}, {seq})
                ON CONFLICT ("DecidedOn") DO UPDATE SET "MinSeq" = LEAST(disclosure_days."MinSeq", excluded."MinSeq"), "MaxSeq" = GREATEST(disclosure_days."MaxSeq", excluded."MaxSeq")
                """, ct);
        }
        else
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "disclosure_days" ("DecidedOn", "MinSeq", "MaxSeq") VALUES ({decidedOn}, {seq}, {seq})
                ON CONFLICT ("DecidedOn") DO UPDATE SET "MinSeq" = min("MinSeq", excluded."MinSeq"), "MaxSeq" = max("MaxSeq", excluded."MaxSeq")
                """, ct);
        }

        if (terms.Count == 0)
        {
            return;
        }

        if (Postgres)
        {
            await db.Database.ExecuteSqlAsync($"""INSERT INTO disclosure_search ("Seq", "Terms") VALUES ({seq}, array_to_tsvector({terms.ToArray()}))""", ct);
        }
        else
        {
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "disclosure_fts" (rowid, "Terms") VALUES ({seq}, {string.Join(' ', terms)})""", ct);
        }
    }

    public Task RemoveAsync(long seq, CancellationToken ct) => Postgres
        ? db.Database.ExecuteSqlAsync($"""DELETE FROM disclosure_search WHERE "Seq" = {seq}""", ct)
        : db.Database.ExecuteSqlAsync($"""DELETE FROM "disclosure_fts" WHERE rowid = {seq}""", ct);

    /// <summary>
    /// The keys of the visible decisions that hold every term (or, for <paramref name="prefix"/>, a term starting with
    /// it), newest first, at most <paramref name="limit"/> of them: one query gives both the page and the count.
    /// </summary>
    public Task<List<long>> KeysAsync(IReadOnlyList<string> terms, string? prefix, IndexFilter f, int limit, CancellationToken ct) =>
        db.Database.SqlQuery<long>(Build($"SELECT {Key} AS \"Value\"", terms, prefix, f, $" ORDER BY {Key} DESC LIMIT {limit}")).ToListAsync(ct);

    /// <summary>The query, with every value a parameter: the match expression is built from terms that hold only Han characters, a-z and 0-9.</summary>
    private FormattableString Build(string select, IReadOnlyList<string> terms, string? prefix, IndexFilter f, string tail)
    {
        var args = new List<object?>();
        string Arg(object? value)
        {
            args.Add(value);
            return "{" + (args.Count - 1) + "}";
        }

        var match = Postgres
            ? prefix is not null ? $"'{prefix}':*" : string.Join(" & ", terms.Select(t => $"'{t}'"))
            : prefix is not null ? $"\"{prefix}\"*" : string.Join(' ', terms.Select(t => $"\"{t}\""));
        var sql = Postgres
            ? $"{select} FROM disclosure_search x JOIN disclosure_publications p ON p.\"Seq\" = x.\"Seq\" WHERE x.\"Terms\" @@ CAST({Arg(match)} AS tsquery)"
            : $"{select} FROM \"disclosure_fts\" x JOIN \"disclosure_publications\" p ON p.\"Seq\" = x.rowid WHERE x.\"disclosure_fts\" MATCH {Arg(match)}";
        sql += $" AND p.\"Status\" IN ({(int)PublicationStatus.Published}, {(int)PublicationStatus.Withdrawn}) AND p.\"DisplayUntil\" >= {Arg(f.Today)}";
        if (f.AgencyId is { } agency)
        {
            sql += $" AND p.\"AgencyId\" = {Arg(agency)}";
        }

        if (f.Region is var (first, last))
        {
            sql += $" AND p.\"RegionCode\" >= {Arg(first)} AND p.\"RegionCode\" <= {Arg(last)}";
        }

        if (f.Category is { } category)
        {
            sql += $" AND p.\"Category\" = {Arg((int)category)}";
        }

        // The days' key ranges bound the keys (exactly: every decision of those days is inside), the dates then filter.
        if (f.From is { } from)
        {
            sql += $" AND {Key} >= (SELECT COALESCE(MIN(\"MinSeq\"), {long.MaxValue}) FROM \"disclosure_days\" WHERE \"DecidedOn\" >= {Arg(from)}) AND p.\"DecidedOn\" >= {Arg(from)}";
        }

        if (f.To is { } to)
        {
            sql += $" AND {Key} <= (SELECT COALESCE(MAX(\"MaxSeq\"), 0) FROM \"disclosure_days\" WHERE \"DecidedOn\" <= {Arg(to)}) AND p.\"DecidedOn\" <= {Arg(to)}";
        }

        return FormattableStringFactory.Create(sql + tail, [.. args]);
    }
}
