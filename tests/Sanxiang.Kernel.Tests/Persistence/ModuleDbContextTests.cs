using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Kernel.Tests.Persistence;

internal sealed record WidgetRenamed(string EventType, Guid AggregateId, int Version) : IDomainEvent;

/// <summary>A minimal aggregate for testing the module DbContext's outbox.</summary>
internal sealed class Widget : AggregateRoot
{
    public Guid Id { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public int Version { get; private set; }

    public static Widget Create(Guid id, string code)
    {
        var widget = new Widget { Id = id, Code = code };
        widget.Raise(new WidgetRenamed("test.widget.created", id, 0));
        return widget;
    }

    public void Rename(string code)
    {
        Code = code;
        Version++;
        Raise(new WidgetRenamed("test.widget.renamed", Id, Version));
    }
}

internal sealed class TestDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock)
    : ModuleDbContext(options, actor, clock)
{
    public override string ModuleName => "test";

    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Widget>(b =>
        {
            b.ToTable("test_widgets");
            b.HasKey(x => x.Id);
            b.Property(x => x.Code).HasMaxLength(20);
            b.HasIndex(x => x.Code).IsUnique();
        });
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal sealed class TestActor(string id) : ICurrentActor
{
    public string ActorId => id;
}

public sealed class ModuleDbContextTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 2, 30, 0, TimeSpan.Zero);
    private readonly SqliteFile _file = new();

    private TestDbContext NewContext() =>
        new(new DbContextOptionsBuilder().UseSqlite(_file.ConnectionString).Options, new TestActor("user-7"), new FixedClock(Now));

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
    }

    public Task DisposeAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Save_WritesEachDomainEventToTheOutbox_AndClearsThem()
    {
        var id = Guid.CreateVersion7();
        var widget = Widget.Create(id, "A-1");
        widget.Rename("A-2");
        await using (var db = NewContext())
        {
            db.Widgets.Add(widget);
            await db.SaveChangesAsync();
        }

        widget.DomainEvents.ShouldBeEmpty();
        await using var read = NewContext();
        var rows = await read.Outbox.OrderBy(o => o.Sequence).ToListAsync();
        rows.Select(r => r.EventType).ShouldBe(["test.widget.created", "test.widget.renamed"]);
        rows.ShouldAllBe(r => r.AggregateId == id && r.Module == "test" && r.Actor == "user-7" && r.ProcessedAt == null);
        rows.ShouldAllBe(r => r.OccurredAt == Now);
        rows.Select(r => r.Id).Distinct().Count().ShouldBe(2);
        rows[1].Sequence.ShouldBeGreaterThan(rows[0].Sequence);
        using var payload = JsonDocument.Parse(rows[1].Payload);
        payload.RootElement.GetProperty("aggregateId").GetGuid().ShouldBe(id);
        payload.RootElement.GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Save_OfAnUnchangedAggregate_WritesNoOutboxRows()
    {
        await using (var db = NewContext())
        {
            db.Widgets.Add(Widget.Create(Guid.CreateVersion7(), "A-1"));
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var widget = await db.Widgets.SingleAsync();
            await db.SaveChangesAsync();
            widget.Rename("A-1b");
            await db.SaveChangesAsync();
            await db.SaveChangesAsync();
        }

        await using var read = NewContext();
        (await read.Outbox.CountAsync()).ShouldBe(2, "one for creation, one for the rename; saving again adds nothing");
    }

    [Fact]
    public async Task FailedSave_WritesNeitherTheChangeNorItsOutboxRows()
    {
        await using (var db = NewContext())
        {
            db.Widgets.Add(Widget.Create(Guid.CreateVersion7(), "DUP"));
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            db.Widgets.Add(Widget.Create(Guid.CreateVersion7(), "NEW"));
            db.Widgets.Add(Widget.Create(Guid.CreateVersion7(), "DUP")); // breaks the unique index
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var read = NewContext();
        (await read.Widgets.CountAsync()).ShouldBe(1);
        (await read.Outbox.CountAsync()).ShouldBe(1, "only the first widget's event; the failed save left no outbox row");
    }

    [Fact]
    public async Task FailedSave_KeepsTheEvents_AndARetryWritesThemOnce()
    {
        await using (var db = NewContext())
        {
            db.Widgets.Add(Widget.Create(Guid.CreateVersion7(), "DUP"));
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var fresh = Widget.Create(Guid.CreateVersion7(), "NEW");
            var duplicate = Widget.Create(Guid.CreateVersion7(), "DUP");
            db.Widgets.AddRange(fresh, duplicate);
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
            fresh.DomainEvents.Count.ShouldBe(1, "a failed save must not lose the events");

            db.Widgets.Remove(duplicate);
            await db.SaveChangesAsync();
            fresh.DomainEvents.ShouldBeEmpty();
        }

        await using var read = NewContext();
        (await read.Outbox.CountAsync()).ShouldBe(2, "the first widget's event and the retried one, each once");
    }

    [Fact]
    public async Task SynchronousSave_IsRefused_SoEventsCannotBypassTheOutbox()
    {
        await using var db = NewContext();
        db.Widgets.Add(Widget.Create(Guid.CreateVersion7(), "A-1"));

        Should.Throw<InvalidOperationException>(() => db.SaveChanges());
    }

    [Fact]
    public async Task OutboxTable_IsPrefixedWithTheModuleName()
    {
        await using var db = NewContext();

        db.Model.FindEntityType(typeof(OutboxMessage))!.GetTableName().ShouldBe("test_outbox");
        _file.TableExists("test_outbox").ShouldBeTrue();
    }

    [Fact]
    public async Task Instants_AreStoredAsUtcTicks_OnSqlite()
    {
        await using (var db = NewContext())
        {
            db.Widgets.Add(Widget.Create(Guid.CreateVersion7(), "A-1"));
            await db.SaveChangesAsync();
        }

        _file.Scalar("SELECT OccurredAt FROM test_outbox").ShouldBe(Now.UtcTicks);
    }
}
