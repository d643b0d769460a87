using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanxiang.Cases.Domain;
using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Cases.Persistence;

/// <summary>Per agency, year and kind, the last number given (案号, 文号, payment references).</summary>
internal sealed class NumberCounter
{
    public Guid AgencyId { get; set; }

    public int Year { get; set; }

    public string Kind { get; set; } = string.Empty;

    public long Last { get; set; }
}

/// <summary>A bank confirmation line imported from a statement file (罚缴分离); the transaction ID makes imports idempotent.</summary>
internal sealed class BankTransaction
{
    public string TransactionId { get; set; } = string.Empty;

    public string Reference { get; set; } = string.Empty;

    public long AmountFen { get; set; }

    public DateOnly PaidOn { get; set; }

    public Guid CaseId { get; set; }

    public Guid AgencyId { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public string ImportedBy { get; set; } = string.Empty;
}

/// <summary>The Cases module's tables (cases_*) and its outbox. No other module reads or writes them.</summary>
internal sealed class CasesDbContext(DbContextOptions<CasesDbContext> options, ICurrentActor actor, TimeProvider clock)
    : ModuleDbContext(options, actor, clock)
{
    public const string Module = "cases";

    public override string ModuleName => Module;

    public DbSet<CaseFile> Cases => Set<CaseFile>();

    public DbSet<NumberCounter> Counters => Set<NumberCounter>();

    public DbSet<Domain.Documents.IssuedDocument> Documents => Set<Domain.Documents.IssuedDocument>();

    public DbSet<BankTransaction> BankTransactions => Set<BankTransaction>();

    public DbSet<DecisionRefusal> DecisionRefusals => Set<DecisionRefusal>();

    public DbSet<RecordingExceptionEntry> RecordingExceptions => Set<RecordingExceptionEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<CaseFile>(b =>
        {
            b.ToTable("cases_cases");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Number).HasMaxLength(60);
            b.Property(x => x.PartyName).HasMaxLength(100);
            b.Property(x => x.CreatedBy).HasMaxLength(100);
            b.Property(x => x.DetailsJson);

            // The default lets migration 0003 add the column to existing rows (SQLite adds a NOT NULL column only with one).
            b.Property(x => x.TeamOfficers).HasDefaultValue(string.Empty);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => new { x.AgencyId, x.Stage });
            b.HasIndex(x => x.NextDeadline);
            b.HasIndex(x => x.UpdatedAt);
            b.Ignore(x => x.Details);
            b.Ignore(x => x.Party);
            b.Ignore(x => x.Power);
            b.Ignore(x => x.LastNotice);
            b.Ignore(x => x.Decision);
            b.Ignore(x => x.FineFen);
            b.Ignore(x => x.PaymentDueOn);
            b.Ignore(x => x.PaidFen);
            b.Ignore(x => x.IsArchived);
            b.Ignore(x => x.DomainEvents);
        });

        modelBuilder.Entity<Domain.Documents.IssuedDocument>(b =>
        {
            b.ToTable("cases_documents");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Number).HasMaxLength(60);
            b.Property(x => x.Title).HasMaxLength(40);
            b.Property(x => x.IssuedBy).HasMaxLength(100);
            b.Property(x => x.Sha256).HasMaxLength(64);
            b.HasIndex(x => x.CaseId);
            b.HasIndex(x => x.Sha256);
            b.HasIndex(x => new { x.AgencyId, x.Number }).IsUnique();
        });

        modelBuilder.Entity<DecisionRefusal>(b =>
        {
            b.ToTable("cases_decision_refusals");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.CaseNumber).HasMaxLength(60);
            b.Property(x => x.Actor).HasMaxLength(100);
            b.Property(x => x.Fingerprint).HasMaxLength(16);
            b.Property(x => x.Reason).HasMaxLength(1000);
            b.HasIndex(x => new { x.AgencyId, x.At });
            b.HasIndex(x => x.CaseId);
            b.Ignore(x => x.DomainEvents);
        });

        modelBuilder.Entity<RecordingExceptionEntry>(b =>
        {
            b.ToTable("cases_recording_exceptions");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.CaseNumber).HasMaxLength(60);
            b.Property(x => x.StepCode).HasMaxLength(40);
            b.Property(x => x.Reason).HasMaxLength(1000);
            b.Property(x => x.ApprovedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.AgencyId, x.At });
            b.HasIndex(x => x.CaseId);
        });

        modelBuilder.Entity<NumberCounter>(b =>
        {
            b.ToTable("cases_counters");
            b.HasKey(x => new { x.AgencyId, x.Year, x.Kind });
            b.Property(x => x.Kind).HasMaxLength(20);
            b.Property(x => x.Last).IsConcurrencyToken();
        });

        modelBuilder.Entity<BankTransaction>(b =>
        {
            b.ToTable("cases_bank_transactions");
            b.HasKey(x => new { x.AgencyId, x.TransactionId });
            b.Property(x => x.TransactionId).HasMaxLength(60);
            b.Property(x => x.Reference).HasMaxLength(40);
            b.Property(x => x.ImportedBy).HasMaxLength(100);
            b.HasIndex(x => x.CaseId);
        });
    }
}

internal sealed class CasesMigrator(CasesDbContext db, IOptions<DatabaseOptions> options) : SqlMigrator(db, options, CasesDbContext.Module);
