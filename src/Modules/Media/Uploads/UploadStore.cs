using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Sanxiang.Tlog.Crypto;

namespace Sanxiang.Media.Uploads;

/// <summary>An upload in progress (a tus resource), kept as <c>info.json</c> beside its staged bytes.</summary>
internal sealed record UploadInfo
{
    public required string Id { get; init; }

    public required Guid AgencyId { get; init; }

    /// <summary>The principal who created it: only it may continue, query or end it.</summary>
    public required string Owner { get; init; }

    public required long Length { get; init; }

    public long Offset { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The validated metadata (filename, filetype, caseId, step, deviceId, officerIds, times, place…).</summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>The SHA-256 running state at <see cref="Offset"/> (null: re-hash the staged bytes on resume).</summary>
    public string? Sha256State { get; init; }

    /// <summary>The SM3 running state at <see cref="Offset"/> when SM3 is computed too.</summary>
    public string? Sm3State { get; init; }

    /// <summary>Set once every byte is in: the content's SHA-256 (and SM3), before the object is stored.</summary>
    public string? Sha256 { get; init; }

    public string? Sm3 { get; init; }

    /// <summary>The media item created from it (set last: the upload is then finished).</summary>
    public Guid? ItemId { get; init; }
}

/// <summary>Why a PATCH was refused; the endpoint turns it into the tus status code and a Chinese ProblemDetails.</summary>
internal sealed class UploadException(int status, string code, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string Title { get; } = title;
}

/// <summary>
/// The staging area of resumable uploads (tus 1.0 core, creation, termination, expiration, checksum). Each upload is a
/// folder with the bytes received so far (<c>data</c>) and <c>info.json</c>: the committed offset and the hash states
/// at that offset. A PATCH streams the body through one pooled buffer into the file and into the running hashes (the
/// file is never read back), then flushes the file to disk and only then commits the new offset and states (written to
/// a temporary file and renamed). Bytes beyond the committed offset — a crash, a refused checksum, a full disk — are cut
/// off before the next append, so the offset always names bytes that are on disk and hashed.
/// </summary>
internal sealed class UploadStore
{
    private const int BufferSize = 1 << 20;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly bool _sm3;

    public UploadStore(string stagingRoot, bool computeSm3)
    {
        Root = Path.GetFullPath(stagingRoot);
        _sm3 = computeSm3;
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string DataPath(string id) => Path.Combine(Root, RequireId(id), "data");

    public async Task<UploadInfo> CreateAsync(UploadInfo info, CancellationToken ct)
    {
        var dir = Path.Combine(Root, RequireId(info.Id));
        Directory.CreateDirectory(dir);
        await using (File.Create(Path.Combine(dir, "data")))
        {
        }

        await SaveAsync(info, ct);
        return info;
    }

    public async Task<UploadInfo?> FindAsync(string id, CancellationToken ct)
    {
        if (!IsId(id))
        {
            return null;
        }

        var path = Path.Combine(Root, id, "info.json");
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<UploadInfo>(stream, Json, ct);
    }

    /// <summary>Serialises the requests of one upload; waits for a PATCH whose client went away to end. Null: still busy.</summary>
    public async Task<IDisposable?> LockAsync(string id, TimeSpan wait, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(wait, ct) ? new Releaser(gate) : null;
    }

    /// <summary>
    /// Appends the request body at the committed offset. <paramref name="checksum"/> (tus checksum extension) is the
    /// expected SHA-256 of this body: on a mismatch nothing is committed (460). When the client goes away mid-body,
    /// what arrived is kept (without a checksum) and the offset moves to it. Call under <see cref="LockAsync"/>.
    /// </summary>
    public async Task<UploadInfo> AppendAsync(UploadInfo info, Stream body, byte[]? checksum, CancellationToken ct)
    {
        var path = DataPath(info.Id);
        var start = info.Offset;
        using var sha = await RestoreSha256Async(info, path, ct);
        var sm3 = _sm3 ? RestoreSm3(info) ?? await RehashSm3Async(path, start, ct) : null;
        using var chunk = checksum is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var written = 0L;
        var clientGone = false;
        await using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 0, FileOptions.Asynchronous);
        try
        {
            if (file.Length != start)
            {
                file.SetLength(start);
            }

            file.Position = start;
            while (true)
            {
                // A buffer cut short by the client going away still holds bytes that arrived: they are kept too.
                (var filled, clientGone) = await FillAsync(body, buffer, ct);
                if (filled == 0)
                {
                    break;
                }

                if (start + written + filled > info.Length)
                {
                    throw new UploadException(413, "TUS-LENGTH", "超出上传长度", $"上传的数据超过了创建时声明的长度（{info.Length} 字节），本次数据未保存");
                }

                var data = buffer.AsMemory(0, filled);
                try
                {
                    await file.WriteAsync(data, CancellationToken.None);
                }
                catch (IOException e) when (IsDiskFull(e))
                {
                    throw DiskFull();
                }

                sha.Append(data.Span);
                sm3?.Append(data.Span);
                chunk?.AppendData(data.Span);
                written += filled;
                if (clientGone)
                {
                    break;
                }
            }

            if (chunk is not null)
            {
                if (clientGone)
                {
                    throw new UploadException(460, "TUS-CHECKSUM", "数据块不完整", "连接在数据块传完之前中断，无法校验，本块未保存，请从原偏移量重新上传");
                }

                if (!CryptographicOperations.FixedTimeEquals(chunk.GetHashAndReset(), checksum))
                {
                    throw new UploadException(460, "TUS-CHECKSUM", "校验和不符", "本数据块的 SHA-256 校验和与 Upload-Checksum 不符，数据未保存，偏移量未变，请重新上传该块");
                }
            }

            try
            {
                file.Flush(flushToDisk: true);
            }
            catch (IOException e) when (IsDiskFull(e))
            {
                throw DiskFull();
            }
        }
        catch
        {
            // Nothing of this request is committed: cut the file back to the committed offset.
            TryTruncate(file, start);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var offset = start + written;
        var next = info with
        {
            Offset = offset,
            Sha256State = sha.Export(),
            Sm3State = sm3 is null ? null : Convert.ToBase64String(sm3.ExportState()),
        };
        if (offset == info.Length)
        {
            next = next with
            {
                Sha256 = Convert.ToHexStringLower(sha.Finish()),
                Sm3 = sm3 is null ? null : Convert.ToHexStringLower(sm3.Finish()),
            };
        }

        await SaveAsync(next, CancellationToken.None);
        return next;
    }

    public async Task SaveAsync(UploadInfo info, CancellationToken ct)
    {
        var dir = Path.Combine(Root, RequireId(info.Id));
        var temporary = Path.Combine(dir, $"info.{Guid.NewGuid():N}.tmp");
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            await JsonSerializer.SerializeAsync(stream, info, Json, ct);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path.Combine(dir, "info.json"), overwrite: true);
    }

