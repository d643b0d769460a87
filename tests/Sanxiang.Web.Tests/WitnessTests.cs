using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Ledger.Sequencing;
using Sanxiang.Ledger.Witnessing;
using Sanxiang.Tlog;
using Sanxiang.Tlog.Note;
using Sanxiang.Tlog.Witness;
using Sanxiang.Web.Tests.Infrastructure;
using Sanxiang.Witness;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The app pushes its checkpoints to a C2SP tlog-witness (the witness service's endpoints, on a real Kestrel port)
/// and publishes the cosignatures; the witness refuses a forked checkpoint signed with the log's own key.
/// </summary>
public sealed class WitnessTests(WitnessedLedgerFactory app) : IClassFixture<WitnessedLedgerFactory>
{
    [Fact]
    public async Task ThePublishedCheckpoint_CarriesAValidCosignatureOfTheWitness()
    {
        var sequencer = app.Services.GetRequiredService<Sequencer>();
        var witnessing = app.Services.GetRequiredService<LedgerWitnessing>();

        // Small batches: the witness follows the log through many checkpoints, each with a consistency proof.
        while (await sequencer.IntegrateOnceAsync() > 0)
        {
            await witnessing.PushAsync();
        }

        await witnessing.PushAsync();
        var client = app.NewClient();
        foreach (var path in new[] { "/ledger/checkpoint", "/ledger/checkpoint/cosigned" })
        {
            var note = await client.GetStringAsync(path);
            var opened = SignedNote.Open(note, [app.LogSigner.Verifier, app.WitnessKey.Verifier]);
            opened.Signatures.Select(s => s.Name).ShouldBe([app.LogSigner.Name, app.WitnessKey.Name], ignoreOrder: true);
            var cosignature = opened.Signatures.Single(s => s.Name == app.WitnessKey.Name);
            app.WitnessKey.Verifier.TryVerify(Encoding.UTF8.GetBytes(opened.Text), cosignature.Signature.Span, out var timestamp).ShouldBeTrue();
            timestamp.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());

            // A client that knows only the log's key still accepts it, skipping the cosignature.
            var checkpoint = Checkpoint.Parse(SignedNote.Open(note, [app.LogSigner.Verifier]).Text);
            checkpoint.Size.ShouldBeGreaterThan(50);
            app.Witness.State(checkpoint.Origin)!.Size.ShouldBeGreaterThanOrEqualTo(checkpoint.Size);
        }
    }

    [Fact]
    public async Task AForkedCheckpoint_SignedWithTheLogKey_IsRefusedByTheWitness()
    {
        var sequencer = app.Services.GetRequiredService<Sequencer>();
        while (await sequencer.IntegrateOnceAsync() > 0)
        {
        }

        await app.Services.GetRequiredService<LedgerWitnessing>().PushAsync();
        var origin = app.LogSigner.Name;
        var state = app.Witness.State(origin).ShouldNotBeNull();

        // Same size, another root: the split view the witness exists to prevent.
        var forkedRoot = HashSuite.Sha256.Hash(Encoding.UTF8.GetBytes("another history"));
        var fork = SignedNote.Sign(new Checkpoint(origin, state.Size, forkedRoot).Format(), app.LogSigner);
        using var http = new HttpClient { BaseAddress = app.WitnessUrl };
        using (var response = await PostAsync(http, new AddCheckpointRequest(state.Size, [], fork)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        // A larger forked tree with a made-up proof.
        var bigger = SignedNote.Sign(new Checkpoint(origin, state.Size + 5, forkedRoot).Format(), app.LogSigner);
        using (var response = await PostAsync(http, new AddCheckpointRequest(state.Size, [forkedRoot, forkedRoot], bigger)))
        {
            response.StatusCode.ShouldBe((HttpStatusCode)422);
        }

        // The wrong old size: 409 with the witness's size as text/x.tlog.size.
        using (var response = await PostAsync(http, new AddCheckpointRequest(1, [], bigger)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/x.tlog.size");
            (await response.Content.ReadAsStringAsync()).ShouldBe($"{state.Size}\n");
        }

        // Not signed by the log: 403; an unknown log: 404.
        var impostor = Ed25519NoteSigner.Generate(origin);
        using (var response = await PostAsync(http, new AddCheckpointRequest(state.Size, [], SignedNote.Sign(new Checkpoint(origin, state.Size, forkedRoot).Format(), impostor))))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var stranger = Ed25519NoteSigner.Generate("elsewhere.example/log");
        using (var response = await PostAsync(http, new AddCheckpointRequest(0, [], SignedNote.Sign(new Checkpoint(stranger.Name, 1, forkedRoot).Format(), stranger))))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        app.Witness.State(origin).ShouldBe(state);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, AddCheckpointRequest request) =>
        http.PostAsync(new Uri("add-checkpoint", UriKind.Relative), new StringContent(request.Format(), Encoding.UTF8, "text/plain"));
}

/// <summary>The app with a known log key and one witness (in-process, on a free Kestrel port) configured.</summary>
public sealed class WitnessedLedgerFactory : SanxiangFactory
{
    private WebApplication? _witnessApp;

    public Ed25519NoteSigner LogSigner { get; } = Ed25519NoteSigner.Generate("sanxiang.localhost/ledger/sha256");

    public CosignatureSigner WitnessKey { get; } = CosignatureSigner.Generate("justice.sanxiang.localhost/witness");

    public CheckpointWitness Witness { get; private set; } = null!;

    public Uri WitnessUrl { get; private set; } = null!;

    protected override string[]? TwoFactorRoles => ["none"];

    public override async Task InitializeAsync()
    {
        Witness = new CheckpointWitness(WitnessKey, [WitnessedLog.FromVerifierKey(LogSigner.Verifier.VerifierKey)], new MemoryWitnessStore());
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _witnessApp = builder.Build();
        WitnessEndpoints.Map(_witnessApp, Witness);
        await _witnessApp.StartAsync();
        var address = _witnessApp.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        WitnessUrl = new Uri(address.TrimEnd('/') + "/");
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ledger:SignerKey", LogSigner.SignerKey);
        builder.UseSetting("Ledger:BatchSize", "20");
        builder.UseSetting("Ledger:Witnesses:0:Url", WitnessUrl.ToString());
        builder.UseSetting("Ledger:Witnesses:0:VerifierKey", WitnessKey.Verifier.VerifierKey);
    }

    protected override async Task DisposeFixtureAsync()
    {
        await base.DisposeFixtureAsync();
        if (_witnessApp is not null)
        {
            await _witnessApp.DisposeAsync();
        }
    }
}
