using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sanxiang.Ledger.Persistence;
using Sanxiang.Ledger.Sequencing;
using Sanxiang.Tlog.Note;
using Sanxiang.Tlog.Tree;
using Sanxiang.Tlog.Witness;

namespace Sanxiang.Ledger.Witnessing;

/// <summary>
/// The client side of C2SP tlog-witness: pushes the latest checkpoint to each configured witness with a consistency
/// proof from the size the witness last accepted (on 409 Conflict, from the size the witness reports), checks the
/// returned cosignature with the witness's key and stores it in ledger_cosignatures, from where it is published
/// with the checkpoint. A witness that fails is logged and retried on the next round.
/// </summary>
internal sealed partial class LedgerWitnessing(
    IServiceScopeFactory scopes, IOptions<LedgerOptions> options, Sequencer sequencer, StoredHashCache cache, IHttpClientFactory http, TimeProvider clock, ILogger<LedgerWitnessing> logger)
{
    public const string HttpClientName = "ledger-witness";

    private readonly List<(string Url, CosignatureVerifier Verifier)> _witnesses = [.. options.Value.Witnesses.Select(w =>
        (w.Url.TrimEnd('/'), NoteKeys.ParseVerifier(w.VerifierKey.Trim()) as CosignatureVerifier
            ?? throw new InvalidOperationException($"Ledger witness {w.Url}: the verifier key is not a cosignature (type 0x04) key.")))];

    private readonly Dictionary<string, long> _accepted = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public bool Enabled => _witnesses.Count > 0;

    /// <summary>Pushes the latest checkpoint to every witness that has not cosigned it; returns how many cosigned now.</summary>
    public async Task<int> PushAsync(CancellationToken ct = default)
    {
        if (!Enabled)
        {
            return 0;
        }

        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var latest = await db.Checkpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstOrDefaultAsync(ct);
            if (latest is null)
            {
                return 0;
            }

            var done = (await db.Cosignatures.AsNoTracking().Where(c => c.Size == latest.Size).Select(c => c.Witness).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var cosigned = 0;
            foreach (var (url, verifier) in _witnesses)
            {
                if (done.Contains(verifier.Name))
                {
                    continue;
                }

                try
                {
                    var line = await PushOneAsync(db, url, verifier, latest, ct);
                    if (line is not null)
                    {
                        db.Cosignatures.Add(new CosignatureRow { Size = latest.Size, Witness = verifier.Name, Line = line, CreatedAt = clock.GetUtcNow() });
                        await db.SaveChangesAsync(ct);
                        _accepted[verifier.Name] = latest.Size;
                        cosigned++;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or NoteException or FormatException or InvalidOperationException && !ct.IsCancellationRequested)
                {
                    LogFailed(logger, url, e.GetType().Name, e);
                }
            }

            return cosigned;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string?> PushOneAsync(LedgerDbContext db, string url, CosignatureVerifier verifier, CheckpointRow latest, CancellationToken ct)
    {
        if (!_accepted.TryGetValue(verifier.Name, out var old))
        {
            old = await db.Cosignatures.Where(c => c.Witness == verifier.Name).MaxAsync(c => (long?)c.Size, ct) ?? 0;
        }

        var client = http.CreateClient(HttpClientName);
        var reader = new DbHashReader(db, cache);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (old > latest.Size)
            {
                LogRefused(logger, url, $"the witness knows a larger tree ({old}) than the log's latest checkpoint ({latest.Size})");
                return null;
            }

            var proof = await MerkleLog.ProveTree(sequencer.Suite, latest.Size, old, reader, ct);
            var body = new AddCheckpointRequest(old, proof, latest.Note).Format();
            using var content = new StringContent(body, new UTF8Encoding(false), "text/plain");
            using var response = await client.PostAsync(new Uri(url + "/add-checkpoint"), content, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode == HttpStatusCode.Conflict
                && AddCheckpointRequest.TryParseSize(text.TrimEnd('\n'), out var known) && known != old)
            {
                old = known;
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                LogRefused(logger, url, $"{(int)response.StatusCode} {text.Trim()}");
                return null;
            }

            // The witness's line must verify over the checkpoint text; other lines (other keys) are ignored.
            var checkpointText = SignedNote.Parse(Encoding.UTF8.GetBytes(latest.Note)).Text;
            var opened = SignedNote.Open(checkpointText + "\n" + text, [verifier]);
            return opened.Signatures.Single().ToString();
        }

        LogRefused(logger, url, "the witness's size kept changing");
        return null;
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Ledger witness {Url} failed ({ExceptionType}); it will be retried")]
    private static partial void LogFailed(ILogger logger, string url, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Ledger witness {Url} did not cosign: {Reason}; it will be retried")]
    private static partial void LogRefused(ILogger logger, string url, string reason);
}
