using System.Text.Json;

namespace Sanxiang.Tlog.Witness;

/// <summary>What a witness remembers of one log: the size and root hash of the latest checkpoint it cosigned.</summary>
public sealed record WitnessLogState(long Size, string RootHash)
{
    public byte[] RootHashBytes => Convert.FromBase64String(RootHash);
}

/// <summary>
/// A witness's memory, per log origin. A witness that loses it could be made to cosign a fork, so a durable store
/// must only return once the new state is safely written.
/// </summary>
public interface IWitnessStore
{
    /// <summary>The state of the log, or null if the witness has not cosigned any of its checkpoints.</summary>
    WitnessLogState? Get(string origin);

    /// <summary>Replaces the state of the log.</summary>
    void Set(string origin, WitnessLogState state);
}

/// <summary>Keeps the witness's state in memory (tests, or a witness that is fine to forget on restart).</summary>
public sealed class MemoryWitnessStore : IWitnessStore
{
    private readonly Dictionary<string, WitnessLogState> _states = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public WitnessLogState? Get(string origin)
    {
        lock (_lock)
        {
            return _states.GetValueOrDefault(origin);
        }
    }

    public void Set(string origin, WitnessLogState state)
    {
        lock (_lock)
        {
            _states[origin] = state;
        }
    }
}

/// <summary>
/// Keeps the witness's state in a JSON file (origin → size and base64 root), rewritten through a temporary file
/// and an atomic rename on every change.
/// </summary>
public sealed class JsonFileWitnessStore : IWitnessStore
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly string _path;
    private readonly Dictionary<string, WitnessLogState> _states;
    private readonly Lock _lock = new();

    public JsonFileWitnessStore(string path)
    {
        _path = Path.GetFullPath(path);
        _states = File.Exists(_path)
            ? JsonSerializer.Deserialize<Dictionary<string, WitnessLogState>>(File.ReadAllText(_path), Json) ?? []
            : [];
    }

    public WitnessLogState? Get(string origin)
    {
        lock (_lock)
        {
            return _states.GetValueOrDefault(origin);
        }
    }

    public void Set(string origin, WitnessLogState state)
    {
        lock (_lock)
        {
            _states[origin] = state;
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temporary = _path + ".tmp";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, _states, Json);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, _path, overwrite: true);
        }
    }
}
