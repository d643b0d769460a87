using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Ledger.Persistence;

/// <summary>An entry at its index in the log, with the columns needed to find it again.</summary>
internal sealed class EntryRow
{
    public long Index { get; set; }

    public Guid EventId { get; set; }

    public string Module { get; set; } = string.Empty;

    public string EventType { get; set; } = string.Empty;

    public Guid AggregateId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The encoded entry (Domain.LedgerEntry), exactly the bytes that were hashed into the leaf.</summary>
    public byte[] Data { get; set; } = [];
}

/// <summary>A stored hash of the tree, numbered as in RFC 6962 trees stored by level (Go's sumdb/tlog).</summary>
internal sealed class HashRow
{
    public long Index { get; set; }

    public byte[] Hash { get; set; } = [];
}

/// <summary>A signed checkpoint (C2SP tlog-checkpoint as a signed note), one per integrated batch.</summary>
internal sealed class CheckpointRow
{
    public long Size { get; set; }

    public byte[] RootHash { get; set; } = [];

    public string Note { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A witness's cosignature of the checkpoint of a size: the signature line to append to the checkpoint note.</summary>
internal sealed class CosignatureRow
{
    public long Size { get; set; }

    /// <summary>The witness's key name.</summary>
    public string Witness { get; set; } = string.Empty;

    /// <summary>The signature line "— name base64", without its newline.</summary>
    public string Line { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// An entry that commits to a file (an issued document, an evidence file, a review opinion): the file's hash as the
/// entry carries it, so <c>/verify?sha256=</c> finds the entry by key. Written with the entry; derived, never edited.
/// </summary>
internal sealed class AttachmentRow
{
    public byte[] Hash { get; set; } = [];

    public long EntryIndex { get; set; }
}

/// <summary>A one-time fill of derived data over the entries written before it existed (e.g. "attachments").</summary>
internal sealed class BackfillRow
{
    public string Name { get; set; } = string.Empty;

    public DateTimeOffset DoneAt { get; set; }
}

/// <summary>The Ledger's tables (ledger_*). Only the sequencer writes them, and only by appending.</summary>
internal sealed class LedgerDbContext(DbContextOptions<LedgerDbContext> options) : DbContext(options)
{
    public const string Module = "ledger";

    public DbSet<EntryRow> Entries => Set<EntryRow>();

    public DbSet<HashRow> Hashes => Set<HashRow>();

    public DbSet<CheckpointRow> Checkpoints => Set<CheckpointRow>();

    public DbSet<CosignatureRow> Cosignatures => Set<CosignatureRow>();

    public DbSet<AttachmentRow> Attachments => Set<AttachmentRow>();

    public DbSet<BackfillRow> Backfills => Set<BackfillRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        InstantStorage.Configure(configurationBuilder, Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EntryRow>(b =>
        {
            b.ToTable("ledger_entries");
            b.HasKey(x => x.Index);
            b.Property(x => x.Index).ValueGeneratedNever();
            b.HasIndex(x => x.EventId).IsUnique();
            b.HasIndex(x => x.AggregateId);
            b.Property(x => x.Module).HasMaxLength(32);
            b.Property(x => x.EventType).HasMaxLength(100);
        });
        modelBuilder.Entity<HashRow>(b =>
        {
            b.ToTable("ledger_hashes");
            b.HasKey(x => x.Index);
            b.Property(x => x.Index).ValueGeneratedNever();
        });
        modelBuilder.Entity<CheckpointRow>(b =>
        {
            b.ToTable("ledger_checkpoints");
            b.HasKey(x => x.Size);
            b.Property(x => x.Size).ValueGeneratedNever();
        });
        modelBuilder.Entity<CosignatureRow>(b =>
        {
            b.ToTable("ledger_cosignatures");
            b.HasKey(x => new { x.Size, x.Witness });
            b.Property(x => x.Size).ValueGeneratedNever();
            b.Property(x => x.Witness).HasMaxLength(256);
        });
        modelBuilder.Entity<AttachmentRow>(b =>
        {
            b.ToTable("ledger_attachments");
            b.HasKey(x => new { x.Hash, x.EntryIndex });
        });
        modelBuilder.Entity<BackfillRow>(b =>
        {
            b.ToTable("ledger_backfills");
            b.HasKey(x => x.Name);
            b.Property(x => x.Name).HasMaxLength(40);
        });
    }
}
