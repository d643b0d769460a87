using System.Text;
using Sanxiang.Tlog.Note;
using Sanxiang.Tlog.Tests.Tree;
using Sanxiang.Tlog.Tree;
using Sanxiang.Tlog.Witness;

namespace Sanxiang.Tlog.Tests.Witness;

/// <summary>The tlog-witness add-checkpoint checks (https://c2sp.org/tlog-witness) over in-memory trees.</summary>
public sealed class CheckpointWitnessTests
{
    private const string Origin = "example.org/log/sha256";
    private static readonly long Now = 1_760_000_000;

    private readonly Ed25519NoteSigner _log = Ed25519NoteSigner.Generate(Origin);
    private readonly CosignatureSigner _witnessKey = CosignatureSigner.Generate("justice.example.org/witness", new FixedTime(Now));
    private readonly MemoryWitnessStore _store = new();
    private readonly CheckpointWitness _witness;

    public CheckpointWitnessTests() =>
        _witness = new CheckpointWitness(_witnessKey, [WitnessedLog.FromVerifierKey(_log.Verifier.VerifierKey)], _store);

    [Fact]
    public void AGrowingLog_IsCosignedAtEverySize_WithATimestampedCosignature()
    {
        var tree = new MemoryHashStore(HashSuite.Sha256);
        long old = 0;
        foreach (var size in new[] { 1, 2, 3, 7, 8, 9, 100, 100, 257 })
        {
            while (tree.Size < size)
            {
                tree.Append(MemoryHashStore.Record((int)tree.Size));
            }

            var note = Sign(tree, size);
            var proof = MemoryHashStore.Sync(MerkleLog.ProveTree(HashSuite.Sha256, size, old, tree));
            var request = new AddCheckpointRequest(old, proof, note);
            AddCheckpointRequest.TryParse(request.Format(), out var parsed).ShouldBeTrue();
            parsed!.Format().ShouldBe(request.Format());

            var result = _witness.AddCheckpoint(request.Format());
            result.Outcome.ShouldBe(WitnessOutcome.Cosigned, result.Message);

            // The cosignature line verifies with the witness's public key, next to the log's own signature.
            var cosigned = SignedNote.Open(note + result.Cosignature, [_log.Verifier, NoteKeys.ParseVerifier(_witness.VerifierKey)]);
            cosigned.Signatures.Count.ShouldBe(2);
            var line = cosigned.Signatures.Single(s => s.Name == _witnessKey.Name);
            _witnessKey.Verifier.TryVerify(Encoding.UTF8.GetBytes(cosigned.Text), line.Signature.Span, out var timestamp).ShouldBeTrue();
            timestamp.ShouldBe(Now);
            _witness.State(Origin)!.Size.ShouldBe(size);
            old = size;
        }
    }

    [Fact]
    public void AWrongOldSize_IsAConflict_CarryingTheWitnessSize()
    {
        var tree = MemoryHashStore.WithRecords(HashSuite.Sha256, 10);
        _witness.AddCheckpoint(new AddCheckpointRequest(0, [], Sign(tree, 5))).Outcome.ShouldBe(WitnessOutcome.Cosigned);

        var proof = MemoryHashStore.Sync(MerkleLog.ProveTree(HashSuite.Sha256, 10, 3, tree));
        var result = _witness.AddCheckpoint(new AddCheckpointRequest(3, proof, Sign(tree, 10)));
        result.Outcome.ShouldBe(WitnessOutcome.Conflict);
        result.KnownSize.ShouldBe(5);
        result.Body.ShouldBe("5\n");

        // Retrying from the size the witness reported succeeds.
        proof = MemoryHashStore.Sync(MerkleLog.ProveTree(HashSuite.Sha256, 10, 5, tree));
        _witness.AddCheckpoint(new AddCheckpointRequest(5, proof, Sign(tree, 10))).Outcome.ShouldBe(WitnessOutcome.Cosigned);
    }

    [Fact]
    public void AForkedHistory_IsRefused()
    {
        var tree = MemoryHashStore.WithRecords(HashSuite.Sha256, 8);
        _witness.AddCheckpoint(new AddCheckpointRequest(0, [], Sign(tree, 4))).Outcome.ShouldBe(WitnessOutcome.Cosigned);

        // Another history of the same size 4, then grown from it: both signed by the log.
        var fork = new MemoryHashStore(HashSuite.Sha256);
        for (var i = 0; i < 8; i++)
        {
            fork.Append(Encoding.UTF8.GetBytes($"forked {i}"));
        }

        _witness.AddCheckpoint(new AddCheckpointRequest(4, [], Sign(fork, 4))).Outcome.ShouldBe(WitnessOutcome.Conflict);
        var forkProof = MemoryHashStore.Sync(MerkleLog.ProveTree(HashSuite.Sha256, 8, 4, fork));
        _witness.AddCheckpoint(new AddCheckpointRequest(4, forkProof, Sign(fork, 8))).Outcome.ShouldBe(WitnessOutcome.InvalidProof);

        // A proof of the true history for another root, or a tampered proof, are refused as well.
        var proof = MemoryHashStore.Sync(MerkleLog.ProveTree(HashSuite.Sha256, 8, 4, tree));
        _witness.AddCheckpoint(new AddCheckpointRequest(4, proof, Sign(fork, 8))).Outcome.ShouldBe(WitnessOutcome.InvalidProof);
        byte[][] tampered = [.. proof.Select(h => h.ToArray())];
        tampered[0][0] ^= 1;
        _witness.AddCheckpoint(new AddCheckpointRequest(4, tampered, Sign(tree, 8))).Outcome.ShouldBe(WitnessOutcome.InvalidProof);
        _witness.State(Origin)!.Size.ShouldBe(4);

        // The true history still goes through.
        _witness.AddCheckpoint(new AddCheckpointRequest(4, proof, Sign(tree, 8))).Outcome.ShouldBe(WitnessOutcome.Cosigned);
    }

