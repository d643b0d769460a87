using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Ledger.Sequencing;
using Sanxiang.Tlog.Crypto;
using Sanxiang.Tlog.Note;
using Sanxiang.Tlog.Verify;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>A national-crypto deployment: the ledger's tree uses SM3 and its checkpoints carry an SM2 line too.</summary>
public sealed class Sm3LedgerFactory : SanxiangFactory
{
    protected override string[]? TwoFactorRoles => ["none"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ledger:HashSuite", "sm3");
    }
}

/// <summary>SEC-CRYPTO-1: the same log with SM3 hashing and an extra SM2 signature that standard verifiers skip.</summary>
public sealed class Sm3LedgerTests(Sm3LedgerFactory app) : IClassFixture<Sm3LedgerFactory>
{
    [Fact]
    public async Task AnSm3Log_VerifiesWithTheSm3Suite_AndItsCheckpointCarriesEd25519AndSm2Signatures_SECCRYPTO1()
    {
        var sequencer = app.Services.GetRequiredService<Sequencer>();
        while (await sequencer.IntegrateOnceAsync() > 0)
        {
        }

        var client = app.NewClient();
        var ed25519 = NoteKeys.ParseVerifier((await client.GetStringAsync("/ledger/verifier-key")).Trim());
        var sm2 = NoteKeys.ParseVerifier((await client.GetStringAsync("/ledger/verifier-key-sm2")).Trim());
        var note = await client.GetStringAsync("/ledger/checkpoint");

        // The origin names the suite; a standard (Ed25519-only) verifier skips the SM2 line as an unknown key.
        var standard = SignedNote.Open(note, [ed25519]);
        Checkpoint.Parse(standard.Text).Origin.ShouldBe("sanxiang.localhost/ledger/sm3");
        standard.UnverifiedSignatures.Count.ShouldBe(1);
        SignedNote.Open(note, [sm2]).Signatures.Count.ShouldBe(1);

        var result = await LogVerifier.VerifyAsync(
            async (path, ct) =>
            {
                using var response = await client.GetAsync("/ledger/" + path, ct);
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsByteArrayAsync(ct) : null;
            },
            ed25519,
            HashSuites.Sm3);
        result.Ok.ShouldBeTrue(result.Message);
        (await LogVerifier.VerifyAsync((path, ct) => client.GetByteArrayAsync("/ledger/" + path, ct)!, ed25519, HashSuites.Sha256)).Ok.ShouldBeFalse("an SM3 tree does not verify as SHA-256");
    }

    [Fact]
    public async Task ARecordUploadedToAnSm3Deployment_CarriesItsSm3_EqualToOpensslDgstSm3_SECCRYPTO1()
    {
        var officer = await (await app.SignedInAsync("officer.market")).WithAntiforgeryHeaderAsync();
        var data = Tus.Bytes(700_001, seed: 53);
        var item = await Tus.UploadAsync(officer, data, chunk: 123_457); // pieces that do not fall on SM3 block boundaries
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, data);
            var expected = (await ExternalTools.RunAsync("openssl", ["dgst", "-sm3", "-r", path])).Split(' ')[0];
            var view = (await (await officer.GetAsync($"/api/media/{item}")).ReadDocumentAsync()).RootElement;
            view.GetProperty("sm3").GetString().ShouldBe(expected);
            view.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
