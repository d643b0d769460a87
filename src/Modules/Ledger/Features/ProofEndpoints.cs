using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Ledger.Persistence;
using Sanxiang.Ledger.Sequencing;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Ledger.Features;

/// <summary>
/// Proofs for anyone, against the latest signed checkpoint: an inclusion proof for an event as a C2SP
/// tlog-proof file (c2sp.org/tlog-proof@v1, the encoded entry as its extra data so the file is
/// self-contained), and a consistency proof between two tree sizes (RFC 9162 §2.1.4, base64 lines).
/// </summary>
internal static class ProofEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var proofs = app.MapGroup(LogEndpoints.Prefix + "/proof").AllowAnonymous().WithTags("Ledger");
        proofs.MapGet("/event/{eventId:guid}", async (Guid eventId, LedgerDbContext db, Sequencer sequencer, StoredHashCache cache, CancellationToken ct) =>
        {
            var entry = await db.Entries.AsNoTracking().Where(e => e.EventId == eventId).Select(e => new { e.Index, e.Data }).SingleOrDefaultAsync(ct);
            var checkpoint = await db.Checkpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstOrDefaultAsync(ct);
            if (entry is null || checkpoint is null)
            {
                return Results.Problem(title: "未找到", detail: "该事件尚未记入日志（通常在1秒内记入），或不存在", statusCode: StatusCodes.Status404NotFound);
            }

            var hashes = await MerkleLog.ProveRecord(sequencer.Suite, checkpoint.Size, entry.Index, new DbHashReader(db, cache), ct);
            var proof = new TlogProof(entry.Index, hashes, checkpoint.Note, entry.Data);
            return Results.Text(proof.Format(), "text/plain; charset=utf-8");
        });
        proofs.MapGet("/consistency", async (long old, long? @new, LedgerDbContext db, Sequencer sequencer, StoredHashCache cache, CancellationToken ct) =>
        {
            var latest = await db.Checkpoints.AsNoTracking().MaxAsync(c => (long?)c.Size, ct) ?? 0;
            var size = @new ?? latest;
            if (old < 0 || old > size || size > latest)
            {
                return Results.Problem(title: "参数错误", detail: $"须满足 0 ≤ old ≤ new ≤ {latest}（最新检查点的条目数）", statusCode: StatusCodes.Status400BadRequest);
            }

            var hashes = await MerkleLog.ProveTree(sequencer.Suite, size, old, new DbHashReader(db, cache), ct);
            return Results.Text(string.Concat(hashes.Select(h => Convert.ToBase64String(h) + "\n")), "text/plain; charset=utf-8");
        });
    }
}
