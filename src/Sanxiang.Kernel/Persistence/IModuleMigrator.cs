namespace Sanxiang.Kernel.Persistence;

/// <summary>Each module registers one: the host applies them at start-up and /health/ready asks them.</summary>
public interface IModuleMigrator
{
    string Module { get; }

    Task<int> MigrateAsync(CancellationToken ct = default);

    Task<bool> IsUpToDateAsync(CancellationToken ct = default);

    /// <summary>The DDL EF would create for the module's model on the configured provider (for writing and checking migrations).</summary>
    string ModelScript();
}

/// <summary>Loads a module's demo data on first start (idempotent: does nothing when data exists).</summary>
public interface IDemoDataSeeder
{
    /// <summary>Lower runs first (the registry before the users that belong to its agencies).</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken ct = default);
}

/// <summary>
/// Loads a module's reference data (national data every installation needs, such as the official holiday
/// calendar) on every start, after the migrations and before the demo data. Idempotent, and it must never
/// overwrite what an administrator has edited.
/// </summary>
public interface IReferenceDataLoader
{
    Task LoadAsync(CancellationToken ct = default);
}
