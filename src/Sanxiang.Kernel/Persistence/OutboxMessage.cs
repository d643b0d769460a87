using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sanxiang.Kernel.Persistence;

/// <summary>
/// A domain event stored in the same transaction as the change that raised it. Each module has its own
/// outbox table; a dispatcher (the Ledger's sequencer) reads them in order of <see cref="Sequence"/>.
/// </summary>
public sealed class OutboxMessage
{
    public long Sequence { get; set; }

    public Guid Id { get; set; }

    public required string Module { get; set; }

    public required string EventType { get; set; }

    public Guid AggregateId { get; set; }

    /// <summary>The user or API client that caused the event.</summary>
    public required string Actor { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The event as JSON (IDs and codes only).</summary>
    public required string Payload { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public static void Configure(EntityTypeBuilder<OutboxMessage> b, string table)
    {
        ArgumentNullException.ThrowIfNull(b);
        b.ToTable(table);
        b.HasKey(x => x.Sequence);
        b.Property(x => x.Sequence).ValueGeneratedOnAdd();
        b.HasIndex(x => x.Id).IsUnique();
        b.Property(x => x.Module).HasMaxLength(32);
        b.Property(x => x.EventType).HasMaxLength(100);
        b.Property(x => x.Actor).HasMaxLength(100);
        b.HasIndex(x => x.ProcessedAt);
    }
}
