using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Registry.Persistence;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>The runner on a made-up module, on this run's provider (its own database: it adds a table).</summary>
public sealed class MigrationRunnerTests(SanxiangFactory app) : IClassFixture<SanxiangFactory>
{
    private static readonly SqlMigration First = new("zz_test", 1, "first", "CREATE TABLE zz_test_items (id INTEGER NOT NULL PRIMARY KEY)");
    private static readonly SqlMigration Second = new("zz_test", 2, "second", "CREATE INDEX ix_zz_test_items ON zz_test_items (id)");

    [Fact]
    public async Task PendingMigrations_AreAppliedOnce_InOrder_AndEditsAreRefused()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();

        (await MigrationRunner.ApplyAsync(db, app.Provider, [First])).ShouldBe(1);
        (await MigrationRunner.ApplyAsync(db, app.Provider, [First, Second])).ShouldBe(1);
        (await MigrationRunner.ApplyAsync(db, app.Provider, [First, Second])).ShouldBe(0);
        (await MigrationRunner.AllAppliedAsync(db, [First, Second])).ShouldBeTrue();
        var recorded = await db.Database.SqlQueryRaw<int>($"SELECT version AS \"Value\" FROM {SchemaSnapshot.HistoryTable} WHERE module = 'zz_test'").ToListAsync();
        recorded.Order().ShouldBe([1, 2]);

        var edited = Second with { Sql = "CREATE INDEX ix_zz_test_other ON zz_test_items (id)" };
        var error = await Should.ThrowAsync<InvalidOperationException>(() => MigrationRunner.ApplyAsync(db, app.Provider, [First, edited]));
        error.Message.ShouldContain("zz_test/0002");
    }

    [Fact]
    public async Task AFailingMigration_LeavesNoRecord_AndNoPartialChange()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var broken = new SqlMigration("zz_broken", 1, "broken", "CREATE TABLE zz_broken_items (id INTEGER NOT NULL); INSERT INTO no_such_table VALUES (1)");

        await Should.ThrowAsync<Exception>(() => MigrationRunner.ApplyAsync(db, app.Provider, [broken]));

        (await MigrationRunner.AllAppliedAsync(db, [broken])).ShouldBeFalse();
        var snapshot = await SchemaSnapshot.ReadAsync(app.Provider, app.Database.ConnectionString);
        snapshot.Lines.ShouldNotContain("table zz_broken_items");
    }
}
