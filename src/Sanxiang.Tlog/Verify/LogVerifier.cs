using Sanxiang.Tlog.Note;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Tlog.Verify;

/// <summary>The outcome of verifying a whole log: OK, or the first index at which it was found altered.</summary>
public sealed record VerificationResult(bool Ok, long TreeSize, long? FirstBadIndex, string Message);

/// <summary>
/// Verifies a log published in the C2SP tlog-tiles layout against its signed checkpoint: the checkpoint's
/// signature, every entry bundle, every hash tile (levels 0, 1, 2, …) and the root recomputed from the entries.
/// Reports the first index at which an entry or a stored hash was altered, removed, reordered or inserted.
/// Memory stays small: the root is computed with a stack of perfect subtrees (RFC 9162 §2.1.1), and only the
/// nodes that tiles above level 0 publish are kept.
/// </summary>
public static class LogVerifier
{
    /// <param name="fetch">Fetches a path relative to the log's prefix ("checkpoint", "tile/0/000"); null when absent.</param>
    public static async Task<VerificationResult> VerifyAsync(Func<string, CancellationToken, Task<byte[]?>> fetch, INoteVerifier key, HashSuite suite, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(suite);
        var noteBytes = await fetch("checkpoint", ct);
        if (noteBytes is null)
        {
            return new VerificationResult(false, 0, null, "没有检查点（checkpoint）");
        }

        Checkpoint checkpoint;
        try
        {
            checkpoint = Checkpoint.Parse(SignedNote.Open(noteBytes, [key]).Text);
        }
        catch (Exception e) when (e is NoteException or FormatException)
        {
            return new VerificationResult(false, 0, null, $"检查点签名无效：{e.Message}");
        }

        var size = checkpoint.Size;
        var frontier = new Frontier(suite);
        var ranges = new List<Range>(Tile.FullWidth);
        for (long start = 0; start < size; start += Tile.FullWidth)
        {
            var width = (int)Math.Min(Tile.FullWidth, size - start);
            var tile = new Tile(0, start / Tile.FullWidth, width);
            var bundle = await fetch(tile.ToEntries().Path, ct);
            var hashes = await fetch(tile.Path, ct);
            var (bad, why) = CheckTile(frontier, ranges, bundle, hashes, width);
            if (why is not null)
            {
                return Bad(size, start + bad, why);
            }
        }

        for (var k = 0; k < frontier.Upper.Count; k++)
        {
            var bad = await CheckUpperTilesAsync(fetch, k + 1, frontier.Upper[k], ct);
            if (bad is { } node)
            {
                return Bad(size, node << (Tile.Height * (k + 1)), $"第{k + 1}层哈希瓦片被改动");
            }
        }

        var root = frontier.Root();
        return root.AsSpan().SequenceEqual(checkpoint.RootHash.Span)
            ? new VerificationResult(true, size, null, $"日志完整：{size} 个条目与已签名检查点一致")
            : new VerificationResult(false, size, null, "由条目重新计算的根哈希与已签名检查点不一致");
    }

    private static VerificationResult Bad(long size, long index, string why) => new(false, size, index, $"第 {index} 号条目处发现篡改：{why}");

    /// <summary>
    /// Checks one level 0 tile: each entry's leaf hash against the published tile, pushing it onto the frontier.
    /// Returns the offset of the first bad entry in the tile and why, or a null reason when the tile is intact.
    /// </summary>
    private static (int Offset, string? Why) CheckTile(Frontier frontier, List<Range> ranges, byte[]? bundle, byte[]? hashes, int width)
    {
        try
        {
            EntryBundle.Split(bundle, ranges);
        }
        catch (FormatException)
        {
            return (0, "条目包格式错误");
        }

        Span<byte> leaf = stackalloc byte[HashSuite.Size];
        for (var i = 0; i < width; i++)
        {
            if (i >= ranges.Count)
            {
                return (i, "条目缺失");
            }

            frontier.Suite.LeafHash(bundle.AsSpan(ranges[i]), leaf);
            if (hashes is null || hashes.Length != width * HashSuite.Size || !hashes.AsSpan(i * HashSuite.Size, HashSuite.Size).SequenceEqual(leaf))
            {
                return (i, "条目与已存储的叶哈希不一致（条目或哈希被改动、删除、插入或调换）");
            }

            frontier.Push(leaf);
        }

        return ranges.Count != width ? (width, "条目包中的条目多于应有数量") : (0, null);
    }

    private static async Task<long?> CheckUpperTilesAsync(Func<string, CancellationToken, Task<byte[]?>> fetch, int level, List<byte[]> nodes, CancellationToken ct)
    {
        for (var start = 0; start < nodes.Count; start += Tile.FullWidth)
        {
            var width = Math.Min(Tile.FullWidth, nodes.Count - start);
            var data = await fetch(new Tile(level, start / Tile.FullWidth, width).Path, ct);
            for (var i = 0; i < width; i++)
            {
                if (data is null || data.Length != width * HashSuite.Size || !data.AsSpan(i * HashSuite.Size, HashSuite.Size).SequenceEqual(nodes[start + i]))
                {
                    return start + i;
                }
            }
        }

        return null;
    }
}

/// <summary>
/// The perfect subtrees of the entries verified so far (RFC 9162 §2.1.1), largest first, in fixed buffers; and
/// the nodes at each tile level above 0 (tree levels 8, 16, …), which the published upper tiles must hold.
/// </summary>
internal sealed class Frontier(HashSuite suite)
{
    // A tree of fewer than 2^63 entries has at most 63 perfect subtrees; one more slot for the node being merged.
    private readonly byte[] _hashes = new byte[65 * HashSuite.Size];
    private readonly int[] _heights = new int[65];
    private int _count;

    public HashSuite Suite => suite;

    /// <summary>Upper[k]: hashes of the perfect subtrees of height 8(k+1), left to right.</summary>
    public List<List<byte[]>> Upper { get; } = [];

    public void Push(ReadOnlySpan<byte> leaf)
    {
        leaf.CopyTo(Slot(_count));
        var height = 0;
        while (_count > 0 && _heights[_count - 1] == height)
        {
            var left = Slot(_count - 1);
            suite.NodeHash(left, Slot(_count), left);
            _count--;
            height++;
            if (height % Tile.Height == 0)
            {
                var level = (height / Tile.Height) - 1;
                while (Upper.Count <= level)
                {
                    Upper.Add([]);
                }

                Upper[level].Add(left.ToArray());
            }
        }

        _heights[_count++] = height;
    }

    /// <summary>MTH of everything pushed: the perfect subtrees folded right to left; the empty tree's hash when none.</summary>
    public byte[] Root()
    {
        if (_count == 0)
        {
            return suite.Hash([]);
        }

        var root = Slot(_count - 1).ToArray();
        for (var i = _count - 2; i >= 0; i--)
        {
            suite.NodeHash(Slot(i), root, root);
        }

        return root;
    }

    private Span<byte> Slot(int i) => _hashes.AsSpan(i * HashSuite.Size, HashSuite.Size);
}
