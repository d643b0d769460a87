namespace Sanxiang.Tlog.Tree;

/// <summary>
/// Reads stored hashes by their stored hash index (see <see cref="MerkleLog.StoredHashIndex"/>), like the
/// <c>HashReader</c> of Go's golang.org/x/mod/sumdb/tlog. The provers ask for every hash a proof needs in a
/// single call, so an implementation backed by a database should answer the whole batch in one query.
/// </summary>
public interface IHashReader
{
    /// <summary>
    /// Returns the hashes stored at <paramref name="indexes"/>, in the same order, each
    /// <see cref="HashSuite.Size"/> bytes long. Must fail rather than return fewer hashes.
    /// </summary>
    ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken);
}
