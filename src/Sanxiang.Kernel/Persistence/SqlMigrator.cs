using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Sanxiang.Kernel.Persistence;

/// <summary>
/// The usual <see cref="IModuleMigrator"/>: the numbered SQL scripts embedded in the DbContext's assembly for the
/// configured provider, applied by <see cref="MigrationRunner"/>. A module declares one line:
/// <c>internal sealed class RegistryMigrator(RegistryDbContext db, IOptions&lt;DatabaseOptions&gt; o) : SqlMigrator(db, o, "registry");</c>
/// </summary>
public abstract class SqlMigrator(DbContext db, IOptions<DatabaseOptions> options, string module) : IModuleMigrator
{
    public string Module => module;

    private IReadOnlyList<SqlMigration> Migrations => MigrationRunner.Discover(db.GetType().Assembly, module, options.Value.Provider);

    public Task<int> MigrateAsync(CancellationToken ct = default) => MigrationRunner.ApplyAsync(db, options.Value.Provider, Migrations, ct);

    public Task<bool> IsUpToDateAsync(CancellationToken ct = default) => MigrationRunner.AllAppliedAsync(db, Migrations, ct);

    /// <summary>The model's create script; a module with tables EF does not map (a full-text index) appends them.</summary>
    public virtual string ModelScript() => db.Database.GenerateCreateScript();
}
