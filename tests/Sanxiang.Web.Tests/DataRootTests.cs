using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>The app with no file paths configured but Data:Root: every file it writes goes there (and SQLite too).</summary>
public sealed class DataRootFactory(string root) : SanxiangFactory
{
    public string Root { get; } = root;

    protected override string[]? TwoFactorRoles => ["none"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Data:Root", Root);
        foreach (var key in new[] { "DataProtection:KeysPath", "Ledger:KeyFile", "Disclosure:BadgeKeyFile", "Media:Root" })
        {
            builder.UseSetting(key, null);
        }

        if (Database.Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSetting("Database:ConnectionString", null);
        }
    }
}

/// <summary>
/// Issue 15, files: every file the app writes lives under one data root (./data by default), folders 0700 and files
/// 0600 (the database, keys, media objects, upload staging); start-up refuses a key file that others may read.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataRootTests
{
    [Fact]
    public async Task EveryFileTheAppWrites_IsUnderTheDataRoot_AndOwnerOnly()
    {
        var root = Path.Combine(Directory.CreateTempSubdirectory("sanxiang-root-").FullName, "data");
        try
        {
            await using var app = new DataRootFactory(root);
            await ((IAsyncLifetime)app).InitializeAsync();
            var officer = await (await app.SignedInAsync("officer.market")).WithAntiforgeryHeaderAsync();
            var url = await Tus.CreateAsync(officer, 10);
            using (var half = await Tus.PatchAsync(officer, url, 0, new ByteArrayContent(new byte[5])))
            {
                half.StatusCode.ShouldBe(HttpStatusCode.NoContent);
            }

            await Tus.UploadAsync(officer, Tus.Bytes(5000, seed: 3));
            _ = app.Services.GetRequiredService<Sanxiang.Disclosure.Badges.BadgeSigner>().VerifierKey;

            File.Exists(Path.Combine(root, "ledger", "signer.key")).ShouldBeTrue();
            File.Exists(Path.Combine(root, "disclosure", "badge-signer.key")).ShouldBeTrue();
            Directory.EnumerateFiles(Path.Combine(root, "keys")).ShouldNotBeEmpty("the data-protection keys");
            Directory.EnumerateFiles(Path.Combine(root, "media", "objects"), "*", SearchOption.AllDirectories).ShouldNotBeEmpty();
            Directory.EnumerateFiles(Path.Combine(root, "media", "staging"), "*", SearchOption.AllDirectories).ShouldNotBeEmpty("the unfinished upload");
            if (app.Provider == DatabaseProvider.Sqlite)
            {
                File.Exists(Path.Combine(root, "sanxiang.db")).ShouldBeTrue();
            }

            var open = Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Append(root)
                .Where(p => (File.GetUnixFileMode(p) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != UnixFileMode.None)
                .Select(p => $"{Path.GetRelativePath(root, p)} {File.GetUnixFileMode(p)}").ToList();
            open.ShouldBeEmpty(string.Join('\n', open));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(root)!, recursive: true);
        }
    }

    [Fact]
    public async Task AKeyFileOthersMayRead_StopsTheStart()
    {
        var root = Path.Combine(Directory.CreateTempSubdirectory("sanxiang-root-").FullName, "data");
        try
        {
            await using (var first = new DataRootFactory(root))
            {
                await ((IAsyncLifetime)first).InitializeAsync();
            }

            var key = Path.Combine(root, "ledger", "signer.key");
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            await using var second = new DataRootFactory(root);
            var e = await Should.ThrowAsync<Exception>(async () => await ((IAsyncLifetime)second).InitializeAsync());
            e.ToString().ShouldContain("chmod 600");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(root)!, recursive: true);
        }
    }
}
