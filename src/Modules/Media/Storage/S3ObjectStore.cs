using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Sanxiang.Media.Features;

namespace Sanxiang.Media.Storage;

/// <summary>
/// Objects in a bucket of an S3-compatible object store (AWS S3, MinIO, Ceph RGW, …), under
/// "{prefix}/ab/cd/abcd…". A put uploads the complete staged file, in one PUT up to <see cref="PartSize"/> and as a
/// multipart upload of 64 MiB parts streamed from the file beyond that (memory stays flat for multi-GB files). S3 makes
/// an object visible only when its PUT or CompleteMultipartUpload succeeds, so an object is complete or absent, never
/// partial; a failed multipart upload is aborted. The SHA-256 goes with the object as metadata (x-amz-meta-sha256), and
/// a single PUT also carries it as x-amz-checksum-sha256 for servers that verify it.
/// </summary>
internal sealed class S3ObjectStore : IObjectStore, IDisposable
{
    /// <summary>Size of each part of a multipart upload, and the largest object sent in one PUT.</summary>
    public const long PartSize = 64L << 20;

    private readonly IAmazonS3 _s3;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly bool _createBucket;
    private readonly int _listPageSize;
    private readonly SemaphoreSlim _bucketCheck = new(1, 1);
    private bool _bucketReady;

    public S3ObjectStore(IAmazonS3 s3, string bucket, string? prefix = null, bool createBucket = true, int listPageSize = 1000)
    {
        _listPageSize = listPageSize;
        _s3 = s3;
        _bucket = bucket;
        _prefix = string.IsNullOrWhiteSpace(prefix) ? string.Empty : prefix.Trim('/') + "/";
        _createBucket = createBucket;
    }

    public string Kind => "s3";

    public string BucketName => _bucket;

    public static S3ObjectStore Create(S3Options o) => new(NewClient(o), o.Bucket, o.Prefix, o.CreateBucket);

    /// <summary>The client for these options: explicit keys when AccessKey is set, otherwise the SDK's default chain (AWS_ACCESS_KEY_ID, instance role, …).</summary>
    public static AmazonS3Client NewClient(S3Options o)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = o.ForcePathStyle,
            AuthenticationRegion = o.Region,

