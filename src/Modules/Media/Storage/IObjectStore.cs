namespace Sanxiang.Media.Storage;

/// <summary>
/// Where media objects live, content-addressed by their SHA-256 (lowercase hex): a local or mounted directory
/// (<see cref="LocalObjectStore"/>, the default) or an S3-compatible object store. An object is written once, from a
/// complete staged file whose hash was computed as it streamed in, and is never changed; it is either complete under
/// its key or absent (GB118-REC-4).
/// </summary>
internal interface IObjectStore
{
    /// <summary>"local" or "s3": shown to administrators and recorded with each object.</summary>
    string Kind { get; }

    /// <summary>The object's size, or null when there is no such object.</summary>
    Task<long?> SizeAsync(string sha256, CancellationToken ct = default);

    /// <summary>
    /// Stores the complete staged file under <paramref name="sha256"/> and removes the staged file. Returns false (and
    /// removes the staged file) when the object already exists: a second upload of the same bytes stores nothing new.
    /// </summary>
    Task<bool> PutAsync(string sha256, string stagedPath, long length, CancellationToken ct = default);

    /// <summary>Reads <paramref name="count"/> bytes (null: to the end) from <paramref name="offset"/>; throws FileNotFoundException when absent.</summary>
    Task<Stream> OpenReadAsync(string sha256, long offset = 0, long? count = null, CancellationToken ct = default);

    /// <summary>Removes the object (retention policy only); no error when it is already gone.</summary>
    Task DeleteAsync(string sha256, CancellationToken ct = default);

    /// <summary>The keys of every stored object (the scrub walks them).</summary>
    IAsyncEnumerable<string> ListAsync(CancellationToken ct = default);

    /// <summary>The object's file when the store is a local directory (served with sendfile); null otherwise.</summary>
    string? LocalPath(string sha256);
}

/// <summary>Object keys: 64 lowercase hex digits, nothing else reaches a path or a bucket key.</summary>
internal static class ObjectKeys
{
    public static bool IsValid(string? sha256) => sha256 is { Length: 64 } && sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public static string Require(string sha256) => IsValid(sha256) ? sha256 : throw new ArgumentException("not a lowercase SHA-256 hex key", nameof(sha256));

    /// <summary>"ab/cd/abcd…": two levels of 256 folders keep directories small at millions of objects.</summary>
    public static string RelativePath(string sha256) => $"{sha256[..2]}/{sha256[2..4]}/{Require(sha256)}";
}
