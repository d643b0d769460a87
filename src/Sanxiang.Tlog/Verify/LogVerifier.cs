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
        var stack = new Stack<(byte[] Hash, int Height)>();
        var upper = new List<List<byte[]>>(); // upper[k] = perfect-subtree hashes of height 8(k+1), left to right
        for (long start = 0; start < size; start += Tile.FullWidth)
        {
            var width = (int)Math.Min(Tile.FullWidth, size - start);
            var tile = new Tile(0, start / Tile.FullWidth, width);
            var bundle = await fetch(tile.ToEntries().Path, ct);
            List<byte[]> entries;
            try
            {
                entries = bundle is null ? [] : EntryBundle.Decode(bundle);
            }
            catch (FormatException)
            {
                return Bad(size, start, "条目包格式错误");
            }

            var hashes = await fetch(tile.Path, ct);
            for (var i = 0; i < width; i++)
            {
                if (i >= entries.Count)
                {
                    return Bad(size, start + i, "条目缺失");
                }

                var leaf = suite.LeafHash(entries[i]);
                if (hashes is null || hashes.Length != width * HashSuite.Size || !hashes.AsSpan(i * HashSuite.Size, HashSuite.Size).SequenceEqual(leaf))
                {
                    return Bad(size, start + i, "条目与已存储的叶哈希不一致（条目或哈希被改动、删除、插入或调换）");
                }

                Push(suite, stack, upper, leaf);
            }

            if (entries.Count != width)
            {
                return Bad(size, start + width, "条目包中的条目多于应有数量");
            }
        }

        for (var k = 0; k < upper.Count; k++)
        {
            var bad = await CheckUpperTilesAsync(fetch, k + 1, upper[k], ct);
            if (bad is { } node)
            {
                return Bad(size, node << (Tile.Height * (k + 1)), $"第{k + 1}层哈希瓦片被改动");
            }
        }

        var root = Root(suite, stack);
        return root.AsSpan().SequenceEqual(checkpoint.RootHash.Span)
            ? new VerificationResult(true, size, null, $"日志完整：{size} 个条目与已签名检查点一致")
            : new VerificationResult(false, size, null, "由条目重新计算的根哈希与已签名检查点不一致");
    }

    private static VerificationResult Bad(long size, long index, string why) => new(false, size, index, $"第 {index} 号条目处发现篡改：{why}");

    private static void Push(HashSuite suite, Stack<(byte[] Hash, int Height)> stack, List<List<byte[]>> upper, byte[] leaf)
    {
        var node = (Hash: leaf, Height: 0);
        while (stack.Count > 0 && stack.Peek().Height == node.Height)
        {
            var left = stack.Pop();
            node = (suite.NodeHash(left.Hash, node.Hash), node.Height + 1);
            if (node.Height % Tile.Height == 0)
            {
                var level = (node.Height / Tile.Height) - 1;
                while (upper.Count <= level)
                {
                    upper.Add([]);
                }

                upper[level].Add(node.Hash);
            }
        }

        stack.Push(node);
    }

    private static byte[] Root(HashSuite suite, Stack<(byte[] Hash, int Height)> stack)
    {
        if (stack.Count == 0)
        {
            return suite.Hash([]);
        }

        // The stack holds perfect subtrees, largest first from the bottom: fold right to left (MTH).
        var nodes = stack.ToArray(); // top (rightmost, smallest) first
        var root = nodes[0].Hash;
        for (var i = 1; i < nodes.Length; i++)
        {
            root = suite.NodeHash(nodes[i].Hash, root);
        }

        return root;
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
