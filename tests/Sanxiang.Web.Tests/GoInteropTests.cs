using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Ledger.Sequencing;
using Sanxiang.Registry.Persistence;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The ledger checked by a standard third-party client: Go's golang.org/x/mod/sumdb/note and sumdb/tlog
/// (Debian's golang-golang-x-mod-dev, installed by test.sh) verify the checkpoint signature, authenticate
/// every tile against the root, and check inclusion and consistency proofs (interop/goverify).
/// </summary>
[Trait("Area", "Interop")]
public sealed class GoInteropTests(KestrelFactory app) : IClassFixture<KestrelFactory>
{
    [Fact]
    public async Task GosSumdbPackages_VerifyTheLog()
    {
        // More than 512 entries, so that partial and full tiles at level 0 and a tile at level 1 are all read.
        await using (var scope = app.Scope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            for (var i = 0; i < 700; i++)
            {
                registry.Outbox.Add(new OutboxMessage { Id = Guid.CreateVersion7(), Module = "registry", EventType = "registry.test.synthetic", AggregateId = Guid.CreateVersion7(), Actor = "system", OccurredAt = DateTimeOffset.UtcNow, Payload = $"{{\"n\":{i}}}" });
            }

            await registry.SaveChangesAsync();
        }

        var sequencer = app.Services.GetRequiredService<Sequencer>();
        while (await sequencer.IntegrateOnceAsync() > 0)
        {
        }

        using var http = new HttpClient();
        var key = (await http.GetStringAsync(new Uri(app.BaseUrl + "/ledger/verifier-key"))).Trim();
        var (code, output) = await GoRunAsync(app.BaseUrl + "/ledger", key);
        code.ShouldBe(0, output);
        output.ShouldContain("OK: sanxiang.localhost/ledger/sha256");
    }

    private static async Task<(int Code, string Output)> GoRunAsync(params string[] args)
    {
        var root = ExternalTools.RepositoryRoot();
        var start = new ProcessStartInfo("go") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["run", "./interop/goverify", .. args])
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["GO111MODULE"] = "off";
        start.Environment["GOPATH"] = "/usr/share/gocode";
        start.Environment["GOCACHE"] = Path.Combine(Path.GetTempPath(), "sanxiang-gocache");
        start.Environment["HOME"] = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
