using Microsoft.EntityFrameworkCore;
using Sanxiang.Ledger.Domain;
using Sanxiang.Ledger.Persistence;
using Sanxiang.Ledger.Sequencing;
using Sanxiang.Tlog.Note;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Ledger.Features;

/// <summary>What the public verification page shows about one entry and its proof.</summary>
internal sealed record ProofReport(
    bool InLog,
    string Verdict,
    long? Index,
    LedgerEntry? Entry,
    long CheckpointSize,
    string CheckpointRoot,
    IReadOnlyList<string> ProofHashes,
    string? ProofFile);

/// <summary>
/// Checks an event (by ID) or an uploaded tlog-proof file against the log: the checkpoint's signature with
/// the log's key, the inclusion proof against that checkpoint, and that the checkpoint is consistent with the
/// latest one (so the proof is about the same history everyone else sees).
/// </summary>
internal sealed class ProofCheck(LedgerDbContext db, Sequencer sequencer, LedgerKeys keys, StoredHashCache cache)
{
    public async Task<ProofReport> ForEventAsync(Guid eventId, CancellationToken ct)
    {
        var entry = await db.Entries.AsNoTracking().Where(e => e.EventId == eventId).Select(e => new { e.Index, e.Data }).SingleOrDefaultAsync(ct);
        var checkpoint = await db.Checkpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstOrDefaultAsync(ct);
        if (entry is null || checkpoint is null)
        {
            return new ProofReport(false, "未在日志中找到该事件。新发生的事件通常在1秒内记入日志，请稍后再试。", null, null, checkpoint?.Size ?? 0, string.Empty, [], null);
        }

        var hashes = await MerkleLog.ProveRecord(sequencer.Suite, checkpoint.Size, entry.Index, new DbHashReader(db, cache), ct);
        return await CheckAsync(new TlogProof(entry.Index, hashes, checkpoint.Note, entry.Data), ct);
    }

    /// <summary>
    /// The entry that commits to a file's SHA-256 (an issued document's QR code leads here), found through the
    /// attachment index the sequencer writes with each entry; the latest such entry when several name the file.
    /// </summary>
    public async Task<ProofReport> ForAttachmentAsync(byte[] sha256, CancellationToken ct)
    {
        var index = await db.Attachments.AsNoTracking().Where(a => a.Hash == sha256).OrderByDescending(a => a.EntryIndex).Select(a => (long?)a.EntryIndex).FirstOrDefaultAsync(ct);
        var eventId = index is { } i ? await db.Entries.AsNoTracking().Where(e => e.Index == i).Select(e => (Guid?)e.EventId).SingleOrDefaultAsync(ct) : null;
        return eventId is { } id
            ? await ForEventAsync(id, ct)
            : new ProofReport(false, "未在日志中找到该文书的哈希值：文书可能已被改动，或刚刚制作（通常在1秒内记入日志，请稍后再试）。", null, null, 0, string.Empty, [], null);
    }

    public async Task<ProofReport> CheckAsync(TlogProof proof, CancellationToken ct)
    {
        Checkpoint checkpoint;
        try
        {
            checkpoint = Checkpoint.Parse(SignedNote.Open(proof.Checkpoint, [keys.Signer.Verifier]).Text);
        }
        catch (Exception e) when (e is NoteException or FormatException)
        {
            return Fail(proof, "证明中的检查点没有本日志的有效签名，证明无效。");
        }

        if (proof.ExtraData is null)
        {
            return Fail(proof, "证明文件中没有条目内容，无法核对。");
        }

        LedgerEntry entry;
        try
        {
            entry = LedgerEntry.Decode(proof.ExtraData);
        }
        catch (FormatException)
        {
            return Fail(proof, "证明中的条目格式错误。");
        }

        var root = checkpoint.RootHash.ToArray();
        if (!proof.CheckInclusion(sequencer.Suite, checkpoint.Size, root, sequencer.Suite.LeafHash(proof.ExtraData)))
        {
            return Fail(proof, "包含证明不成立：该条目不在检查点所代表的日志中，或已被改动。");
        }

        var latest = await db.Checkpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstAsync(ct);
        var consistency = await MerkleLog.ProveTree(sequencer.Suite, latest.Size, checkpoint.Size, new DbHashReader(db, cache), ct);
        if (!MerkleLog.CheckTree(sequencer.Suite, consistency, latest.Size, latest.RootHash, checkpoint.Size, root))
        {
            return Fail(proof, "证明所依据的检查点与当前日志不一致：日志的历史可能被篡改。");
        }

        return new ProofReport(true, "已验证：该事件记录在不可篡改的日志中，且未被改动。", proof.Index, entry, checkpoint.Size, Convert.ToBase64String(root), [.. proof.Hashes.Select(Convert.ToBase64String)], proof.Format());
    }

    private static ProofReport Fail(TlogProof proof, string why) =>
        new(false, why, proof.Index, null, 0, string.Empty, [.. proof.Hashes.Select(Convert.ToBase64String)], null);
}
