using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Media.Persistence;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The app with its media storage on a real, small file system (a 24 MiB tmpfs mounted for the test: the CI runs as
/// root), so that the disk really fills up. The rest of the app (database, keys) lives elsewhere.
/// </summary>
public sealed class SmallDiskFactory : SanxiangFactory
{
    private readonly string _mount = Directory.CreateTempSubdirectory("sanxiang-smalldisk-").FullName;

    public SmallDiskFactory()
    {
        Run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", _mount);
    }

    public override string MediaRoot => _mount;

    protected override string[]? TwoFactorRoles => ["none"];

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Media:ReserveBytes", "0");
    }

    protected override async Task DisposeFixtureAsync()
    {
        await base.DisposeFixtureAsync();
        Run("umount", _mount);
        Directory.Delete(_mount);
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var p = Process.Start(start)!;
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed (the full-disk test mounts a tmpfs and needs root): {error}");
        }
    }
}

/// <summary>A full disk gives a clear error, commits nothing of the failed request and leaves no partial object (issue 5).</summary>
public sealed class MediaDiskFullTests(SmallDiskFactory app) : IClassFixture<SmallDiskFactory>
{
    [Fact]
    public async Task AFullDisk_GivesAClearError_AndNoPartialObjectIsLeftAsIfComplete()
    {
        var client = await (await app.SignedInAsync("officer.market")).WithAntiforgeryHeaderAsync();

        // An upload larger than the free space is refused at creation.
        using (var tooBig = await Tus.CreateRawAsync(client, 64L << 20, new Dictionary<string, string> { ["filename"] = "大文件.mp4" }))
        {
            tooBig.StatusCode.ShouldBe(HttpStatusCode.InsufficientStorage);
            (await tooBig.Content.ReadAsStringAsync()).ShouldContain("存储空间不足");
        }

        var data = Tus.Bytes(12 << 20, seed: 29);
        var url = await Tus.CreateAsync(client, data.Length);
        using (var first = await Tus.PatchAsync(client, url, 0, new ByteArrayContent(data, 0, 2 << 20)))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        // Something else fills the disk; the next PATCH runs out of space mid-way.
        var filler = Path.Combine(app.MediaRoot, "filler");
        await using (var f = new FileStream(filler, FileMode.CreateNew))
        {
            var block = new byte[1 << 20];
            try
            {
                while (true)
                {
                    f.Write(block);
                    f.Flush();
                }
            }
            catch (IOException)
            {
                // Full.
            }

            // Leave 1 MiB free so the PATCH writes part of its chunk before the disk is full.
            f.SetLength(Math.Max(0, f.Length - (3 << 20)));
        }

        using (var full = await Tus.PatchAsync(client, url, 2 << 20, new ByteArrayContent(data, 2 << 20, data.Length - (2 << 20))))
        {
            full.StatusCode.ShouldBe(HttpStatusCode.InsufficientStorage);
            var problem = (await full.ReadDocumentAsync()).RootElement;
            problem.GetProperty("ruleId").GetString().ShouldBe("MEDIA-DISK-FULL");
            problem.GetProperty("title").GetString().ShouldBe("存储空间不足");
            full.Headers.GetValues("Upload-Offset").Single().ShouldBe((2 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        (await Tus.OffsetAsync(client, url)).ShouldBe(2 << 20);
        var id = url.Split('/')[^1];
        new FileInfo(Path.Combine(app.MediaRoot, "staging", id, "data")).Length.ShouldBe(2 << 20);
        Directory.Exists(Path.Combine(app.MediaRoot, "objects")).ShouldBeFalse();
        await using (var scope = app.Scope())
        {
            (await scope.ServiceProvider.GetRequiredService<MediaDbContext>().Items.CountAsync()).ShouldBe(0);
        }

        // Space comes back: the upload continues from the committed offset and ends whole.
        File.Delete(filler);
        using var rest = await Tus.PatchAsync(client, url, 2 << 20, new ByteArrayContent(data, 2 << 20, data.Length - (2 << 20)));
        rest.StatusCode.ShouldBe(HttpStatusCode.NoContent, await rest.Content.ReadAsStringAsync());
        var item = rest.Headers.GetValues("Sanxiang-Media-Item").Single();
        (await CaseApi.ViewAsync(client, $"/api/media/{item}")).GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(data)));
    }
}
