using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Ledger.Persistence;

internal sealed class LedgerMigrator(LedgerDbContext db, IOptions<DatabaseOptions> options) : IModuleMigrator
{
    public string Module => LedgerDbContext.Module;

    private IReadOnlyList<SqlMigration> Migrations => MigrationRunner.Discover(typeof(LedgerMigrator).Assembly, Module, options.Value.Provider);

    public Task<int> MigrateAsync(CancellationToken ct = default) => MigrationRunner.ApplyAsync(db, options.Value.Provider, Migrations, ct);

    public Task<bool> IsUpToDateAsync(CancellationToken ct = default) => MigrationRunner.AllAppliedAsync(db, Migrations, ct);

    public string ModelScript() => db.Database.GenerateCreateScript();
}
