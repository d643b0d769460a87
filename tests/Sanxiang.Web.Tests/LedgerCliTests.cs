using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Cli;
using Sanxiang.Ledger.Persistence;
using Sanxiang.Ledger.Sequencing;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>The app on a real port, so the command-line verifier downloads the log over HTTP as a user would.</summary>
public sealed class KestrelFactory : SanxiangFactory
{
    public string BaseUrl { get; private set; } = string.Empty;

    protected override string[]? TwoFactorRoles => ["none"];

    public override async Task InitializeAsync()
    {
        UseKestrel(0);
        await base.InitializeAsync();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }
}

/// <summary><c>sanxiang ledger verify</c> accepts the intact log and names the index of an altered entry.</summary>
public sealed class LedgerCliTests(KestrelFactory app) : IClassFixture<KestrelFactory>
{
    [Fact]
    public async Task TheVerifierCommand_PassesAnIntactLog_AndNamesTheFirstAlteredIndex()
    {
        var sequencer = app.Services.GetRequiredService<Sequencer>();
        while (await sequencer.IntegrateOnceAsync() > 0)
        {
        }

        var (code, text) = await RunAsync("ledger", "verify", app.BaseUrl + "/ledger");
        code.ShouldBe(0, text);
        text.ShouldContain("ok: True");

        byte[] original;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var row = await db.Entries.SingleAsync(e => e.Index == 12);
            original = row.Data;
            row.Data = [.. original[..^1], (byte)(original[^1] ^ 0xff)];
            await db.SaveChangesAsync();
        }

        (code, text) = await RunAsync("ledger", "verify", app.BaseUrl + "/ledger");
        code.ShouldBe(1, text);
        text.ShouldContain("first bad index: 12");

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            (await db.Entries.SingleAsync(e => e.Index == 12)).Data = original;
            await db.SaveChangesAsync();
        }

        (code, _) = await RunAsync("ledger", "verify", "http://127.0.0.1:9/ledger");
        code.ShouldBe(2, "an unreachable log is a usage/read error, not a verdict");
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await LedgerCommands.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString() + error);
    }
}
