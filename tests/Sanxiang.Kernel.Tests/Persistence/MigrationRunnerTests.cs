using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Kernel.Tests.Persistence;

/// <summary>Versioned SQL migrations (docs/decisions/0002), on a real SQLite file.</summary>
public sealed class MigrationRunnerTests : IDisposable
{
    private readonly SqliteFile _db = new();

    public void Dispose() => _db.Dispose();

    private DbContext NewContext() => new(new DbContextOptionsBuilder().UseSqlite(_db.ConnectionString).Options);

    private async Task<int> ApplyAsync(params SqlMigration[] migrations)
    {
        await using var context = NewContext();
        return await MigrationRunner.ApplyAsync(context, DatabaseProvider.Sqlite, migrations);
    }

    private static SqlMigration M(int version, string sql, string module = "test") => new(module, version, $"m{version}", sql);

    [Fact]
    public void Discover_PicksOnlyTheProvidersScripts_InVersionOrder()
    {
        var sqlite = MigrationRunner.Discover(typeof(MigrationRunnerTests).Assembly, "test", DatabaseProvider.Sqlite);
        var postgres = MigrationRunner.Discover(typeof(MigrationRunnerTests).Assembly, "test", DatabaseProvider.Postgres);

        sqlite.Select(m => (m.Version, m.Name)).ShouldBe([(1, "first"), (2, "second"), (10, "tenth")]);
        sqlite.ShouldAllBe(m => m.Module == "test");
        sqlite[0].Sql.ShouldContain("INTEGER PRIMARY KEY");
        postgres.Select(m => (m.Version, m.Name)).ShouldBe([(1, "first"), (3, "postgres_only")]);
        postgres[0].Sql.ShouldContain("BIGINT");
    }

    [Fact]
    public void Checksum_IsSha256OfTheScript_IgnoringLineEndings()
    {
        var unix = M(1, "CREATE TABLE a (x INTEGER);\nCREATE TABLE b (x INTEGER);\n");
        var windows = M(1, "CREATE TABLE a (x INTEGER);\r\nCREATE TABLE b (x INTEGER);\r\n");

        unix.Checksum.Length.ShouldBe(64);
        windows.Checksum.ShouldBe(unix.Checksum);
        M(1, "CREATE TABLE a (y INTEGER);\n").Checksum.ShouldNotBe(unix.Checksum);
    }

    [Fact]
    public async Task Apply_AppliesDiscoveredScriptsOnce_AndRecordsChecksums()
    {
        var migrations = MigrationRunner.Discover(typeof(MigrationRunnerTests).Assembly, "test", DatabaseProvider.Sqlite);

        (await ApplyAsync([.. migrations])).ShouldBe(3);

        _db.TableExists("t_first").ShouldBeTrue();
        _db.TableExists("t_tenth").ShouldBeTrue();
        _db.Scalar("SELECT COUNT(*) FROM schema_migrations WHERE module = 'test'").ShouldBe(3);
        foreach (var m in migrations)
        {
            _db.Scalar($"SELECT COUNT(*) FROM schema_migrations WHERE module = 'test' AND version = {m.Version} AND name = '{m.Name}' AND checksum = '{m.Checksum}'").ShouldBe(1);
        }

        (await ApplyAsync([.. migrations])).ShouldBe(0);
        _db.Scalar("SELECT COUNT(*) FROM schema_migrations").ShouldBe(3);
    }

    [Fact]
    public async Task Apply_OnlyAppliesTheNewScript_WhenOneIsAdded()
    {
        var first = M(1, "CREATE TABLE a (x INTEGER);");
        (await ApplyAsync(first)).ShouldBe(1);

        (await ApplyAsync(first, M(2, "CREATE TABLE b (x INTEGER);"))).ShouldBe(1);

        _db.TableExists("b").ShouldBeTrue();
    }

    [Fact]
    public async Task Apply_KeepsModulesApart()
    {
        await ApplyAsync(M(1, "CREATE TABLE a (x INTEGER);", module: "registry"));

        (await ApplyAsync(M(1, "CREATE TABLE b (x INTEGER);", module: "auth"))).ShouldBe(1);

        _db.Scalar("SELECT COUNT(*) FROM schema_migrations").ShouldBe(2);
    }

    [Fact]
    public async Task Apply_RefusesAScriptChangedAfterItWasApplied()
    {
        await ApplyAsync(M(1, "CREATE TABLE a (x INTEGER);"));

        var ex = await Should.ThrowAsync<InvalidOperationException>(() => ApplyAsync(M(1, "CREATE TABLE a (x INTEGER, y INTEGER);")));

        ex.Message.ShouldContain("checksum");
        ex.Message.ShouldContain("test/0001");
    }

    [Fact]
    public async Task Apply_AFailingScript_RollsBackEntirely()
    {
        var good = M(1, "CREATE TABLE a (x INTEGER);");
        var bad = M(2, "CREATE TABLE partial (x INTEGER); INSERT INTO partial VALUES (1); INSERT INTO missing_table VALUES (1);");
        var after = M(3, "CREATE TABLE c (x INTEGER);");

        await Should.ThrowAsync<SqliteException>(() => ApplyAsync(good, bad, after));

        _db.TableExists("a").ShouldBeTrue("the script before the failing one was committed in its own transaction");
        _db.TableExists("partial").ShouldBeFalse("no table from the failing script survives");
        _db.TableExists("c").ShouldBeFalse("nothing after the failing script runs");
        _db.Scalar("SELECT COUNT(*) FROM schema_migrations WHERE version = 2").ShouldBe(0);
        _db.Scalar("SELECT COUNT(*) FROM schema_migrations").ShouldBe(1);

        // Once fixed, the script applies from a clean state.
        (await ApplyAsync(good, M(2, "CREATE TABLE partial (x INTEGER);"), after)).ShouldBe(2);
    }

    [Fact]
    public async Task AllApplied_IsFalseBeforeAndTrueAfter()
    {
        var migrations = new[] { M(1, "CREATE TABLE a (x INTEGER);"), M(2, "CREATE TABLE b (x INTEGER);") };
        await using var context = NewContext();

        (await MigrationRunner.AllAppliedAsync(context, migrations)).ShouldBeFalse("no history table yet");
        await MigrationRunner.ApplyAsync(context, DatabaseProvider.Sqlite, migrations[..1]);
        (await MigrationRunner.AllAppliedAsync(context, migrations)).ShouldBeFalse("version 2 is pending");
        await MigrationRunner.ApplyAsync(context, DatabaseProvider.Sqlite, migrations);
        (await MigrationRunner.AllAppliedAsync(context, migrations)).ShouldBeTrue();
    }
}
