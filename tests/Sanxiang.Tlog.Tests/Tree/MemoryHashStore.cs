using Sanxiang.Tlog.Tree;

namespace Sanxiang.Tlog.Tests.Tree;

/// <summary>Stored hashes in a list, appended with <see cref="MerkleLog.StoredHashes"/>; counts reads.</summary>
internal sealed class MemoryHashStore : IHashReader
{
    private readonly List<byte[]> _hashes = [];

    public MemoryHashStore(HashSuite suite) => Suite = suite;

    public HashSuite Suite { get; }

    public List<byte[]> LeafHashes { get; } = [];

    public long Size => LeafHashes.Count;

    public int Calls { get; private set; }

    public int HashesRead { get; private set; }

    public long MaxIndexRead { get; private set; } = -1;

    public IReadOnlyList<byte[]> Hashes => _hashes;

    public static MemoryHashStore WithRecords(HashSuite suite, int count)
    {
        var store = new MemoryHashStore(suite);
        for (var i = 0; i < count; i++)
        {
            store.Append(Record(i));
        }

        return store;
    }

    /// <summary>Distinct record contents, so that distinct leaves have distinct hashes.</summary>
    public static byte[] Record(int i) => System.Text.Encoding.UTF8.GetBytes($"record {i}");

    public void Append(byte[] data)
    {
        _hashes.Count.ShouldBe((int)MerkleLog.StoredHashCount(Size));
        var added = Sync(MerkleLog.StoredHashes(Suite, Size, data, this));
        LeafHashes.Add(Suite.LeafHash(data));
        _hashes.AddRange(added);
        _hashes.Count.ShouldBe((int)MerkleLog.StoredHashCount(Size));
    }

    /// <summary>The result of an operation over this store, which never waits, so it completes synchronously.</summary>
    public static T Sync<T>(ValueTask<T> task) =>
        task.IsCompletedSuccessfully ? task.Result : throw new InvalidOperationException("Expected a synchronous completion.");

    public void ResetCounters()
    {
        Calls = 0;
        HashesRead = 0;
        MaxIndexRead = -1;
    }

    public ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken)
    {
        Calls++;
        HashesRead += indexes.Count;
        var result = new byte[indexes.Count][];
        for (var i = 0; i < indexes.Count; i++)
        {
            MaxIndexRead = Math.Max(MaxIndexRead, indexes[i]);
            result[i] = _hashes[(int)indexes[i]];
        }

        return ValueTask.FromResult<IReadOnlyList<byte[]>>(result);
    }
}
