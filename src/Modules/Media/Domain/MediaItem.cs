using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Media.Domain;

/// <summary>Categories of audio-video records, each with its own retention policy (REC-RET-1: at least six months).</summary>
internal static class MediaCategories
{
    public const string OnSite = "on-site";
    public const string Evidence = "evidence";
    public const string Hearing = "hearing";
    public const string Service = "service";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [OnSite, Evidence, Hearing, Service, Other];

    public static string Label(string code) => code switch
    {
        OnSite => "现场执法",
        Evidence => "调查取证",
        Hearing => "听证",
        Service => "文书送达",
        Other => "其他",
        _ => code,
    };
}

/// <summary>Why a record is kept permanently (REC-RET-1).</summary>
internal enum PermanentReason
{
    None = 0,
    UsedAsEvidence = 1,
    Obstructed = 2,
    MajorIncident = 3,
}

/// <summary>What the ingest knows of a recording: who, with what, when, where, for which case step.</summary>
internal sealed record MediaFacts(
    string FileName,
    string ContentType,
    string Category,
    Guid? CaseId,
    string? Step,
    string? DeviceSerial,
    IReadOnlyList<Guid> OfficerIds,
    DateTimeOffset? RecordedFrom,
    DateTimeOffset? RecordedTo,
    double? Latitude,
    double? Longitude,
    string? Station);

/// <summary>What ffprobe read from the file (all optional: ffprobe may be missing or the file not a media file).</summary>
internal sealed record ProbeFacts(double? DurationSeconds, string? Codec, int? Width, int? Height);

/// <summary>One view or download of a record's bytes (who, when, which bytes), also a Ledger event.</summary>
internal sealed class MediaAccess
{
    public Guid Id { get; set; }

    public Guid ItemId { get; set; }

    public string Actor { get; set; } = string.Empty;

    public string ActorName { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public bool Download { get; set; }

    /// <summary>The requested byte range, e.g. "bytes=0-1048575"; empty for the whole object.</summary>
    public string Range { get; set; } = string.Empty;
}

/// <summary>
/// An audio-video record (音像记录): a stored object (by its SHA-256) with its metadata, linked to a case step. Its
/// bytes never change (GB118-REC-4); it is deleted only by the retention policy, leaving a tombstone that keeps the
/// hash, and never while it is held or kept permanently (REC-RET-1).
/// </summary>
internal sealed class MediaItem : AggregateRoot
{
    private MediaItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The tus upload it came from (unique: finishing an upload twice creates one item).</summary>
    public string UploadId { get; private set; } = string.Empty;

    public string Sha256 { get; private set; } = string.Empty;

    public string? Sm3 { get; private set; }

