using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;

namespace Sanxiang.Registry.Persistence;

/// <summary>The Registry's tables (registry_*) and its outbox. No other module reads or writes them.</summary>
internal sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options, ICurrentActor actor, TimeProvider clock)
    : ModuleDbContext(options, actor, clock)
{
    public const string Module = "registry";

    public override string ModuleName => Module;

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Officer> Officers => Set<Officer>();

    public DbSet<Power> Powers => Set<Power>();

    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    public DbSet<ReviewCatalog> ReviewCatalogs => Set<ReviewCatalog>();

    public DbSet<RecordingList> RecordingLists => Set<RecordingList>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Agency>(b =>
        {
            b.ToTable("registry_agencies");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Path).HasMaxLength(400);
            b.Property(x => x.CreditCode).HasMaxLength(18);
            b.Property(x => x.LegalUnit).HasMaxLength(100);
            b.Property(x => x.Address).HasMaxLength(200);
            b.Property(x => x.RegionCode).HasMaxLength(AdministrativeDivisions.CodeLength);
            b.Property(x => x.RegionName).HasMaxLength(AdministrativeDivisions.NameMaxLength);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => x.Path);
            b.HasIndex(x => x.ParentId);
            b.Ignore(x => x.DomainEvents);
        });

        modelBuilder.Entity<Officer>(b =>
        {
            b.ToTable("registry_officers");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.IdNumber).HasMaxLength(18);
            b.Property(x => x.CertificateNumber).HasMaxLength(30);
            b.HasIndex(x => x.CertificateNumber).IsUnique();
            b.HasIndex(x => x.AgencyId);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.PrimitiveCollection(x => x.Areas);
            b.OwnsMany(x => x.Training, t =>
            {
                t.ToTable("registry_officer_training");
                t.WithOwner().HasForeignKey("OfficerId");
                t.HasKey("OfficerId", nameof(TrainingRecord.Year));
                t.Property(x => x.Year).ValueGeneratedNever();
            });
            b.Ignore(x => x.DomainEvents);
        });

        modelBuilder.Entity<Power>(b =>
        {
            b.ToTable("registry_powers");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Code).HasMaxLength(40);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Area).HasMaxLength(20);
            b.HasIndex(x => new { x.AgencyId, x.Code }).IsUnique();
            b.Property(x => x.Version).IsConcurrencyToken();
            b.OwnsMany(x => x.Versions, v =>
            {
                v.ToTable("registry_power_versions");
                v.WithOwner().HasForeignKey("PowerId");
                v.HasKey("PowerId", nameof(PowerVersion.Number));
                v.Property(x => x.Number).ValueGeneratedNever();
                v.Property(x => x.Name).HasMaxLength(200);
                v.Property(x => x.LegalBasisLaw).HasMaxLength(200);
                v.Property(x => x.LegalBasisArticle).HasMaxLength(100);
                v.Property(x => x.Area).HasMaxLength(20);
                v.Property(x => x.ChangeReason).HasMaxLength(500);
            });
            b.OwnsMany(x => x.Benchmark, l =>
            {
                l.ToTable("registry_benchmark_levels");
                l.WithOwner().HasForeignKey("PowerId");
                l.HasKey("PowerId", nameof(BenchmarkLevel.Level));
                l.Property(x => x.Level).ValueGeneratedNever();
                l.Property(x => x.Circumstances).HasMaxLength(500);
                l.Property(x => x.OtherSanctions).HasMaxLength(200);
            });
            b.Ignore(x => x.DomainEvents);
        });

        modelBuilder.Entity<CalendarYear>(b =>
        {
            b.ToTable("registry_calendar_years");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasIndex(x => x.Year).IsUnique();
            b.Property(x => x.Notice).HasMaxLength(CalendarYear.SourceMaxLength);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.OwnsMany(x => x.Days, d =>
            {
                d.ToTable("registry_calendar_days");
                d.WithOwner().HasForeignKey("CalendarYearId");
                d.HasKey("CalendarYearId", nameof(CalendarDay.Date));
                d.Property(x => x.Date).ValueGeneratedNever();
                d.HasIndex(x => x.Date).IsUnique();
                d.Property(x => x.Name).HasMaxLength(CalendarYear.NameMaxLength);
                d.Property(x => x.Source).HasMaxLength(CalendarYear.SourceMaxLength);
            });
            b.Ignore(x => x.DomainEvents);
        });

        modelBuilder.Entity<ReviewCatalog>(b =>
        {
            // One row per agency that edited its catalog; an agency without a row uses the defaults (DOMAIN.md §4).
            b.ToTable("registry_review_catalogs");
            b.HasKey(x => x.AgencyId);
            b.Property(x => x.AgencyId).ValueGeneratedNever();
            b.Property(x => x.Version).IsConcurrencyToken();
            b.ComplexProperty(x => x.Figures, f =>
            {
                // Plain column names ("PersonThresholdFen", not "Figures_PersonThresholdFen").
                foreach (var column in f.Metadata.ComplexType.GetProperties())
                {
                    column.SetColumnName(column.Name);
                }
            });
            b.Ignore(x => x.IsDefault);
            b.Ignore(x => x.DomainEvents);
        });

        modelBuilder.Entity<RecordingList>(b =>
        {
            // One row per agency that edited its list; an agency without a row uses the defaults (GB118-REC-2/3).
            b.ToTable("registry_recording_lists");
            b.HasKey(x => x.AgencyId);
            b.Property(x => x.AgencyId).ValueGeneratedNever();
            b.Property(x => x.Version).IsConcurrencyToken();
            b.PrimitiveCollection(x => x.Steps);
            b.PrimitiveCollection(x => x.InspectionPowers);
            b.Ignore(x => x.IsDefault);
            b.Ignore(x => x.DomainEvents);
        });
    }
}
