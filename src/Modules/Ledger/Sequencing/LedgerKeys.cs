using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Sanxiang.Tlog.Note;

namespace Sanxiang.Ledger.Sequencing;

/// <summary>
/// The log's signing key (Ed25519, C2SP signed-note type 0x01), named by the log's origin. Supplied by
/// configuration (Ledger:SignerKey, a "PRIVATE+KEY+…" string) or generated on first start into a key file
/// readable by the owner only (Ledger:KeyFile, default data/ledger/signer.key). The verifier key is public.
/// A national-crypto log (hash suite sm3, SEC-CRYPTO-1) also signs every checkpoint with SM2 as an extra
/// signature line (key type 0xff "sanxiang/sm2", which standard verifiers skip as unknown); its key comes from
/// Ledger:Sm2SignerKey or the file KeyFile + ".sm2".
/// </summary>
internal sealed class LedgerKeys
{
    public LedgerKeys(IOptions<LedgerOptions> options, IConfiguration configuration)
    {
        var origin = options.Value.Origin;
        var configured = configuration["Ledger:SignerKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Signer = (Ed25519NoteSigner)NoteKeys.ParseSigner(configured.Trim());
        }
        else
        {
            Signer = NoteKeyFiles.LoadOrCreate(KeyFile(configuration), () => Ed25519NoteSigner.Generate(origin), s => s.SignerKey);
        }

        if (string.Equals(options.Value.HashSuite, "sm3", StringComparison.Ordinal))
        {
            var sm2 = configuration["Ledger:Sm2SignerKey"];
            Sm2Signer = !string.IsNullOrWhiteSpace(sm2)
                ? (Sm2NoteSigner)NoteKeys.ParseSigner(sm2.Trim())
                : NoteKeyFiles.LoadOrCreate(KeyFile(configuration) + ".sm2", () => Sm2NoteSigner.Generate(origin), s => s.SignerKey);
        }

        if (!string.Equals(Signer.Name, origin, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The ledger signing key is named '{Signer.Name}' but the log's origin is '{origin}'.");
        }
    }

    public Ed25519NoteSigner Signer { get; }

    /// <summary>The SM2 signer of a national-crypto log; null for a SHA-256 log.</summary>
    public Sm2NoteSigner? Sm2Signer { get; }

    public IReadOnlyList<INoteSigner> Signers => Sm2Signer is null ? [Signer] : [Signer, Sm2Signer];

    public string VerifierKey => Signer.Verifier.VerifierKey;

    private static string KeyFile(IConfiguration configuration) => Sanxiang.Kernel.Hosting.DataRoot.PathFor(configuration, "Ledger:KeyFile", "ledger", "signer.key");
}
