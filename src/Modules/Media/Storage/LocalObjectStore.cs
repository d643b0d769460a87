using System.Runtime.CompilerServices;

namespace Sanxiang.Media.Storage;

/// <summary>
/// Objects as read-only files under a local or mounted directory (works on a distributed file system mount such as
/// NFS or CephFS). A put renames the staged file into place (on the same file system: atomic; otherwise it is copied to
/// a temporary name in the target folder first and then renamed), so an object is complete or absent, never partial.
/// </summary>
internal sealed class LocalObjectStore(string root) : IObjectStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Kind => "local";

    public string? LocalPath(string sha256) => Path.Combine(Root, ObjectKeys.RelativePath(sha256));

    public Task<long?> SizeAsync(string sha256, CancellationToken ct = default)
    {
        var info = new FileInfo(LocalPath(sha256)!);
        return Task.FromResult(info.Exists ? info.Length : (long?)null);
    }

    public async Task<bool> PutAsync(string sha256, string stagedPath, long length, CancellationToken ct = default)
    {
        var target = LocalPath(sha256)!;
        if (File.Exists(target))
        {
            File.Delete(stagedPath);
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            if (SameDevice(stagedPath, target))
            {
                File.Move(stagedPath, temporary);
            }
            else
            {
                await using (var source = new FileStream(stagedPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan | FileOptions.Asynchronous))
                await using (var copy = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous))
                {
                    await source.CopyToAsync(copy, 1 << 20, ct);
                    copy.Flush(flushToDisk: true);
                }

                File.Delete(stagedPath);
            }

            if (new FileInfo(temporary).Length != length)
            {
                throw new IOException($"staged object {sha256} has the wrong length");
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead); // read-only, owner only (issue 15)
            }

            File.Move(temporary, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target) && !File.Exists(temporary))
        {
            // Another upload of the same bytes won the race: same content, nothing new to store.
            File.Delete(stagedPath);
            return false;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public Task<Stream> OpenReadAsync(string sha256, long offset = 0, long? count = null, CancellationToken ct = default)
    {
        var stream = new FileStream(LocalPath(sha256)!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        stream.Seek(offset, SeekOrigin.Begin);
        return Task.FromResult<Stream>(count is null ? stream : new BoundedStream(stream, count.Value));
    }

    public Task DeleteAsync(string sha256, CancellationToken ct = default)
    {
        var path = LocalPath(sha256)!;
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<string> ListAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            var name = Path.GetFileName(file);
            if (ObjectKeys.IsValid(name))
            {
                yield return name;
            }
        }

        await Task.CompletedTask;
    }

    private static bool SameDevice(string a, string b)
    {
        // Same mount point root: rename is atomic and free; otherwise copy. Path.GetPathRoot is "/" on Linux, so
        // compare the mount the two directories live on.
        return MountOf(Path.GetFullPath(a)) == MountOf(Path.GetDirectoryName(Path.GetFullPath(b))!);
    }

    private static string MountOf(string path)
    {
        var best = "/";
        foreach (var drive in DriveInfo.GetDrives())
        {
            var name = drive.Name.TrimEnd('/') + "/";
            if ((path + "/").StartsWith(name, StringComparison.Ordinal) && name.Length > best.Length)
            {
                best = name;
            }
        }

        return best;
    }
}

/// <summary>A read-only view of the next <c>count</c> bytes of a stream (a byte range); disposing it disposes the stream and its owner (e.g. the HTTP response it comes from).</summary>
internal sealed class BoundedStream(Stream inner, long count, IDisposable? owner = null) : Stream
{
    private readonly long _count = count;
    private long _left = count;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _count;

    public override long Position
    {
        get => _count - _left;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int length) => Read(buffer.AsSpan(offset, length));

    public override int Read(Span<byte> buffer)
    {
        if (_left <= 0)
        {
            return 0;
        }

        var n = inner.Read(buffer[..(int)Math.Min(buffer.Length, _left)]);
        _left -= n;
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_left <= 0)
        {
            return 0;
        }

        var n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _left)], cancellationToken);
        _left -= n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int length, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, length), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int length) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            owner?.Dispose();
        }

        base.Dispose(disposing);
    }
}