    public long Size { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public string Category { get; private set; } = MediaCategories.Other;

    public Guid? CaseId { get; private set; }

    public string? Step { get; private set; }

    public string? DeviceSerial { get; private set; }

    /// <summary>Officer IDs, comma-separated.</summary>
    public string OfficerIds { get; private set; } = string.Empty;

    public DateTimeOffset? RecordedFrom { get; private set; }

    public DateTimeOffset? RecordedTo { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public double? DurationSeconds { get; private set; }

    public string? Codec { get; private set; }

    public int? Width { get; private set; }

    public int? Height { get; private set; }

    public string UploadedBy { get; private set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>The docking station (its API key's name) that ingested it; null for a browser upload.</summary>
    public string? Station { get; private set; }

    public PermanentReason Permanent { get; private set; }

    public string? HoldReason { get; private set; }

    public DateTimeOffset? HeldAt { get; private set; }

    public DateOnly? RetainUntil { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<Guid> Officers => OfficerIds.Length == 0 ? [] : OfficerIds.Split(',').Select(Guid.Parse).ToList();

    public bool IsHeld => HoldReason is not null;

    public bool IsDeleted => DeletedAt is not null;

    public static MediaItem Ingest(Guid agencyId, string uploadId, string sha256, string? sm3, long size, MediaFacts facts, ProbeFacts probe, string uploadedBy, DateOnly retainUntil, DateTimeOffset now)
    {
        var item = new MediaItem
        {
            Id = Guid.CreateVersion7(now),
            AgencyId = agencyId,
            UploadId = uploadId,
            Sha256 = sha256,
            Sm3 = sm3,
            Size = size,
            FileName = facts.FileName,
            ContentType = facts.ContentType,
            Category = facts.Category,
            CaseId = facts.CaseId,
            Step = facts.Step,
            DeviceSerial = facts.DeviceSerial,
            OfficerIds = string.Join(',', facts.OfficerIds),
            RecordedFrom = facts.RecordedFrom,
            RecordedTo = facts.RecordedTo,
            Latitude = facts.Latitude,
            Longitude = facts.Longitude,
            Station = facts.Station,
            DurationSeconds = probe.DurationSeconds,
            Codec = probe.Codec,
            Width = probe.Width,
            Height = probe.Height,
            UploadedBy = uploadedBy,
            UploadedAt = now,
            RetainUntil = retainUntil,
        };
        item.Commit("media.item.ingested", item.Sha256);
        return item;
    }

    /// <summary>Links the record to a case step (or moves it to another step of the same agency's case).</summary>
    public void LinkToCase(Guid caseId, string step)
    {
        EnsureLive();
        new Check().That(RecordingSteps.IsKnown(step), "Step", "INPUT-ENUM", "案件环节无效").ThrowIfAny();
        CaseId = caseId;
        Step = step;
        Commit("media.item.linked", null);
    }

    /// <summary>REC-RET-1: kept permanently (used as evidence, enforcement obstructed, major incident); cannot be undone.</summary>
    public void KeepPermanently(PermanentReason reason)
    {
        EnsureLive();
        new Check().That(reason is PermanentReason.UsedAsEvidence or PermanentReason.Obstructed or PermanentReason.MajorIncident, "Reason", "INPUT-ENUM", "永久保存理由无效").ThrowIfAny();
        if (Permanent == PermanentReason.None)
        {
            Permanent = reason;
            RetainUntil = null;
            Commit("media.item.kept-permanently", null);
        }
    }

    /// <summary>A legal hold (诉讼保全、复议、投诉调查等): nothing deletes the record until it is released.</summary>
    public void PlaceHold(string reason, DateTimeOffset now)
    {
        EnsureLive();
        new Check().Required("Reason", "保全理由", reason, 500).ThrowIfAny();
        HoldReason = reason.Trim();
        HeldAt = now;
        Commit("media.item.held", null);
    }

    public void ReleaseHold()
    {
        EnsureLive();
        if (HoldReason is null)
        {
            throw DomainRuleException.Conflict("MEDIA-HOLD", "该记录未被保全");
        }

        HoldReason = null;
        HeldAt = null;
        Commit("media.item.released", null);
    }

    /// <summary>A view or a download: the Ledger records who read which bytes (GB118-REC-4 chain of custody).</summary>
    public MediaAccess RecordAccess(string actor, string actorName, bool download, string range, DateTimeOffset now)
    {
        EnsureLive();
        Raise(new MediaAccessEvent("media.item.accessed", Id, AgencyId, download ? "download" : "view", range));
        return new MediaAccess { Id = Guid.CreateVersion7(now), ItemId = Id, Actor = actor, ActorName = actorName, At = now, Download = download, Range = range };
    }

    /// <summary>Whether the retention policy lets the record go on <paramref name="today"/> (REC-RET-1).</summary>
    public bool ExpiredOn(DateOnly today) => !IsDeleted && !IsHeld && Permanent == PermanentReason.None && RetainUntil is { } until && until < today;

    /// <summary>Deletion by policy only: the bytes may go, the record stays as a tombstone with its hash.</summary>
    public void Tombstone(DateOnly today, DateTimeOffset now)
    {
        if (!ExpiredOn(today))
        {
            throw DomainRuleException.Conflict("REC-RET-1", "该记录仍在保存期内、被保全或须永久保存，不得删除");
        }

        DeletedAt = now;
        Commit("media.item.deleted", Sha256);
    }

    private void EnsureLive()
    {
        if (IsDeleted)
        {
            throw DomainRuleException.Conflict("REC-RET-1", "该记录已按保存期限删除（仅保留哈希值）");
        }
    }

    private void Commit(string eventType, string? attachmentSha256)
    {
        Version++;
        Raise(new MediaEvent(eventType, Id, AgencyId, CaseId, Step, Size, attachmentSha256));
    }
}

/// <summary>Media events carry IDs, codes and the hash only, never personal data (SEC-PI-1).</summary>
internal sealed record MediaEvent(string EventType, Guid AggregateId, Guid AgencyId, Guid? CaseId, string? Step, long Size, string? AttachmentSha256) : IDomainEvent;

internal sealed record MediaAccessEvent(string EventType, Guid AggregateId, Guid AgencyId, string Kind, string Range) : IDomainEvent;