    /// <summary>Removes an upload's folder (termination, expiry, or after its object was stored).</summary>
    public void Delete(string id)
    {
        var dir = Path.Combine(Root, RequireId(id));
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        _locks.TryRemove(id, out _);
    }

    /// <summary>Every upload folder (the expiry sweep walks them).</summary>
    public IEnumerable<string> Ids() => Directory.Exists(Root)
        ? Directory.EnumerateDirectories(Root).Select(Path.GetFileName).Where(n => n is not null && IsId(n)).Select(n => n!)
        : [];

    public static bool IsId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    private static string RequireId(string id) => IsId(id) ? id : throw new ArgumentException("not an upload id", nameof(id));

    private static async Task<ResumableSha256> RestoreSha256Async(UploadInfo info, string path, CancellationToken ct)
    {
        if (info.Offset == 0)
        {
            return ResumableSha256.Create();
        }

        if (ResumableSha256.Restore(info.Sha256State, info.Offset) is { } restored)
        {
            return restored;
        }

        // No usable saved state (another platform, or a state from an older version): hash the committed bytes again.
        var sha = ResumableSha256.Create();
        await ReadPrefixAsync(path, info.Offset, sha.Append, ct);
        return sha;
    }

    private static Sm3Hasher? RestoreSm3(UploadInfo info)
    {
        if (info.Offset == 0)
        {
            return new Sm3Hasher();
        }

        try
        {
            var h = info.Sm3State is null ? null : Sm3Hasher.ImportState(Convert.FromBase64String(info.Sm3State));
            return h is not null && h.Length == (ulong)info.Offset ? h : null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static async Task<Sm3Hasher> RehashSm3Async(string path, long length, CancellationToken ct)
    {
        var h = new Sm3Hasher();
        await ReadPrefixAsync(path, length, h.Append, ct);
        return h;
    }

    private delegate void SpanSink(ReadOnlySpan<byte> data);

    private static async Task ReadPrefixAsync(string path, long length, SpanSink sink, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 0, FileOptions.SequentialScan | FileOptions.Asynchronous);
            var left = length;
            while (left > 0)
            {
                var n = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), ct);
                if (n == 0)
                {
                    throw new IOException("staged upload is shorter than its committed offset");
                }

                sink(buffer.AsSpan(0, n));
                left -= n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads until the buffer is full or the body ends; when the client goes away, returns what it had read.</summary>
    private static async Task<(int Filled, bool ClientGone)> FillAsync(Stream body, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        try
        {
            while (filled < buffer.Length)
            {
                var n = await body.ReadAsync(buffer.AsMemory(filled), ct);
                if (n == 0)
                {
                    break;
                }

                filled += n;
            }
        }
        catch (Exception e) when (IsClientGone(e, ct))
        {
            return (filled, true);
        }

        return (filled, false);
    }

    private static bool IsClientGone(Exception e, CancellationToken ct) =>
        e is IOException or Microsoft.AspNetCore.Http.BadHttpRequestException || (e is OperationCanceledException && ct.IsCancellationRequested);

    /// <summary>ENOSPC (28) or EDQUOT (122) on Linux, ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.</summary>
    internal static bool IsDiskFull(IOException e) => (e.HResult & 0xFFFF) is 28 or 122 or 0x70 or 0x27;

    private static UploadException DiskFull() =>
        new(507, "MEDIA-DISK-FULL", "存储空间不足", "服务器存储空间已满，本次数据未保存，已收到的部分保持不变；请联系管理员扩容后从原偏移量继续上传");

    private static void TryTruncate(FileStream file, long length)
    {
        try
        {
            file.SetLength(length);
        }
        catch (IOException)
        {
            // The next append cuts the file back to the committed offset anyway.
        }
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
