using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Reviews.Domain;

namespace Sanxiang.Reviews.Persistence;

/// <summary>Per agency and year, the last review number and opinion number given.</summary>
internal sealed class ReviewCounter
{
    public Guid AgencyId { get; set; }

    public int Year { get; set; }

    public string Kind { get; set; } = string.Empty;

    public long Last { get; set; }
}

/// <summary>An issued opinion document (审核意见书): its model stored as data and the SHA-256 of its canonical form. Never updated.</summary>
internal sealed class OpinionDocument
{
    public Guid Id { get; set; }

    public Guid ReviewId { get; set; }

    public Guid AgencyId { get; set; }

    public int Round { get; set; }

    public string Number { get; set; } = string.Empty;

    public DateOnly IssuedOn { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public string IssuedBy { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;

    public string Content { get; set; } = string.Empty;
}

/// <summary>The Reviews module's tables (reviews_*) and its outbox. No other module reads or writes them.</summary>
internal sealed class ReviewsDbContext(DbContextOptions<ReviewsDbContext> options, ICurrentActor actor, TimeProvider clock)
    : ModuleDbContext(options, actor, clock)
{
    public const string Module = "reviews";

    public override string ModuleName => Module;

    public DbSet<LegalReview> Reviews => Set<LegalReview>();

    public DbSet<Reviewer> Reviewers => Set<Reviewer>();

    public DbSet<OpinionDocument> Opinions => Set<OpinionDocument>();

    public DbSet<ReviewCounter> Counters => Set<ReviewCounter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<LegalReview>(b =>
        {
            b.ToTable("reviews_reviews");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.CaseNumber).HasMaxLength(60);
            b.Property(x => x.Number).HasMaxLength(60);
            b.Property(x => x.CreatedBy).HasMaxLength(100);
            b.Property(x => x.DetailsJson);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => x.CaseId).IsUnique();
            b.HasIndex(x => new { x.AgencyId, x.Status });
            b.HasIndex(x => new { x.AgencyId, x.Number }).IsUnique();
            b.Ignore(x => x.Details);
            b.Ignore(x => x.Current);
            b.Ignore(x => x.IsOpen);
            b.Ignore(x => x.DomainEvents);
        });

        modelBuilder.Entity<Reviewer>(b =>
        {
            b.ToTable("reviews_reviewers");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.UserId).HasMaxLength(100);
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.QualificationNumber).HasMaxLength(40);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => x.AgencyId);
            b.HasIndex(x => x.UserId);
            b.Ignore(x => x.DomainEvents);
        });

        modelBuilder.Entity<OpinionDocument>(b =>
        {
            b.ToTable("reviews_opinions");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Number).HasMaxLength(60);
            b.Property(x => x.IssuedBy).HasMaxLength(100);
            b.Property(x => x.Sha256).HasMaxLength(64);
            b.HasIndex(x => x.ReviewId);
            b.HasIndex(x => x.Sha256);
            b.HasIndex(x => new { x.AgencyId, x.Number }).IsUnique();
        });

        modelBuilder.Entity<ReviewCounter>(b =>
        {
            b.ToTable("reviews_counters");
            b.HasKey(x => new { x.AgencyId, x.Year, x.Kind });
            b.Property(x => x.Kind).HasMaxLength(20);
            b.Property(x => x.Last).IsConcurrencyToken();
        });
    }
}

internal sealed class ReviewsMigrator(ReviewsDbContext db, IOptions<DatabaseOptions> options) : SqlMigrator(db, options, ReviewsDbContext.Module);
