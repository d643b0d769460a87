using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Cases.Contracts;
using Sanxiang.Disclosure.Domain;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Persistence;

/// <summary>The public filters that narrow a word search (all optional); the region is a code prefix (GB/T 2260: 33, 3311, 331126).</summary>
internal sealed record IndexFilter(DateOnly Today, Guid? AgencyId, string? RegionPrefix, DecisionCategory? Category, DateOnly? From, DateOnly? To);

/// <summary>
/// The word index of published decisions (ADR 0017), keyed by the order of publication (Seq): for each decision the
/// set of its terms (<see cref="Bigrams"/>), stored as compressed posting lists by the database itself. Both answer
/// "every term present, with the filters, newest first" and a prefix (one Han character: the bigrams it starts).
/// Written in the same transaction as the publication.
/// <list type="bullet">
/// <item>SQLite: a contentless FTS5 table whose "text" is the terms separated by spaces (unicode61 keeps a Han bigram
/// as one token; detail=none: no positions, the smallest index). FTS5 walks its posting lists in key order, newest
/// first, and stops at the limit.</item>
/// <item>PostgreSQL: a GIN index on an expression of the terms (disclosure_search_keys: array_to_tsvector, verbatim,
/// no parser, no stemming). GIN cannot hand back its matches in key order: a query for a common word would fetch and
/// sort every match. So each key of the index carries the block of publication keys the decision is in: its fine
/// block of <see cref="BlockSize"/> (<c>976#罚款</c>) and its coarse block of <see cref="BlockSize"/> ×
/// <see cref="CoarseBlocks"/> (<c>30~罚款</c>); the agency, category and region are keys too (<c>976#a=…</c>,
/// <c>976#c=1</c>, <c>976#r=331126</c>). The search walks the blocks from the newest (fine ones, then coarse ones),
/// asks GIN for each block's matches (a few small posting lists, filters included) and stops as soon as it has
/// enough (ADR 0017).</item>
/// </list>
/// </summary>
internal sealed class DecisionIndex(DisclosureDbContext db)
{
    /// <summary>
    /// PostgreSQL: publication keys per (fine) block of the index. A common word finds a page in the newest block
    /// (about a thousand rows to sort at most). Changing it needs the index rebuilt (a migration).
    /// </summary>
    public const long BlockSize = 1024;

    /// <summary>
    /// PostgreSQL: fine blocks per coarse block (32,768 keys). Past the newest fine blocks the search asks GIN per coarse
    /// block: a word that found fewer than a page in those is rare there, so a coarse block holds few of its matches,
    /// and a search that finds little (two words that never meet) walks 1,000,000 decisions in at most about 70 steps
    /// (8 to 39 fine blocks, then about 30 coarse ones), not 1,000.
    /// </summary>
    public const long CoarseBlocks = 32;

    /// <summary>PostgreSQL: the search reads at least this many fine blocks (down to a coarse block's start) before coarse ones.</summary>
    public const long FineBlocksFirst = 8;

    private bool Postgres => db.Database.IsNpgsql();

    /// <summary>
    /// PostgreSQL: the GIN index of the keys. fastupdate off: each publication writes its entries at once (about 300
    /// of them), instead of a pending list that every block of every search would have to read. A bulk load may drop
    /// it and create it again at the end (the benchmark does).
    /// </summary>
    public const string PostgresKeysIndex = """CREATE INDEX "IX_disclosure_search_Keys" ON disclosure_search USING gin (disclosure_search_keys("Seq", "Keys")) WITH (fastupdate = off)""";

    /// <summary>
    /// PostgreSQL: the GIN index's keys of a decision, from its key (Seq) and its terms and filters (space separated):
    /// each with its fine block ("976#罚款") and with its coarse block ("30~罚款"). The table keeps only the terms; the
    /// index computes the keys (an index on this expression), so the keys are stored once, in the index.
    /// </summary>
    private static readonly string KeysFunction = $"""
        CREATE FUNCTION disclosure_search_keys(seq bigint, keys text) RETURNS tsvector
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            RETURN array_to_tsvector(ARRAY(
                SELECT b.prefix || k.key
                FROM unnest(string_to_array(keys, ' ')) AS k(key),
                     unnest(ARRAY[(seq / {BlockSize})::text || '#', (seq / {BlockSize * CoarseBlocks})::text || '~']) AS b(prefix)));
        """;

