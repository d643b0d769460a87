using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Sanxiang.Tlog.Note;

namespace Sanxiang.Ledger.Sequencing;

/// <summary>
/// The log's signing key (Ed25519, C2SP signed-note type 0x01), named by the log's origin. Supplied by
/// configuration (Ledger:SignerKey, a "PRIVATE+KEY+…" string) or generated on first start into a key file
/// readable by the owner only (Ledger:KeyFile, default data/ledger/signer.key). The verifier key is public.
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
            var file = configuration["Ledger:KeyFile"] ?? Path.Combine("data", "ledger", "signer.key");
            Signer = LoadOrCreate(file, origin);
        }

        if (!string.Equals(Signer.Name, origin, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The ledger signing key is named '{Signer.Name}' but the log's origin is '{origin}'.");
        }
    }

    public Ed25519NoteSigner Signer { get; }

    public string VerifierKey => Signer.Verifier.VerifierKey;

    private static Ed25519NoteSigner LoadOrCreate(string file, string origin)
    {
        var path = Path.GetFullPath(file);
        if (File.Exists(path))
        {
            return (Ed25519NoteSigner)NoteKeys.ParseSigner(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var signer = Ed25519NoteSigner.Generate(origin);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine(signer.SignerKey);
        }

        return signer;
    }
}
