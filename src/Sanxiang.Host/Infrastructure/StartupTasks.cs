using Sanxiang.Host.Auth;
using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Host.Infrastructure;

/// <summary>
/// Applies every module's migrations, then loads the reference data (every start, never overwriting edits), then
/// the demo data when configured (first start only).
/// </summary>
public static partial class StartupTasks
{
    public static async Task MigrateAndSeedAsync(IServiceProvider services, bool seedDemo, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(options.ConnectionString);
            await UseWriteAheadLogAsync(options.ConnectionString, ct);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            foreach (var migrator in scope.ServiceProvider.GetServices<IModuleMigrator>())
            {
                await migrator.MigrateAsync(ct);
            }
        }

        await using (var scope = services.CreateAsyncScope())
        {
            foreach (var loader in scope.ServiceProvider.GetServices<IReferenceDataLoader>())
            {
                await loader.LoadAsync(ct);
            }
        }

        if (seedDemo)
        {
            await using var scope = services.CreateAsyncScope();
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(ct);
            }
        }
    }

    public static void PrintBanner(string url, bool demo)
    {
        Console.WriteLine();
        Console.WriteLine($"三项 Sanxiang 已启动: {url}");
        if (!demo)
        {
            return;
        }

        Console.WriteLine($"演示账号（密码均为 {DemoUsers.Password}）:");
        foreach (var (userName, displayName, role, _, agency, _) in DemoUsers.All)
        {
            Console.WriteLine($"  {userName,-16} {Kernel.Security.Roles.Label(role),-8} {displayName}（{agency}）");
        }

        Console.WriteLine("  系统管理员与监督人员首次登录须绑定身份验证器（TOTP 双因素认证，SEC-AUTH-1）。");
        Console.WriteLine();
    }

    /// <summary>
    /// WAL mode (persistent in the file): readers never block the writer and the writer never blocks readers, so
    /// the ledger's sequencer and the web requests do not meet as "database is locked"; writers queue on the
    /// busy timeout.
    /// </summary>
    private static async Task UseWriteAheadLogAsync(string connectionString, CancellationToken ct)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory || builder.DataSource == ":memory:")
        {
            return;
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteScalarAsync(ct);
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(dir) && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(dir);
        }
    }
}