            // Flexible checksums (CRC32 trailers in aws-chunked bodies) only where S3 requires them: many
            // S3-compatible servers do not understand them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(o.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(o.Region);
        }
        else
        {
            config.ServiceURL = o.ServiceUrl;
        }

        return string.IsNullOrEmpty(o.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(o.AccessKey, o.SecretKey), config);
    }

    public string Key(string sha256) => _prefix + ObjectKeys.RelativePath(sha256);

    public string? LocalPath(string sha256) => null;

    public async Task<long?> SizeAsync(string sha256, CancellationToken ct = default)
    {
        try
        {
            var head = await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = Key(sha256) }, ct);
            return head.ContentLength;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> PutAsync(string sha256, string stagedPath, long length, CancellationToken ct = default)
    {
        var key = Key(sha256);
        await EnsureBucketAsync(ct);
        if (await SizeAsync(sha256, ct) is not null)
        {
            File.Delete(stagedPath);
            return false;
        }

        if (new FileInfo(stagedPath).Length != length)
        {
            throw new IOException($"staged object {sha256} has the wrong length");
        }

        try
        {
            if (length <= PartSize)
            {
                await _s3.PutObjectAsync(
                    new PutObjectRequest
                    {
                        BucketName = _bucket,
                        Key = key,
                        FilePath = stagedPath,
                        ContentType = "application/octet-stream",
                        ChecksumSHA256 = Convert.ToBase64String(Convert.FromHexString(sha256)),
                        Metadata = { ["sha256"] = sha256 },
                        IfNoneMatch = "*",
                        UseChunkEncoding = false,
                    },
                    ct);
            }
            else
            {
                await PutMultipartAsync(key, sha256, stagedPath, length, ct);
            }
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            // If-None-Match: * — another upload of the same bytes stored the object first.
            File.Delete(stagedPath);
            return false;
        }

        File.Delete(stagedPath);
        return true;
    }

    public async Task<Stream> OpenReadAsync(string sha256, long offset = 0, long? count = null, CancellationToken ct = default)
    {
        if (count == 0)
        {
            return await SizeAsync(sha256, ct) is null ? throw Missing(sha256) : Stream.Null;
        }

        var request = new GetObjectRequest { BucketName = _bucket, Key = Key(sha256) };
        if (count is { } n)
        {
            request.ByteRange = new ByteRange(offset, offset + n - 1);
        }
        else if (offset > 0)
        {
            request.ByteRange = new ByteRange($"bytes={offset}-");
        }

        GetObjectResponse response;
        try
        {
            response = await _s3.GetObjectAsync(request, ct);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw Missing(sha256);
        }

        return new BoundedStream(response.ResponseStream, response.ContentLength, response);
    }

    public async Task DeleteAsync(string sha256, CancellationToken ct = default) =>
        await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = Key(sha256) }, ct);

    public async IAsyncEnumerable<string> ListAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix.Length > 0 ? _prefix : null, MaxKeys = _listPageSize };
        while (true)
        {
            var page = await _s3.ListObjectsV2Async(request, ct);
            foreach (var o in page.S3Objects ?? [])
            {
                var name = o.Key[(o.Key.LastIndexOf('/') + 1)..];
                if (ObjectKeys.IsValid(name) && o.Key == Key(name))
                {
                    yield return name;
                }
            }

            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                yield break;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    public void Dispose()
    {
        _s3.Dispose();
        _bucketCheck.Dispose();
    }

    private static FileNotFoundException Missing(string sha256) => new($"object {sha256} is not in the bucket");

    /// <summary>Parts of <see cref="PartSize"/> read straight from the staged file, one after the other; any failure aborts the upload.</summary>
    private async Task PutMultipartAsync(string key, string sha256, string stagedPath, long length, CancellationToken ct)
    {
        var created = await _s3.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = _bucket, Key = key, ContentType = "application/octet-stream", Metadata = { ["sha256"] = sha256 } },
            ct);
        try
        {
            var parts = new List<PartETag>();
            for (long position = 0, number = 1; position < length; position += PartSize, number++)
            {
                var size = Math.Min(PartSize, length - position);
                var part = await _s3.UploadPartAsync(
                    new UploadPartRequest
                    {
                        BucketName = _bucket,
                        Key = key,
                        UploadId = created.UploadId,
                        PartNumber = (int)number,
                        FilePath = stagedPath,
                        FilePosition = position,
                        PartSize = size,
                        IsLastPart = position + size == length,
                        UseChunkEncoding = false,
                    },
                    ct);
                parts.Add(new PartETag((int)number, part.ETag));
            }

            await _s3.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = _bucket, Key = key, UploadId = created.UploadId, PartETags = parts, IfNoneMatch = "*" },
                ct);
        }
        catch
        {
            // Nothing becomes visible under the key; the parts already sent are freed. If the abort itself fails, a
            // bucket lifecycle rule (AbortIncompleteMultipartUpload) removes them later.
            try
            {
                await _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket, Key = key, UploadId = created.UploadId }, CancellationToken.None);
            }
            catch (AmazonServiceException)
            {
            }

            throw;
        }
    }

    /// <summary>Creates the bucket on the first put when it is missing (S3:CreateBucket, default true).</summary>
    private async Task EnsureBucketAsync(CancellationToken ct)
    {
        if (_bucketReady || !_createBucket)
        {
            return;
        }

        await _bucketCheck.WaitAsync(ct);
        try
        {
            if (!_bucketReady && !await Amazon.S3.Util.AmazonS3Util.DoesS3BucketExistV2Async(_s3, _bucket))
            {
                try
                {
                    await _s3.PutBucketAsync(new PutBucketRequest { BucketName = _bucket }, ct);
                }
                catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
                {
                    // Created meanwhile by another instance.
                }
            }

            _bucketReady = true;
        }
        finally
        {
            _bucketCheck.Release();
        }
    }
}
