using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Web.Tests.Infrastructure;

/// <summary>
/// The whole application over a fresh database (per test class: use it as an IClassFixture), migrated by the
/// app's own start-up and loaded with the demo data. The provider comes from SANXIANG_TEST_DB.
/// Administrators and supervisors must enrol TOTP as in production (SEC-AUTH-1); a subclass may turn that off.
/// </summary>
public class SanxiangFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _keysDirectory;
    private readonly bool _ownsDatabase;
    private TestDatabase? _database;

    public SanxiangFactory()
        : this(null, null)
    {
    }

    /// <summary>
    /// The app over an existing database and keys directory (a restart): both are left in place on dispose.
    /// Without them, a fresh database and keys directory owned (and removed) by this factory.
    /// </summary>
    protected SanxiangFactory(TestDatabase? database, string? keysDirectory)
    {
        _database = database;
        _ownsDatabase = database is null;
        _keysDirectory = keysDirectory ?? Directory.CreateTempSubdirectory("sanxiang-keys-").FullName;
    }

    public string KeysDirectory => _keysDirectory;

    /// <summary>Where media objects and uploads live (under the keys directory: kept across a restart, removed with it).</summary>
    public virtual string MediaRoot => Path.Combine(_keysDirectory, "media");

    public TestDatabase Database => _database ?? throw new InvalidOperationException("InitializeAsync has not run");

    public DatabaseProvider Provider => Database.Provider;

    /// <summary>Roles that must use a second factor; null keeps the app's default (administrator, supervisor).</summary>
    protected virtual string[]? TwoFactorRoles => null;

    /// <summary>Demo:Seed for this app (true: the demo county and logins).</summary>
    protected virtual bool SeedDemo => true;

    public virtual async Task InitializeAsync()
    {
        _database ??= await TestDatabase.CreateAsync();

        // Starts the host now: migrations and demo data are in place before the first test runs.
        StartServer();
    }

    /// <summary>A client that keeps cookies and shows redirects (302 + Location) instead of following them.</summary>
    public HttpClient NewClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientBaseAddress });

    /// <summary>Where clients send their requests (the in-memory test server unless a subclass listens on a port).</summary>
    protected virtual Uri ClientBaseAddress => new("http://localhost");

    /// <summary>A scope over the app's services (DbContexts, ApiKeyService, migrators).</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    async Task IAsyncLifetime.DisposeAsync() => await DisposeFixtureAsync();

    protected virtual async Task DisposeFixtureAsync()
    {
        await base.DisposeAsync();
        if (!_ownsDatabase)
        {
            return;
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        try
        {
            Directory.Delete(_keysDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleanup.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting (not ConfigureAppConfiguration): Program.cs reads some settings before Build().
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("DataProtection:KeysPath", _keysDirectory);
        builder.UseSetting("Ledger:KeyFile", Path.Combine(_keysDirectory, "ledger-signer.key"));
        builder.UseSetting("Disclosure:BadgeKeyFile", Path.Combine(_keysDirectory, "badge-signer.key"));
        builder.UseSetting("Media:Root", MediaRoot);
        builder.UseSetting("Media:ScrubHours", "0");
        builder.UseSetting("Media:RetentionSweepHours", "0");
        builder.UseSetting("Disclosure:PublishIntervalSeconds", "0");
        builder.UseSetting("Demo:Seed", SeedDemo ? "true" : "false");
        if (!SignInThrottle)
        {
            builder.UseSetting("Security:SignInAttemptsPerMinute", "0");
        }

        if (!PublicSiteProtection)
        {
            builder.UseSetting("Disclosure:PublicSite:CacheSeconds", "0");
            builder.UseSetting("Disclosure:PublicSite:RequestsPerMinute", "0");
        }

        if (TwoFactorRoles is { } roles)
        {
            // appsettings.json lists two roles: overwrite both array slots.
            for (var i = 0; i < Math.Max(roles.Length, 2); i++)
            {
                builder.UseSetting($"Security:RequireTwoFactorForRoles:{i}", i < roles.Length ? roles[i] : roles[^1]);
            }
        }

        if (Clock is { } clock)
        {
            builder.ConfigureServices(s =>
            {
                s.RemoveAll<TimeProvider>();
                s.AddSingleton<TimeProvider>(clock);
            });
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>
    /// The public site's output cache and per-client rate limit (ADR 0019); off unless a test is about them, so that
    /// tests that read a public page, change something and read it again (all from one client) see the change.
    /// </summary>
    protected virtual bool PublicSiteProtection => false;

    /// <summary>The per-address sign-in limit (SEC-AUTH-1); off unless a test is about it (the suite signs in often from one address).</summary>
    protected virtual bool SignInThrottle => false;

    /// <summary>A movable clock for tests that cross legal deadlines; null: the system clock.</summary>
    public virtual MovableClock? Clock => null;
}

/// <summary>The application with the second factor switched off, for tests about something else.</summary>
public sealed class NoTwoFactorFactory : SanxiangFactory
{
    protected override string[]? TwoFactorRoles => ["none"];
}
