using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Ledger.Persistence;
using Sanxiang.Ledger.Sequencing;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Ledger.Features;

/// <summary>
/// The log over HTTP in the C2SP tlog-tiles layout, public and unauthenticated: anyone may verify.
/// <c>/ledger/checkpoint</c> (never cached), <c>/ledger/tile/L/N[.p/W]</c> hash tiles and
/// <c>/ledger/tile/entries/N[.p/W]</c> entry bundles; full tiles never change and are cached as immutable.
/// </summary>
internal static class LogEndpoints
{
    public const string Prefix = "/ledger";

    public static void Map(IEndpointRouteBuilder app)
    {
        var log = app.MapGroup(Prefix).AllowAnonymous().WithTags("Ledger");
        // The latest checkpoint, with the cosignatures witnesses have given it so far (C2SP clients skip unknown keys).
        log.MapGet("/checkpoint", async (LedgerDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var latest = await db.Checkpoints.AsNoTracking().OrderByDescending(c => c.Size).Select(c => new { c.Size, c.Note }).FirstOrDefaultAsync(ct);
            http.Response.Headers.CacheControl = "no-cache";
            return latest is null ? Results.NotFound() : Results.Text(await WithCosignaturesAsync(db, latest.Size, latest.Note, ct), "text/plain; charset=utf-8");
        });

        // The latest checkpoint that at least one witness has cosigned.
        log.MapGet("/checkpoint/cosigned", async (LedgerDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var size = await db.Cosignatures.MaxAsync(c => (long?)c.Size, ct);
            var note = size is null ? null : await db.Checkpoints.AsNoTracking().Where(c => c.Size == size).Select(c => c.Note).FirstOrDefaultAsync(ct);
            http.Response.Headers.CacheControl = "no-cache";
            return note is null ? Results.NotFound() : Results.Text(await WithCosignaturesAsync(db, size!.Value, note, ct), "text/plain; charset=utf-8");
        });
        log.MapGet("/verifier-key", (LedgerKeys keys) => Results.Text(keys.VerifierKey + "\n", "text/plain; charset=utf-8"));
        log.MapGet("/verifier-key-sm2", (LedgerKeys keys) =>
            keys.Sm2Signer is { } sm2 ? Results.Text(sm2.Verifier.VerifierKey + "\n", "text/plain; charset=utf-8") : Results.NotFound());
        log.MapGet("/tile/{**path}", async (string path, LedgerDbContext db, StoredHashCache cache, HttpContext http, CancellationToken ct) =>
        {
            if (!Tile.TryParsePath("tile/" + path, out var tile))
            {
                return Results.NotFound();
            }

            var size = await db.Checkpoints.MaxAsync(c => (long?)c.Size, ct) ?? 0;
            var bytes = tile.IsEntries ? await EntryBundleAsync(db, tile, size, ct) : await HashTileAsync(db, cache, tile, size, ct);
            if (bytes is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = tile.IsPartial ? "public, max-age=5" : "public, max-age=31536000, immutable";
            return Results.Bytes(bytes, "application/octet-stream");
        });
    }

    private static async Task<string> WithCosignaturesAsync(LedgerDbContext db, long size, string note, CancellationToken ct)
    {
        var lines = await db.Cosignatures.AsNoTracking().Where(c => c.Size == size).OrderBy(c => c.Witness).Select(c => c.Line).ToListAsync(ct);
        return lines.Aggregate(note, (text, line) => text + line + "\n");
    }

    /// <summary>
    /// Whether the tree of the given size has this tile (tlog-tiles): a tile of level L holds nodes of tree
    /// level 8L, of which the tree has size &gt;&gt; 8L; a full tile needs all 256 of its nodes. A partial tile of
    /// width W is served whenever its first W nodes exist, also after the tree grew past W, so a client holding an
    /// older checkpoint can still fetch what it asks for (stored hashes never change).
    /// </summary>
    internal static bool TileExists(Tile tile, long size)
    {
        var level = tile.IsEntries ? 0 : tile.Level;
        var nodes = level * Tile.Height >= 63 ? 0 : size >> (level * Tile.Height);
        var start = tile.Index * Tile.FullWidth;
        return start + tile.Width <= nodes;
    }

    private static async Task<byte[]?> HashTileAsync(LedgerDbContext db, StoredHashCache cache, Tile tile, long size, CancellationToken ct)
    {
        // The tile exists only if the tree of the latest checkpoint covers it at exactly this width.
        if (!TileExists(tile, size))
        {
            return null;
        }

        return await Tiles.ReadTileData(tile, new DbHashReader(db, cache), ct);
    }

    private static async Task<byte[]?> EntryBundleAsync(LedgerDbContext db, Tile tile, long size, CancellationToken ct)
    {
        if (!TileExists(tile, size))
        {
            return null;
        }

        var first = tile.Index * Tile.FullWidth;
        var last = first + tile.Width;
        var data = await db.Entries.AsNoTracking().Where(e => e.Index >= first && e.Index < last).OrderBy(e => e.Index).Select(e => e.Data).ToListAsync(ct);

        // Served as stored, even if rows went missing: a verifier then finds the first index that no longer matches.
        return EntryBundle.Encode(data);
    }
}
