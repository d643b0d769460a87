using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Sanxiang.Media.Storage;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The S3 object store against a real S3-compatible server (s3rver): content-addressed keys, a second put of the same
/// bytes stores nothing new, ranged reads, missing objects as FileNotFoundException (the scrub relies on it), large
/// files in 64 MiB parts, and a failed multipart upload aborted without leaving an object.
/// </summary>
public sealed class MediaS3StoreTests(S3rverFixture s3) : IClassFixture<S3rverFixture>, IDisposable
{
    private readonly string _staging = Directory.CreateTempSubdirectory("sanxiang-s3-staging-").FullName;

    [Fact]
    public async Task Put_Size_Read_Range_List_Delete_RoundTrip()
    {
        using var store = s3.Store(Bucket(), prefix: "media");
        var (path, sha, bytes) = await StageAsync(200_000, seed: 1);

        (await store.PutAsync(sha, path, bytes.Length)).ShouldBeTrue();

        File.Exists(path).ShouldBeFalse("the staged file is removed after the upload");
        store.LocalPath(sha).ShouldBeNull();
        (await store.SizeAsync(sha)).ShouldBe(bytes.Length);
        (await ReadAsync(store, sha)).ShouldBe(bytes);
        (await ReadAsync(store, sha, 1000, 5000)).ShouldBe(bytes[1000..6000]);
        (await ReadAsync(store, sha, 199_990)).ShouldBe(bytes[199_990..]);
        (await store.ListAsync().ToListAsync()).ShouldBe([sha]);
        using var client = S3ObjectStore.NewClient(s3.Options(string.Empty));
        var head = await client.GetObjectMetadataAsync(store.BucketName, $"media/{sha[..2]}/{sha[2..4]}/{sha}");
        head.Metadata["sha256"].ShouldBe(sha);

        await store.DeleteAsync(sha);
        (await store.SizeAsync(sha)).ShouldBeNull();
        (await store.ListAsync().ToListAsync()).ShouldBeEmpty();
        await store.DeleteAsync(sha);
    }

    [Fact]
    public async Task List_PagesThroughTheBucket_AndSkipsKeysThatAreNotObjects()
    {
        var options = s3.Options(Bucket());
        using var store = new S3ObjectStore(S3ObjectStore.NewClient(options), options.Bucket, listPageSize: 2);
        var shas = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (path, sha, bytes) = await StageAsync(100 + i, seed: 10 + i);
            await store.PutAsync(sha, path, bytes.Length);
            shas.Add(sha);
        }

        using var client = S3ObjectStore.NewClient(s3.Options(string.Empty));
        await client.PutObjectAsync(new PutObjectRequest { BucketName = store.BucketName, Key = "notes/readme.txt", ContentBody = "not an object", UseChunkEncoding = false });
        await client.PutObjectAsync(new PutObjectRequest { BucketName = store.BucketName, Key = $"xx/yy/{shas[0]}", ContentBody = "misplaced", UseChunkEncoding = false });

