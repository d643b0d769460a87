using System.Text;
using Sanxiang.Tlog.Crypto;
using Sanxiang.Tlog.Note;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Tlog.Witness;

/// <summary>A log a witness knows: its origin, the key that signs its checkpoints and its tree's hash suite.</summary>
public sealed record WitnessedLog(string Origin, INoteVerifier Verifier, HashSuite Suite)
{
    /// <summary>
    /// A log named by its verifier key (the key name is the origin, as for Sanxiang's ledger); the hash suite is
    /// the given one, or the one named by the origin's last path element (".../sm3"), or SHA-256.
    /// </summary>
    public static WitnessedLog FromVerifierKey(string verifierKey, string? origin = null, string? hashSuite = null)
    {
        var verifier = NoteKeys.ParseVerifier(verifierKey.Trim());
        origin ??= verifier.Name;
        var suite = hashSuite is { Length: > 0 }
            ? HashSuites.FromName(hashSuite) ?? throw new FormatException($"Unknown hash suite '{hashSuite}'.")
            : HashSuites.FromName(origin[(origin.LastIndexOf('/') + 1)..]) ?? HashSuites.Sha256;
        return new WitnessedLog(origin, verifier, suite);
    }
}

/// <summary>The outcome of an add-checkpoint request, with its tlog-witness HTTP status.</summary>
public enum WitnessOutcome
{
    /// <summary>200: cosigned; <see cref="WitnessResult.Cosignature"/> holds the signature line.</summary>
    Cosigned = 200,

    /// <summary>400: malformed request, or the old size is larger than the checkpoint's (a rollback).</summary>
    BadRequest = 400,

    /// <summary>403: no valid signature of the log's key on the checkpoint.</summary>
    Forbidden = 403,

    /// <summary>404: the witness does not know the checkpoint's origin.</summary>
    UnknownLog = 404,

    /// <summary>409: the old size is not the witness's latest size (<see cref="WitnessResult.KnownSize"/>), or same size and another root.</summary>
    Conflict = 409,

    /// <summary>422: the consistency proof does not prove the checkpoint extends the witness's latest one.</summary>
    InvalidProof = 422,
}

/// <summary>The answer to an add-checkpoint request.</summary>
public sealed record WitnessResult(WitnessOutcome Outcome, string Message, string? Cosignature = null, long? KnownSize = null)
{
    /// <summary>The response body: the cosignature line(s) for 200, the latest size for 409, else the message.</summary>
    public string Body => Outcome switch
    {
        WitnessOutcome.Cosigned => Cosignature!,
        WitnessOutcome.Conflict => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{KnownSize}\n"),
        _ => Message + "\n",
    };
}

/// <summary>
/// A C2SP tlog-witness (https://c2sp.org/tlog-witness): for each known log it remembers the latest checkpoint it
/// cosigned, and cosigns a new one (tlog-cosignature/v1, timestamped Ed25519) only if the log signed it and a
/// consistency proof shows that it extends the remembered one. It never cosigns two inconsistent checkpoints of
/// one log, nor a smaller tree after a larger one.
/// </summary>
public sealed class CheckpointWitness
{
    private readonly Dictionary<string, WitnessedLog> _logs;
    private readonly IWitnessStore _store;
    private readonly Lock _lock = new();

    public CheckpointWitness(CosignatureSigner signer, IEnumerable<WitnessedLog> logs, IWitnessStore store)
    {
        Signer = signer;
        _logs = logs.ToDictionary(l => l.Origin, StringComparer.Ordinal);
        _store = store;
    }

    /// <summary>The witness's cosigning key.</summary>
    public CosignatureSigner Signer { get; }

    /// <summary>The witness's public verifier key string.</summary>
    public string VerifierKey => Signer.Verifier.VerifierKey;

    /// <summary>The latest state for a log, if any.</summary>
    public WitnessLogState? State(string origin) => _store.Get(origin);

    /// <summary>Handles a request body.</summary>
    public WitnessResult AddCheckpoint(string body) =>
        AddCheckpointRequest.TryParse(body, out var request)
            ? AddCheckpoint(request)
            : new WitnessResult(WitnessOutcome.BadRequest, "malformed add-checkpoint request");

    /// <summary>Checks and, if it extends what the witness knows, cosigns the checkpoint.</summary>
    public WitnessResult AddCheckpoint(AddCheckpointRequest request)
    {
        string text;
        try
        {
            text = SignedNote.Parse(Encoding.UTF8.GetBytes(request.SignedCheckpoint)).Text;
        }
        catch (NoteException)
        {
            return new WitnessResult(WitnessOutcome.BadRequest, "malformed signed note");
        }

        if (!Checkpoint.TryParse(text, out var checkpoint))
        {
            return new WitnessResult(WitnessOutcome.BadRequest, "malformed checkpoint");
        }

        if (!_logs.TryGetValue(checkpoint.Origin, out var log))
        {
            return new WitnessResult(WitnessOutcome.UnknownLog, "unknown log");
        }

        try
        {
            SignedNote.Open(request.SignedCheckpoint, [log.Verifier]);
        }
        catch (NoteException e) when (e.Error != NoteError.Malformed)
        {
            return new WitnessResult(WitnessOutcome.Forbidden, "the checkpoint is not signed by the log's key");
        }
        catch (NoteException)
        {
            return new WitnessResult(WitnessOutcome.BadRequest, "malformed signed note");
        }

        if (request.OldSize > checkpoint.Size)
        {
            return new WitnessResult(WitnessOutcome.BadRequest, "the old size is larger than the checkpoint's size");
        }

        lock (_lock)
        {
            var state = _store.Get(log.Origin);
            var knownSize = state?.Size ?? 0;
            if (request.OldSize != knownSize)
            {
                return new WitnessResult(WitnessOutcome.Conflict, "the old size is not the witness's latest size", KnownSize: knownSize);
            }

            var knownRoot = state?.RootHashBytes ?? log.Suite.Hash([]);
            if (knownSize == checkpoint.Size && !knownRoot.AsSpan().SequenceEqual(checkpoint.RootHash.Span))
            {
                // Same size, another root: a fork. Refused; the request is evidence of it.
                return new WitnessResult(WitnessOutcome.Conflict, "the checkpoint's root differs from the one the witness cosigned at this size", KnownSize: knownSize);
            }

            var consistent = knownSize == 0
                ? request.Proof.Count == 0
                : MerkleLog.CheckTree(log.Suite, request.Proof, checkpoint.Size, checkpoint.RootHash.Span, knownSize, knownRoot);
            if (!consistent)
            {
                return new WitnessResult(WitnessOutcome.InvalidProof, "the consistency proof is invalid");
            }

            _store.Set(log.Origin, new WitnessLogState(checkpoint.Size, Convert.ToBase64String(checkpoint.RootHash.Span)));
            var signature = new NoteSignature(Signer.Name, Signer.KeyId, Signer.Sign(Encoding.UTF8.GetBytes(text)));
            return new WitnessResult(WitnessOutcome.Cosigned, "cosigned", signature + "\n");
        }
    }
}
