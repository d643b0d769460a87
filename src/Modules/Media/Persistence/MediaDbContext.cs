using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Media.Domain;

namespace Sanxiang.Media.Persistence;

/// <summary>The Media module's tables (media_*) and its outbox. No other module reads or writes them.</summary>
internal sealed class MediaDbContext(DbContextOptions<MediaDbContext> options, ICurrentActor actor, TimeProvider clock)
    : ModuleDbContext(options, actor, clock)
{
    public const string Module = "media";

    public override string ModuleName => Module;

    public DbSet<MediaItem> Items => Set<MediaItem>();

    public DbSet<MediaAccess> Accesses => Set<MediaAccess>();

    public DbSet<Device> Devices => Set<Device>();

    public DbSet<DeviceRefusal> DeviceRefusals => Set<DeviceRefusal>();

    public DbSet<StoredObject> Objects => Set<StoredObject>();

    public DbSet<MediaAlert> Alerts => Set<MediaAlert>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<MediaItem>(b =>
        {
            b.ToTable("media_items");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.UploadId).HasMaxLength(32);
            b.Property(x => x.Sha256).HasMaxLength(64);
            b.Property(x => x.Sm3).HasMaxLength(64);
            b.Property(x => x.FileName).HasMaxLength(255);
            b.Property(x => x.ContentType).HasMaxLength(100);
            b.Property(x => x.Category).HasMaxLength(20);
            b.Property(x => x.Step).HasMaxLength(40);
            b.Property(x => x.DeviceSerial).HasMaxLength(64);
            b.Property(x => x.OfficerIds).HasMaxLength(2000);
            b.Property(x => x.Codec).HasMaxLength(40);
            b.Property(x => x.UploadedBy).HasMaxLength(100);
            b.Property(x => x.Station).HasMaxLength(100);
            b.Property(x => x.HoldReason).HasMaxLength(500);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => x.UploadId).IsUnique();
            b.HasIndex(x => x.Sha256);
            b.HasIndex(x => new { x.CaseId, x.Step });
            b.HasIndex(x => new { x.AgencyId, x.UploadedAt });
            b.Ignore(x => x.Officers);
            b.Ignore(x => x.IsHeld);
            b.Ignore(x => x.IsDeleted);
            b.Ignore(x => x.DomainEvents);
        });

        modelBuilder.Entity<MediaAccess>(b =>
        {
            b.ToTable("media_access");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Actor).HasMaxLength(100);
            b.Property(x => x.ActorName).HasMaxLength(100);
            b.Property(x => x.Range).HasMaxLength(100);
            b.HasIndex(x => new { x.ItemId, x.At });
        });

        modelBuilder.Entity<Device>(b =>
        {
            b.ToTable("media_devices");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Serial).HasMaxLength(64);
            b.Property(x => x.Kind).HasMaxLength(20);
            b.Property(x => x.Model).HasMaxLength(100);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => new { x.AgencyId, x.Serial }).IsUnique();
            b.Ignore(x => x.DomainEvents);
        });

        modelBuilder.Entity<DeviceRefusal>(b =>
        {
            b.ToTable("media_device_refusals");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Serial).HasMaxLength(64);
            b.Property(x => x.Station).HasMaxLength(100);
            b.Property(x => x.Reason).HasMaxLength(200);
            b.HasIndex(x => new { x.AgencyId, x.At });
        });

        modelBuilder.Entity<StoredObject>(b =>
        {
            b.ToTable("media_objects");
            b.HasKey(x => x.Sha256);
            b.Property(x => x.Sha256).HasMaxLength(64);
            b.Property(x => x.Store).HasMaxLength(10);
            b.Property(x => x.State).HasMaxLength(10);
        });

        modelBuilder.Entity<MediaAlert>(b =>
        {
            b.ToTable("media_alerts");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Sha256).HasMaxLength(64);
            b.Property(x => x.Kind).HasMaxLength(10);
            b.Property(x => x.Detail).HasMaxLength(500);
            b.HasIndex(x => x.FoundAt);
            b.Ignore(x => x.DomainEvents);
        });
    }
}

internal sealed class MediaMigrator(MediaDbContext db, IOptions<DatabaseOptions> options) : SqlMigrator(db, options, MediaDbContext.Module);