        (await store.ListAsync().ToListAsync()).Order(StringComparer.Ordinal).ShouldBe(shas.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SecondPut_OfTheSameBytes_StoresNothingNew()
    {
        using var store = s3.Store(Bucket());
        var (first, sha, bytes) = await StageAsync(4096, seed: 2);
        (await store.PutAsync(sha, first, bytes.Length)).ShouldBeTrue();

        var (second, sha2, _) = await StageAsync(4096, seed: 2);
        sha2.ShouldBe(sha);
        (await store.PutAsync(sha, second, bytes.Length)).ShouldBeFalse();

        File.Exists(second).ShouldBeFalse("the second staged copy is removed");
        (await store.ListAsync().ToListAsync()).ShouldBe([sha]);
        (await ReadAsync(store, sha)).ShouldBe(bytes);
    }

    [Fact]
    public async Task MissingObject_IsFileNotFound_AndHasNoSize()
    {
        using var store = s3.Store(Bucket());
        var (path, sha, bytes) = await StageAsync(10, seed: 3);
        await store.PutAsync(sha, path, bytes.Length);
        var missing = Convert.ToHexStringLower(SHA256.HashData("missing"u8));

        await Should.ThrowAsync<FileNotFoundException>(() => store.OpenReadAsync(missing));
        await Should.ThrowAsync<FileNotFoundException>(() => store.OpenReadAsync(missing, 5, 10));
        await Should.ThrowAsync<FileNotFoundException>(() => store.OpenReadAsync(missing, 0, 0));
        (await store.SizeAsync(missing)).ShouldBeNull();
        await store.DeleteAsync(missing);
    }

    [Fact]
    public async Task PutOfTheWrongLength_IsRefused_AndKeepsTheStagedFile()
    {
        using var store = s3.Store(Bucket());
        var (path, sha, bytes) = await StageAsync(100, seed: 4);

        await Should.ThrowAsync<IOException>(() => store.PutAsync(sha, path, bytes.Length + 1));

        File.Exists(path).ShouldBeTrue();
        (await store.SizeAsync(sha)).ShouldBeNull();
    }

    [Fact]
    public async Task LargeFile_GoesUpInParts_AndRoundTripsWithItsSha256()
    {
        using var store = s3.Store(Bucket());
        var length = S3ObjectStore.PartSize + (16L << 20);
        var (path, sha) = await StageLargeAsync(length, seed: 5);
        var acrossParts = new byte[4096];
        await using (var file = File.OpenRead(path))
        {
            file.Seek(S3ObjectStore.PartSize - 2048, SeekOrigin.Begin);
            await file.ReadExactlyAsync(acrossParts);
        }

        (await store.PutAsync(sha, path, length)).ShouldBeTrue();

        File.Exists(path).ShouldBeFalse();
        (await store.SizeAsync(sha)).ShouldBe(length);
        await using (var whole = await store.OpenReadAsync(sha))
        {
            Convert.ToHexStringLower(await SHA256.HashDataAsync(whole)).ShouldBe(sha);
        }

        (await ReadAsync(store, sha, S3ObjectStore.PartSize - 2048, 4096)).ShouldBe(acrossParts);
    }

    [Fact]
    public async Task FailedMultipartUpload_IsAborted_AndLeavesNoObject()
    {
        var options = s3.Options(Bucket());
        var client = FailingS3.Wrap(S3ObjectStore.NewClient(options), failPart: 2);
        using var store = new S3ObjectStore(client, options.Bucket);
        var length = S3ObjectStore.PartSize + 1024;
        var (path, sha) = await StageLargeAsync(length, seed: 6);

        await Should.ThrowAsync<AmazonS3Exception>(() => store.PutAsync(sha, path, length));

        ((FailingS3)(object)client).Calls.ShouldContain(nameof(IAmazonS3.AbortMultipartUploadAsync));
        File.Exists(path).ShouldBeTrue("the staged file stays for a retry");
        (await store.SizeAsync(sha)).ShouldBeNull();
        (await store.ListAsync().ToListAsync()).ShouldBeEmpty();
    }

    public void Dispose() => Directory.Delete(_staging, recursive: true);

    private static string Bucket() => $"t-{Guid.NewGuid():N}";

    private async Task<(string Path, string Sha256, byte[] Bytes)> StageAsync(int length, int seed)
    {
        var bytes = Tus.Bytes(length, seed);
        var path = Path.Combine(_staging, Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(path, bytes);
        return (path, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes);
    }

    /// <summary>A pseudo-random file written and hashed 1 MiB at a time (memory stays small).</summary>
    private async Task<(string Path, string Sha256)> StageLargeAsync(long length, int seed)
    {
        var path = Path.Combine(_staging, Guid.NewGuid().ToString("N"));
        var random = new Random(seed);
        var buffer = new byte[1 << 20];
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            for (var left = length; left > 0; left -= buffer.Length)
            {
                var chunk = buffer.AsMemory(0, (int)Math.Min(buffer.Length, left));
                random.NextBytes(chunk.Span);
                sha.AppendData(chunk.Span);
                await file.WriteAsync(chunk);
            }
        }

        return (path, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private static async Task<byte[]> ReadAsync(S3ObjectStore store, string sha, long offset = 0, long? count = null)
    {
        await using var stream = await store.OpenReadAsync(sha, offset, count);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}

/// <summary>An S3 client that fails one part of a multipart upload and records which calls were made.</summary>
public class FailingS3 : DispatchProxy
{
    private IAmazonS3 _inner = null!;
    private int _failPart;

    public ConcurrentQueue<string> Calls { get; } = new();

    public static IAmazonS3 Wrap(IAmazonS3 inner, int failPart)
    {
        var proxy = Create<IAmazonS3, FailingS3>();
        var failing = (FailingS3)(object)proxy;
        failing._inner = inner;
        failing._failPart = failPart;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        Calls.Enqueue(targetMethod.Name);
        if (targetMethod.Name == nameof(IAmazonS3.UploadPartAsync) && args?[0] is UploadPartRequest { PartNumber: var n } && n == _failPart)
        {
            return Task.FromException<UploadPartResponse>(new AmazonS3Exception("injected failure of one part"));
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