    [Fact]
    public void ARollback_IsRefused()
    {
        var tree = MemoryHashStore.WithRecords(HashSuite.Sha256, 10);
        _witness.AddCheckpoint(new AddCheckpointRequest(0, [], Sign(tree, 10))).Outcome.ShouldBe(WitnessOutcome.Cosigned);
        _witness.AddCheckpoint(new AddCheckpointRequest(10, [], Sign(tree, 6))).Outcome.ShouldBe(WitnessOutcome.BadRequest);
        var result = _witness.AddCheckpoint(new AddCheckpointRequest(6, [], Sign(tree, 6)));
        result.Outcome.ShouldBe(WitnessOutcome.Conflict);
        result.KnownSize.ShouldBe(10);
        _witness.State(Origin)!.Size.ShouldBe(10);
    }

    [Fact]
    public void AnUnknownLog_OrABadSignature_IsRefused()
    {
        var tree = MemoryHashStore.WithRecords(HashSuite.Sha256, 3);

        // Another origin: unknown log.
        var other = Ed25519NoteSigner.Generate("other.example.org/log");
        var otherNote = SignedNote.Sign(new Checkpoint(other.Name, 3, Root(tree, 3)).Format(), other);
        _witness.AddCheckpoint(new AddCheckpointRequest(0, [], otherNote)).Outcome.ShouldBe(WitnessOutcome.UnknownLog);

        // The right origin signed by another key: not verified.
        var impostor = Ed25519NoteSigner.Generate(Origin);
        var forged = SignedNote.Sign(new Checkpoint(Origin, 3, Root(tree, 3)).Format(), impostor);
        _witness.AddCheckpoint(new AddCheckpointRequest(0, [], forged)).Outcome.ShouldBe(WitnessOutcome.Forbidden);

        // The log's key, a corrupted signature.
        var note = Sign(tree, 3);
        var lines = note.Split('\n');
        var signature = Convert.FromBase64String(lines[^2][(lines[^2].LastIndexOf(' ') + 1)..]);
        signature[^1] ^= 1;
        lines[^2] = lines[^2][..(lines[^2].LastIndexOf(' ') + 1)] + Convert.ToBase64String(signature);
        _witness.AddCheckpoint(new AddCheckpointRequest(0, [], string.Join('\n', lines))).Outcome.ShouldBe(WitnessOutcome.Forbidden);

        _witness.State(Origin).ShouldBeNull();
        _witness.AddCheckpoint("old 0\nnot a proof\n\n" + note).Outcome.ShouldBe(WitnessOutcome.BadRequest);
        _witness.AddCheckpoint("old 01\n\n" + note).Outcome.ShouldBe(WitnessOutcome.BadRequest);
        _witness.AddCheckpoint(note).Outcome.ShouldBe(WitnessOutcome.BadRequest);
    }

    [Fact]
    public void TheJsonFileStore_KeepsTheStateAcrossRestarts()
    {
        var path = Path.Combine(Path.GetTempPath(), $"witness-{Guid.NewGuid():N}.json");
        try
        {
            var tree = MemoryHashStore.WithRecords(HashSuite.Sha256, 5);
            var first = new CheckpointWitness(_witnessKey, [WitnessedLog.FromVerifierKey(_log.Verifier.VerifierKey)], new JsonFileWitnessStore(path));
            first.AddCheckpoint(new AddCheckpointRequest(0, [], Sign(tree, 5))).Outcome.ShouldBe(WitnessOutcome.Cosigned);

            var second = new CheckpointWitness(_witnessKey, [WitnessedLog.FromVerifierKey(_log.Verifier.VerifierKey)], new JsonFileWitnessStore(path));
            second.State(Origin).ShouldBe(new WitnessLogState(5, Convert.ToBase64String(Root(tree, 5))));
            second.AddCheckpoint(new AddCheckpointRequest(0, [], Sign(tree, 5))).KnownSize.ShouldBe(5);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Root(MemoryHashStore tree, long size) => MemoryHashStore.Sync(MerkleLog.TreeHash(HashSuite.Sha256, size, tree));

    private string Sign(MemoryHashStore tree, long size) => SignedNote.Sign(new Checkpoint(Origin, size, Root(tree, size)).Format(), _log);

    private sealed class FixedTime(long seconds) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
