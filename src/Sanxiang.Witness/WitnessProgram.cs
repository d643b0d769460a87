using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Sanxiang.Tlog.Note;
using Sanxiang.Tlog.Witness;

namespace Sanxiang.Witness;

/// <summary>
/// A witness a supervising body (e.g. the Justice Bureau) runs beside a Sanxiang ledger:
/// <c>dotnet run --project src/Sanxiang.Witness -- --Witness:Logs:0:VerifierKey=&lt;the log's verifier key&gt;</c>.
/// Its cosigning key is Witness:Key (a PRIVATE+KEY+… string) or is generated into Witness:KeyFile
/// (default data/witness/witness.key, owner-only); its state is kept in Witness:StateFile (default
/// data/witness/state.json). It prints its verifier key, which the log's operators configure as
/// Ledger:Witnesses:N:VerifierKey.
/// </summary>
public static class WitnessProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var app = builder.Build();
        var witness = Create(app.Configuration);
        WitnessEndpoints.Map(app, witness);
        await Console.Out.WriteLineAsync("Witness verifier key: " + witness.VerifierKey);
        await app.RunAsync();
    }

    /// <summary>The witness described by the "Witness" configuration section.</summary>
    public static CheckpointWitness Create(IConfiguration configuration)
    {
        var section = configuration.GetSection("Witness");
        var signer = LoadSigner(section);
        var logs = section.GetSection("Logs").GetChildren()
            .Select(log => WitnessedLog.FromVerifierKey(log["VerifierKey"] ?? throw new InvalidOperationException("Witness:Logs:N:VerifierKey is required."), log["Origin"], log["HashSuite"]))
            .ToList();
        var store = new JsonFileWitnessStore(section["StateFile"] ?? Path.Combine("data", "witness", "state.json"));
        return new CheckpointWitness(signer, logs, store);
    }

    private static CosignatureSigner LoadSigner(IConfigurationSection section)
    {
        if (section["Key"] is { Length: > 0 } key)
        {
            return NoteKeys.ParseSigner(key.Trim()) as CosignatureSigner ?? throw new InvalidOperationException("Witness:Key is not a cosignature (type 0x04) key.");
        }

        var path = Path.GetFullPath(section["KeyFile"] ?? Path.Combine("data", "witness", "witness.key"));
        if (File.Exists(path))
        {
            return NoteKeys.ParseSigner(File.ReadAllText(path).Trim()) as CosignatureSigner ?? throw new InvalidOperationException("The witness key file does not hold a cosignature key.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var signer = CosignatureSigner.Generate(section["Name"] ?? "sanxiang-witness");
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
