using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Ledger.Persistence;
using Sanxiang.Ledger.Sequencing;
using Sanxiang.Tlog;
using Sanxiang.Tlog.Note;
using Sanxiang.Tlog.Tree;
using Sanxiang.Tlog.Verify;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The ledger over the real database (SQLite or PostgreSQL): every committed domain event is integrated, the
/// published log verifies against its signed checkpoint, and any entry or stored hash altered, deleted,
/// reordered or inserted directly in the database makes the verifier fail and name the index (GB118-REC-4).
/// Each test restores what it tampered with, so the next one starts from an intact log.
/// </summary>
public sealed class LedgerTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    [Fact]
    public async Task EveryDemoEvent_IsInTheLog_AndTheLogVerifies()
    {
        await IntegrateAllAsync();
        var result = await VerifyAsync();
        result.Ok.ShouldBeTrue(result.Message);
        await using var scope = app.Scope();
        var entries = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Entries.CountAsync();
        result.TreeSize.ShouldBe(entries);
        entries.ShouldBeGreaterThan(50, "the demo county's agencies, officers and powers");
    }

    [Fact]
    public async Task TheCheckpoint_IsASignedC2spNote_AndFullTilesAreImmutable()
    {
        await IntegrateAllAsync();
        var client = app.NewClient();
        var note = await client.GetStringAsync("/ledger/checkpoint");
        var key = NoteKeys.ParseVerifier((await client.GetStringAsync("/ledger/verifier-key")).Trim());
        var checkpoint = Checkpoint.Parse(SignedNote.Open(note, [key]).Text);
        checkpoint.Origin.ShouldBe("sanxiang.localhost/ledger/sha256");
        using var partial = await client.GetAsync(new Tile(0, 0, (int)Math.Min(256, checkpoint.Size)).Path.Insert(0, "/ledger/"));
        partial.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var missing = await client.GetAsync("/ledger/tile/0/999");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnEvent_HasAnInclusionProof_AndCheckpointsAreConsistent()
    {
        await IntegrateAllAsync();
        var client = app.NewClient();
        var key = NoteKeys.ParseVerifier((await client.GetStringAsync("/ledger/verifier-key")).Trim());
        var before = Checkpoint.Parse(SignedNote.Open(await client.GetStringAsync("/ledger/checkpoint"), [key]).Text);

        // A change by a head: one committed event, integrated into the log.
        var head = await (await app.SignedInAsync("head.market")).WithAntiforgeryHeaderAsync();
        var own = await RegistrySnapshot.ReadAsync(app, Sanxiang.Registry.Contracts.DemoAgencies.MarketRegulation);
        using (var change = await head.PostJsonAsync($"/api/registry/officers/{own.FirstOfficer}/training", new { year = 2026, hours = 40 }))
        {
            change.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        await IntegrateAllAsync();
        Guid eventId;
        await using (var scope = app.Scope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<Sanxiang.Registry.Persistence.RegistryDbContext>();
            eventId = await registry.Outbox.OrderByDescending(m => m.Sequence).Select(m => m.Id).FirstAsync();
        }

        var proof = TlogProof.Parse(await client.GetStringAsync($"/ledger/proof/event/{eventId}"));
        var after = Checkpoint.Parse(SignedNote.Open(proof.Checkpoint, [key]).Text);
        proof.CheckInclusion(HashSuite.Sha256, after.Size, after.RootHash.Span, HashSuite.Sha256.LeafHash(proof.ExtraData!)).ShouldBeTrue();
        proof.CheckInclusion(HashSuite.Sha256, after.Size, after.RootHash.Span, HashSuite.Sha256.LeafHash([.. proof.ExtraData!, 0])).ShouldBeFalse();

        var lines = (await client.GetStringAsync($"/ledger/proof/consistency?old={before.Size}&new={after.Size}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        MerkleLog.CheckTree(HashSuite.Sha256, [.. lines.Select(Convert.FromBase64String)], after.Size, after.RootHash.Span, before.Size, before.RootHash.Span).ShouldBeTrue();

        using var unknown = await client.GetAsync($"/ledger/proof/event/{Guid.NewGuid()}");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var badRange = await client.GetAsync($"/ledger/proof/consistency?old={after.Size + 1}");
        badRange.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnAlteredEntry_FailsVerification_AtItsIndex() =>
        await TamperAsync(5, async db =>
        {
            var row = await db.Entries.SingleAsync(e => e.Index == 5);
            var original = row.Data;
            row.Data = [.. original];
            row.Data[^1] ^= 0x01;
            return async restore => (await restore.Entries.SingleAsync(e => e.Index == 5)).Data = original;
        });

    [Fact]
    public async Task ADeletedEntry_FailsVerification_AtItsIndex() =>
        await TamperAsync(7, async db =>
        {
            var row = await db.Entries.AsNoTracking().SingleAsync(e => e.Index == 7);
            db.Entries.Remove(await db.Entries.SingleAsync(e => e.Index == 7));
            return restore =>
            {
                restore.Entries.Add(row);
                return Task.CompletedTask;
            };
        });

    [Fact]
    public async Task ReorderedEntries_FailVerification_AtTheFirstMovedIndex() =>
        await TamperAsync(3, async db =>
        {
            var a = await db.Entries.SingleAsync(e => e.Index == 3);
            var b = await db.Entries.SingleAsync(e => e.Index == 4);
            (a.Data, b.Data) = (b.Data, a.Data);
            return async restore =>
            {
                var x = await restore.Entries.SingleAsync(e => e.Index == 3);
                var y = await restore.Entries.SingleAsync(e => e.Index == 4);
                (x.Data, y.Data) = (y.Data, x.Data);
            };
        });

    [Fact]
    public async Task AnInsertedEntry_FailsVerification_AtTheInsertionIndex() =>
        await TamperAsync(10, async db =>
        {
            // Insert a forged entry at index 10 and shift the rest of the first tile up by one.
            var rows = await db.Entries.Where(e => e.Index >= 10 && e.Index < 40).OrderBy(e => e.Index).ToListAsync();
            var originals = rows.Select(r => r.Data).ToList();
            for (var i = rows.Count - 1; i > 0; i--)
            {
                rows[i].Data = originals[i - 1];
            }

            rows[0].Data = [.. originals[0]];
            rows[0].Data[^2] ^= 0x40;
            return async restore =>
            {
                var again = await restore.Entries.Where(e => e.Index >= 10 && e.Index < 40).OrderBy(e => e.Index).ToListAsync();
                for (var i = 0; i < again.Count; i++)
                {
                    again[i].Data = originals[i];
                }
            };
        });

    [Fact]
    public async Task AnAlteredStoredHash_FailsVerification_AtItsIndex() =>
        await TamperAsync(6, async db =>
        {
            var index = MerkleLog.StoredHashIndex(0, 6);
            var row = await db.Hashes.SingleAsync(h => h.Index == index);
            var original = row.Hash;
            row.Hash = new byte[32];
            return async restore => (await restore.Hashes.SingleAsync(h => h.Index == index)).Hash = original;
        });

    private async Task TamperAsync(long expectedIndex, Func<LedgerDbContext, Task<Func<LedgerDbContext, Task>>> tamper)
    {
        await IntegrateAllAsync();
        (await VerifyAsync()).Ok.ShouldBeTrue("the log is intact before tampering");
        Func<LedgerDbContext, Task> restore;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            restore = await tamper(db);
            await db.SaveChangesAsync();
        }

        var result = await VerifyAsync();
        result.Ok.ShouldBeFalse();
        result.FirstBadIndex.ShouldBe(expectedIndex, result.Message);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            await restore(db);
            await db.SaveChangesAsync();
        }

        (await VerifyAsync()).Ok.ShouldBeTrue("restoring the rows restores the log");
    }

    private async Task IntegrateAllAsync()
    {
        var sequencer = app.Services.GetRequiredService<Sequencer>();
        while (await sequencer.IntegrateOnceAsync() > 0)
        {
        }
    }

    private async Task<VerificationResult> VerifyAsync()
    {
        var client = app.NewClient();
        var key = NoteKeys.ParseVerifier((await client.GetStringAsync("/ledger/verifier-key")).Trim());
        return await LogVerifier.VerifyAsync(
            async (path, ct) =>
            {
                using var response = await client.GetAsync("/ledger/" + path, ct);
                return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(ct) : null;
            },
            key,
            HashSuite.Sha256);
    }
}