    /// <summary>The index's tables, appended to the model's create script (they are not EF entities).</summary>
    public static string CreateScript(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? $$"""

          CREATE TABLE disclosure_search (
              "Seq" bigint NOT NULL,
              "Keys" text NOT NULL,
              CONSTRAINT "PK_disclosure_search" PRIMARY KEY ("Seq")
          );

          {{KeysFunction}}

          {{PostgresKeysIndex}};

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
    /// PostgreSQL: what a decision is indexed under, before the blocks are added (disclosure_search_keys): its terms
    /// and its filters (agency, category, region). Terms hold only Han characters, a-z and 0-9, so "=" (and the
    /// blocks' "#" and "~") cannot clash, and a space separates them.
    /// </summary>
    public static string Keys(IEnumerable<string> terms, Guid agencyId, DecisionCategory category, string? regionCode)
    {
        var keys = terms.Append(AgencyKey(agencyId)).Append(CategoryKey(category));
        if (!string.IsNullOrEmpty(regionCode))
        {
            keys = keys.Append("r=" + regionCode);
        }

        return string.Join(' ', keys);
    }

    private static string AgencyKey(Guid agencyId) => "a=" + agencyId.ToString("D", CultureInfo.InvariantCulture);

    private static string CategoryKey(DecisionCategory category) => "c=" + ((int)category).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Indexes a published decision, and widens its decision day's range of keys (disclosure_days): a date filter
    /// becomes a key range, so a search for a common word in an old period starts there instead of reading every
    /// newer match.
    /// </summary>
    public async Task AddAsync(Publication p, CancellationToken ct)
    {
        var seq = p.Seq ?? throw new InvalidOperationException("only a published decision has a key to index");
        var terms = Bigrams.Terms(p.SearchText());
        if (Postgres)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO disclosure_days ("DecidedOn", "MinSeq", "MaxSeq") VALUES ({p.DecidedOn}, {seq}, {seq})
                ON CONFLICT ("DecidedOn") DO UPDATE SET "MinSeq" = LEAST(disclosure_days."MinSeq", excluded."MinSeq"), "MaxSeq" = GREATEST(disclosure_days."MaxSeq", excluded."MaxSeq")
                """, ct);
            await db.Database.ExecuteSqlAsync($"""INSERT INTO disclosure_search ("Seq", "Keys") VALUES ({seq}, {Keys(terms, p.AgencyId, p.Category, p.RegionCode)})""", ct);
            return;
        }

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "disclosure_days" ("DecidedOn", "MinSeq", "MaxSeq") VALUES ({p.DecidedOn}, {seq}, {seq})
            ON CONFLICT ("DecidedOn") DO UPDATE SET "MinSeq" = min("MinSeq", excluded."MinSeq"), "MaxSeq" = max("MaxSeq", excluded."MaxSeq")
            """, ct);
        if (terms.Count > 0)
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
        db.Database.SqlQuery<long>(Postgres ? BuildPostgres(terms, prefix, f, limit) : BuildSqlite(terms, prefix, f, limit)).ToListAsync(ct);

    /// <summary>The date filter's bounds on the keys: each day's key range bounds it exactly (every decision of those days is inside).</summary>
    private static (string Low, string High) KeyBounds(IndexFilter f, Func<object?, string> arg) =>
        (f.From is { } from ? $"(SELECT COALESCE(MIN(\"MinSeq\"), {long.MaxValue}) FROM \"disclosure_days\" WHERE \"DecidedOn\" >= {arg(from)})" : "0",
         f.To is { } to ? $"(SELECT COALESCE(MAX(\"MaxSeq\"), 0) FROM \"disclosure_days\" WHERE \"DecidedOn\" <= {arg(to)})" : long.MaxValue.ToString(CultureInfo.InvariantCulture));

    /// <summary>The conditions on the publication itself: in view, and the exact dates.</summary>
    private static string Visible(IndexFilter f, Func<object?, string> arg)
    {
        var sql = $" p.\"Status\" IN ({(int)PublicationStatus.Published}, {(int)PublicationStatus.Withdrawn}) AND p.\"DisplayUntil\" >= {arg(f.Today)}";
        if (f.From is { } from)
        {
            sql += $" AND p.\"DecidedOn\" >= {arg(from)}";
        }

        if (f.To is { } to)
        {
            sql += $" AND p.\"DecidedOn\" <= {arg(to)}";
        }

        return sql;
    }

    /// <summary>
    /// PostgreSQL: the blocks from the newest one holding a key in range down to the oldest in range (the date
    /// filter's key bounds), fine ones first, then coarse ones; for each, GIN's matches of the block's keys (the words
    /// and the filters: a tsquery made from a template by putting the block's prefix for "@"); each joined to its
    /// publication (in view, exact dates: the first and last blocks may hold other days). The steps come in
    /// descending key order and are numbered (WITH ORDINALITY), so "ORDER BY step, key DESC" is an incremental sort
    /// that PostgreSQL knows is already ordered by step: it sorts one block's matches at a time and stops at the
    /// limit, so a common word reads one fine block. (A key range inside the block's query would make PostgreSQL
    /// intersect the GIN bitmap with a bitmap of every key in range, block after block.)
    /// </summary>
    private static FormattableString BuildPostgres(IReadOnlyList<string> terms, string? prefix, IndexFilter f, int limit)
    {
        var args = new List<object?>();
        string Arg(object? value)
        {
            args.Add(value);
            return "{" + (args.Count - 1) + "}";
        }

        List<string> parts = prefix is not null ? [$"'@{prefix}':*"] : [.. terms.Select(t => $"'@{t}'")];
        if (f.AgencyId is { } agency)
        {
            parts.Add($"'@{AgencyKey(agency)}'");
        }

        if (f.Category is { } category)
        {
            parts.Add($"'@{CategoryKey(category)}'");
        }

        if (f.RegionPrefix is { } region)
        {
            parts.Add($"'@r={region}':*");
        }

        var (low, high) = KeyBounds(f, Arg);
        var template = Arg(string.Join(" & ", parts));
        // r: the newest fine block in range (hf), the lowest (lf), where the fine walk stops (sf: a coarse block's start,
        // at least FineBlocksFirst blocks down), and how many fine (nf) and coarse (nc) steps there are; step i is fine
        // block hf - i, then coarse block sf / CoarseBlocks - 1 - (i - nf), down to the coarse block of the low bound.
        // (PostgreSQL inlines r, so its bounds' subqueries run once per use, each an index probe; made a MATERIALIZED
        // CTE, r would hide the steps' order from the planner, which would then sort every match before the limit.)
        var sql = $"""
            SELECT s."Seq" AS "Value"
            FROM (SELECT hf, sf, GREATEST(hf - GREATEST(sf, lf) + 1, 0) AS nf, GREATEST(sf / {CoarseBlocks} - lf / {CoarseBlocks}, 0) AS nc
                  FROM (SELECT hf, lf, GREATEST((hf - {FineBlocksFirst - 1}) / {CoarseBlocks} * {CoarseBlocks}, 0) AS sf
                        FROM (SELECT (SELECT COALESCE(MAX(y."Seq"), 0) FROM disclosure_search y WHERE y."Seq" <= {high}) / {BlockSize} AS hf, {low} / {BlockSize} AS lf) a) b) r
            CROSS JOIN LATERAL generate_series(0, r.nf + r.nc - 1) WITH ORDINALITY AS g(i, o)
            CROSS JOIN LATERAL (
                SELECT x."Seq" FROM disclosure_search x
                WHERE disclosure_search_keys(x."Seq", x."Keys") @@ CAST(replace({template}, '@', CASE WHEN g.i < r.nf THEN (r.hf - g.i)::text || '#' ELSE (r.sf / {CoarseBlocks} - 1 - (g.i - r.nf))::text || '~' END) AS tsquery)
                ORDER BY x."Seq" DESC) s
            JOIN disclosure_publications p ON p."Seq" = s."Seq"
            WHERE {Visible(f, Arg)}
            ORDER BY g.o, s."Seq" DESC
            LIMIT {limit}
            """;
        return FormattableStringFactory.Create(sql, [.. args]);
    }

    /// <summary>SQLite: FTS5's matches in key order, joined to the publications with the filters, newest first.</summary>
    private static FormattableString BuildSqlite(IReadOnlyList<string> terms, string? prefix, IndexFilter f, int limit)
    {
        var args = new List<object?>();
        string Arg(object? value)
        {
            args.Add(value);
            return "{" + (args.Count - 1) + "}";
        }

        var match = prefix is not null ? $"\"{prefix}\"*" : string.Join(' ', terms.Select(t => $"\"{t}\""));
        var sql = $"SELECT x.rowid AS \"Value\" FROM \"disclosure_fts\" x JOIN \"disclosure_publications\" p ON p.\"Seq\" = x.rowid WHERE x.\"disclosure_fts\" MATCH {Arg(match)} AND {Visible(f, Arg)}";
        if (f.AgencyId is { } agency)
        {
            sql += $" AND p.\"AgencyId\" = {Arg(agency)}";
        }

        if (f.RegionPrefix is { } region)
        {
            var (first, last) = AdministrativeDivisions.Range(region);
            sql += $" AND p.\"RegionCode\" >= {Arg(first)} AND p.\"RegionCode\" <= {Arg(last)}";
        }

        if (f.Category is { } category)
        {
            sql += $" AND p.\"Category\" = {Arg((int)category)}";
        }

        if (f.From is not null || f.To is not null)
        {
            var (low, high) = KeyBounds(f, Arg);
            sql += $" AND x.rowid >= {low} AND x.rowid <= {high}";
        }

        return FormattableStringFactory.Create(sql + $" ORDER BY x.rowid DESC LIMIT {limit}", [.. args]);
    }
}
