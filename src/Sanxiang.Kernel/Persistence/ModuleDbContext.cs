using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Domain;

namespace Sanxiang.Kernel.Persistence;

/// <summary>
/// Base for each module's DbContext: the module owns its tables (prefixed with its name) and its outbox.
/// Saving moves the aggregates' domain events into the outbox in the same transaction.
/// </summary>
public abstract class ModuleDbContext : DbContext
{
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    protected ModuleDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock)
        : base(options)
    {
        _actor = actor;
        _clock = clock;
    }

    public abstract string ModuleName { get; }

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        OutboxMessage.Configure(modelBuilder.Entity<OutboxMessage>(), $"{ModuleName}_outbox");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        InstantStorage.Configure(configurationBuilder, Database);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var aggregates = ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();
        var now = _clock.GetUtcNow();
        var added = new List<OutboxMessage>();
        foreach (var aggregate in aggregates)
        {
            foreach (var e in aggregate.DomainEvents)
            {
                var message = new OutboxMessage
                {
                    Id = Guid.CreateVersion7(now),
                    Module = ModuleName,
                    EventType = e.EventType,
                    AggregateId = e.AggregateId,
                    Actor = _actor.ActorId,
                    OccurredAt = now,
                    Payload = JsonSerializer.Serialize(e, e.GetType(), PayloadJson),
                };
                Outbox.Add(message);
                added.Add(message);
            }
        }

        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
            aggregates.ForEach(a => a.ClearDomainEvents());
            return written;
        }
        catch
        {
            // Nothing was written: the events stay on their aggregates and a retry writes them once.
            added.ForEach(m => Entry(m).State = EntityState.Detached);
            throw;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Use SaveChangesAsync so that domain events reach the outbox.");

}
