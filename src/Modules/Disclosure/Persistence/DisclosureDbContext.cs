using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanxiang.Disclosure.Domain;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Persistence;

/// <summary>One posting of the search index (ADR 0017): a term (a Han bigram or a Latin/digit word) of a published decision, keyed by its order of publication.</summary>
internal sealed class SearchTerm
{
    public string Term { get; set; } = string.Empty;

    public long Seq { get; set; }
}

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

    public DbSet<SearchTerm> Terms => Set<SearchTerm>();

    public DbSet<FeedCursor> Cursors => Set<FeedCursor>();

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

        modelBuilder.Entity<SearchTerm>(b =>
        {
            b.ToTable("disclosure_terms");
            b.HasKey(x => new { x.Term, x.Seq });
            b.Property(x => x.Term).HasMaxLength(Bigrams.MaxTermLength);
            b.HasIndex(x => x.Seq);
        });

        modelBuilder.Entity<FeedCursor>(b =>
        {
            b.ToTable("disclosure_cursors");
            b.HasKey(x => x.Name);
            b.Property(x => x.Name).HasMaxLength(40);
        });
    }
}

internal sealed class DisclosureMigrator(DisclosureDbContext db, IOptions<DatabaseOptions> options) : SqlMigrator(db, options, DisclosureDbContext.Module);
