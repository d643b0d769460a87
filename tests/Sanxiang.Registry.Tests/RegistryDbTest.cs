using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry.Tests;

/// <summary>Each test gets a real SQLite database in memory, kept alive by one open connection.</summary>
public abstract class RegistryDbTest : IAsyncLifetime
{
    public static readonly Guid AgencyA = new("0190f000-0000-7000-8000-0000000000a1");
    public static readonly Guid AgencyB = new("0190f000-0000-7000-8000-0000000000b2");

    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    /// <summary>May see and change agencies A and B.</summary>
    protected static AccessScope Writer { get; } = Scope(writable: [AgencyA, AgencyB]);

    /// <summary>May see agencies A and B but change neither.</summary>
    protected static AccessScope Reader { get; } = Scope(writable: []);

    protected static AccessScope Scope(Guid[] writable) =>
        new("test-user", AgencyA, new HashSet<string>(StringComparer.Ordinal), new HashSet<Guid> { AgencyA, AgencyB }, new HashSet<Guid>(writable));

    internal RegistryDbContext NewContext() =>
        new(new DbContextOptionsBuilder<RegistryDbContext>().UseSqlite(_connection).Options, new SystemActor(), TimeProvider.System);

    public virtual async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    protected static MemoryStream Utf8(string text, bool bom = false) =>
        new(bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text));

    /// <summary>A valid GB 11643 ID number (born 1990-03-07 in Beijing) with the given sequence number.</summary>
    protected static string IdNumber(int sequence)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var body = $"11010119900307{sequence:000}";
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>The same number with a wrong check character.</summary>
    protected static string BadIdNumber(int sequence)
    {
        var good = IdNumber(sequence);
        return good[..17] + (good[17] == '0' ? '1' : '0');
    }
}
