namespace Sanxiang.Media.Features;

/// <summary>Options of the Media module (section Media).</summary>
internal sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>"Local" (a local or mounted directory, the default) or "S3" (an S3-compatible object store).</summary>
    public string Store { get; set; } = "Local";

    /// <summary>Where local objects live (Store=Local) and, by default, the staging area of uploads (default: {Data:Root}/media).</summary>
    public string? Root { get; set; }

    /// <summary>Where uploads in progress are staged (default: {Root}/staging). Must be a local disk.</summary>
    public string? StagingPath { get; set; }

    /// <summary>Also compute SM3 while bytes stream in (national-crypto deployments); always on when Ledger:HashSuite is sm3.</summary>
    public bool ComputeSm3 { get; set; }

    /// <summary>tus expiration: an unfinished upload is removed this many hours after it was last written.</summary>
    public int UploadExpiryHours { get; set; } = 72;

    /// <summary>The largest upload accepted (tus Tus-Max-Size), default 64 GiB.</summary>
    public long MaxUploadBytes { get; set; } = 64L << 30;

    /// <summary>Free space kept in reserve on the staging disk: a new upload that would eat into it is refused (507).</summary>
    public long ReserveBytes { get; set; } = 256L << 20;

    /// <summary>Hours between scrubs (re-hash every stored object); 0 turns the background scrub off.</summary>
    public int ScrubHours { get; set; } = 24;

    /// <summary>Hours between retention sweeps and expired-upload clean-ups; 0 turns them off.</summary>
    public int RetentionSweepHours { get; set; } = 24;

    /// <summary>
    /// Months each category is kept (REC-RET-1: at least 6). Records kept permanently (evidence, obstruction, major
    /// incident) or under a legal hold are never deleted.
    /// </summary>
    public Dictionary<string, int> RetentionMonths { get; set; } = new(StringComparer.Ordinal)
    {
        ["on-site"] = 6,
        ["evidence"] = 6,
        ["hearing"] = 6,
        ["service"] = 6,
        ["other"] = 6,
    };

    /// <summary>The ffprobe executable (optional: metadata such as duration and codec are read when it runs).</summary>
    public string FfprobePath { get; set; } = "ffprobe";

    public S3Options S3 { get; set; } = new();

    /// <summary>REC-RET-1: six months is the least; the minimum is not configurable.</summary>
    public const int MinimumRetentionMonths = 6;

    public int MonthsFor(string category) =>
        Math.Max(MinimumRetentionMonths, RetentionMonths.TryGetValue(category, out var m) ? m : MinimumRetentionMonths);
}

/// <summary>An S3-compatible object store (Store=S3).</summary>
internal sealed class S3Options
{
    /// <summary>The endpoint, e.g. http://minio:9000 or https://s3.example.gov.cn; empty: AWS S3 in <see cref="Region"/>.</summary>
    public string ServiceUrl { get; set; } = string.Empty;

    public string Bucket { get; set; } = "sanxiang-media";

    /// <summary>Optional key prefix inside the bucket (e.g. "media"): objects are "{Prefix}/ab/cd/abcd…".</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Create the bucket at the first upload when it is missing (needs the s3:CreateBucket permission).</summary>
    public bool CreateBucket { get; set; } = true;

    public string Region { get; set; } = "us-east-1";

    /// <summary>Empty: the SDK's default credentials (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, an instance role, …).</summary>
    public string AccessKey { get; set; } = string.Empty;

    /// <summary>Never in the repository: environment variable Media__S3__SecretKey or a secrets store.</summary>
    public string SecretKey { get; set; } = string.Empty;

    public bool ForcePathStyle { get; set; } = true;
}
