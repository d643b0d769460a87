using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanxiang.Disclosure.Domain;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Persistence;

/// <summary>How far the pipeline has read the case engine's decision feed.</summary>
internal sealed class FeedCursor
{
    public string Name { get; set; } = string.Empty;

    public DateTimeOffset Since { get; set; }
}

/// <summary>The Disclosure module's tables (disclosure_*) and its outbox. No other module reads or writes them.</summary>
internal sealed class DisclosureDbContext(DbContextOptions<DisclosureDbContext> options, ICurrentActor actor, TimeProvider clock)
    : ModuleDbContext(options, actor, clock)
{
    public const string Module = "disclosure";

    public override string ModuleName => Module;

    public DbSet<Publication> Publications => Set<Publication>();

    public DbSet<FeedCursor> Cursors => Set<FeedCursor>();

    public DbSet<ManualMask> ManualMasks => Set<ManualMask>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Publication>(b =>
        {
            b.ToTable("disclosure_publications");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.AgencyName).HasMaxLength(100);
            b.Property(x => x.RegionCode).HasMaxLength(AdministrativeDivisions.CodeLength);
            b.Property(x => x.RegionName).HasMaxLength(AdministrativeDivisions.NameMaxLength);
            b.Property(x => x.CaseNumber).HasMaxLength(60);
            b.Property(x => x.DecisionNumber).HasMaxLength(60);
            b.Property(x => x.DecisionSha256).HasMaxLength(64);
            b.Property(x => x.PowerName).HasMaxLength(200);
            b.Property(x => x.PartyName).HasMaxLength(100);
            b.Property(x => x.PartyCreditCode).HasMaxLength(18);
            b.Property(x => x.WithheldRule).HasMaxLength(20);
            b.Property(x => x.Sha256).HasMaxLength(64);
            b.Property(x => x.WithdrawalSha256).HasMaxLength(64);
            b.Property(x => x.WithdrawalReason).HasMaxLength(1000);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => x.CaseId).IsUnique();
            b.HasIndex(x => x.Seq).IsUnique();

            // The word search joins each match to this index alone, never to the wide rows (ADR 0017).
            b.HasIndex(x => new { x.Seq, x.Status, x.DisplayUntil, x.AgencyId, x.Category, x.DecidedOn, x.RegionCode }).HasDatabaseName("IX_disclosure_publications_search");
            b.HasIndex(x => new { x.Status, x.DueOn });
            b.HasIndex(x => new { x.AgencyId, x.Seq });

            // The region filter is a range of codes (ADR 0018); the name and Seq make it cover the filter's list of regions too.
            b.HasIndex(x => new { x.RegionCode, x.RegionName, x.Seq });
            b.HasIndex(x => new { x.Category, x.Seq });
            b.HasIndex(x => new { x.DecidedOn, x.Seq });
            b.HasIndex(x => new { x.Indexed, x.DisplayUntil });
            b.HasIndex(x => x.LateAlertOn);
            b.HasIndex(x => x.LateWithdrawalAlertOn);
            b.Ignore(x => x.DomainEvents);
        });

        modelBuilder.Entity<ManualMask>(b =>
        {
            b.ToTable("disclosure_manual_masks");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Text).HasMaxLength(ManualMask.MaxLength);
            b.Property(x => x.AddedBy).HasMaxLength(100);
            b.HasIndex(x => x.CaseId);
            b.Ignore(x => x.DomainEvents);
        });

        modelBuilder.Entity<FeedCursor>(b =>
        {
            b.ToTable("disclosure_cursors");
            b.HasKey(x => x.Name);
            b.Property(x => x.Name).HasMaxLength(40);
        });
    }
}

internal sealed class DisclosureMigrator(DisclosureDbContext db, IOptions<DatabaseOptions> options) : SqlMigrator(db, options, DisclosureDbContext.Module)
{
    private readonly DatabaseProvider _provider = options.Value.Provider;

    public override string ModelScript() => base.ModelScript() + DecisionIndex.CreateScript(_provider);
}
