using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sanxiang.Host.Auth;
using Sanxiang.Host.Infrastructure;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Registry.Persistence;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The versioned SQL migrations (docs/decisions/0002) must build exactly the schema EF's model describes, on
/// the provider of this run; and the runner records, skips and guards applied scripts.
/// </summary>
public sealed class SchemaTests(SanxiangFactory app) : IClassFixture<SanxiangFactory>
{
    [Fact]
    public async Task MigratedDatabase_HasExactlyTheSchemaOfTheModels()
    {
        string[] scripts;
        await using (var scope = app.Scope())
        {
            scripts = [.. scope.ServiceProvider.GetServices<IModuleMigrator>().Select(m => m.ModelScript())];
        }

        scripts.Length.ShouldBeGreaterThanOrEqualTo(2);
        await using var fromModel = await TestDatabase.CreateAsync();
        await using (var connection = Open(fromModel))
        {
            await connection.OpenAsync();
            foreach (var script in scripts)
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = script;
                await cmd.ExecuteNonQueryAsync();
            }
        }

        var migrated = await SchemaSnapshot.ReadAsync(app.Provider, app.Database.ConnectionString);
        var model = await SchemaSnapshot.ReadAsync(fromModel.Provider, fromModel.ConnectionString);

        migrated.Lines.ShouldNotBeEmpty();
        var diff = migrated.DiffFrom(model, "the migrated database", "the database created from the models");
        diff.ShouldBeEmpty($"schema drift on {app.Provider}: add a numbered migration for the model change.\n{diff}");
    }

    [Fact]
    public async Task EveryDiscoveredMigration_IsRecordedInSchemaMigrations()
    {
        var expected = new List<string>();
        expected.AddRange(MigrationRunner.Discover(typeof(AuthMigrator).Assembly, "auth", app.Provider).Select(m => $"auth/{m.Version}/{m.Checksum}"));
        expected.AddRange(MigrationRunner.Discover(typeof(RegistryMigrator).Assembly, RegistryDbContext.Module, app.Provider).Select(m => $"{m.Module}/{m.Version}/{m.Checksum}"));
        expected.AddRange(MigrationRunner.Discover(typeof(Sanxiang.Cases.Persistence.CasesMigrator).Assembly, Sanxiang.Cases.Persistence.CasesDbContext.Module, app.Provider).Select(m => $"{m.Module}/{m.Version}/{m.Checksum}"));
        expected.AddRange(MigrationRunner.Discover(typeof(Sanxiang.Reviews.Persistence.ReviewsMigrator).Assembly, Sanxiang.Reviews.Persistence.ReviewsDbContext.Module, app.Provider).Select(m => $"{m.Module}/{m.Version}/{m.Checksum}"));
        expected.AddRange(MigrationRunner.Discover(typeof(Sanxiang.Media.Persistence.MediaMigrator).Assembly, Sanxiang.Media.Persistence.MediaDbContext.Module, app.Provider).Select(m => $"{m.Module}/{m.Version}/{m.Checksum}"));
        expected.AddRange(MigrationRunner.Discover(typeof(Sanxiang.Disclosure.Persistence.DisclosureMigrator).Assembly, Sanxiang.Disclosure.Persistence.DisclosureDbContext.Module, app.Provider).Select(m => $"{m.Module}/{m.Version}/{m.Checksum}"));
        expected.AddRange(MigrationRunner.Discover(typeof(Sanxiang.Ledger.Persistence.LedgerMigrator).Assembly, Sanxiang.Ledger.Persistence.LedgerDbContext.Module, app.Provider).Select(m => $"{m.Module}/{m.Version}/{m.Checksum}"));

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var recorded = await db.Database.SqlQueryRaw<string>(
            $"SELECT module || '/' || CAST(version AS VARCHAR(10)) || '/' || checksum AS \"Value\" FROM {SchemaSnapshot.HistoryTable}").ToListAsync();

        expected.ShouldNotBeEmpty();
        recorded.Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StartingAgain_AppliesNothingNew()
    {
        await using (var scope = app.Scope())
        {
            foreach (var migrator in scope.ServiceProvider.GetServices<IModuleMigrator>())
            {
                (await migrator.MigrateAsync()).ShouldBe(0, migrator.Module);
                (await migrator.IsUpToDateAsync()).ShouldBeTrue(migrator.Module);
            }
        }

        var before = await SchemaSnapshot.ReadAsync(app.Provider, app.Database.ConnectionString);
        await StartupTasks.MigrateAndSeedAsync(app.Services, seedDemo: true);
        var after = await SchemaSnapshot.ReadAsync(app.Provider, app.Database.ConnectionString);

        after.DiffFrom(before, "after", "before").ShouldBeEmpty();
    }

    [Fact]
    public async Task AnAppliedMigrationThatWasEdited_IsRefused()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var shipped = MigrationRunner.Discover(typeof(RegistryMigrator).Assembly, RegistryDbContext.Module, app.Provider)[0];
        var edited = shipped with { Sql = shipped.Sql + "\n-- edited after it shipped\n" };

        var error = await Should.ThrowAsync<InvalidOperationException>(() => MigrationRunner.ApplyAsync(db, app.Provider, [edited]));

        error.Message.ShouldContain("checksum");
        (await MigrationRunner.ApplyAsync(db, app.Provider, [shipped])).ShouldBe(0);
    }

    private static DbConnection Open(TestDatabase database) => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(database.ConnectionString)
        : new NpgsqlConnection(database.ConnectionString);
}
