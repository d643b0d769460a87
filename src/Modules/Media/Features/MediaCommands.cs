using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Media.Domain;
using Sanxiang.Media.Persistence;
using Sanxiang.Media.Storage;
using Sanxiang.Media.Uploads;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Media.Features;

/// <summary>The tus Upload-Metadata keys Sanxiang understands (values are UTF-8).</summary>
internal static class MetadataKeys
{
    public const string FileName = "filename";
    public const string FileType = "filetype";
    public const string Category = "category";
    public const string CaseId = "caseId";
    public const string Step = "step";
    public const string DeviceId = "deviceId";
    public const string OfficerIds = "officerIds";
    public const string RecordedFrom = "recordedFrom";
    public const string RecordedTo = "recordedTo";
    public const string Latitude = "latitude";
    public const string Longitude = "longitude";
    public const string Station = "station";
}

/// <summary>
/// The Media module's commands: starting and finishing an upload (metadata checks, content-addressed storage, the
/// item and its Ledger event), linking, holds, permanent keeping, devices, access records, the scrub and retention.
/// One save per command; every change of an item or device reaches the Ledger through the module outbox.
/// </summary>
internal sealed class MediaCommands(
    MediaDbContext db,
    IObjectStore store,
    UploadStore uploads,
    MediaProbe probe,
    ICaseLookup cases,
    IEnforcementDirectory directory,
    IOptions<MediaOptions> options,
    TimeProvider clock)
{
    /// <summary>
    /// Checks a new upload's length and metadata and returns the upload to create. A docking station (an API client)
    /// must name a registered, active device of its agency and the officer(s): an unknown device is refused (422) and
    /// the refusal is reported on the device register.
    /// </summary>
    public async Task<UploadInfo> PrepareUploadAsync(AccessScope scope, long length, IReadOnlyDictionary<string, string> raw, string? stationName, CancellationToken ct)
    {
        var o = options.Value;
        if (length > o.MaxUploadBytes)
        {
            throw new UploadException(413, "TUS-MAX-SIZE", "文件过大", $"文件大小超过上限（{o.MaxUploadBytes} 字节）");
        }

        var free = new DriveInfo(uploads.Root).AvailableFreeSpace;
        if (length > free - o.ReserveBytes)
        {
            throw new UploadException(507, "MEDIA-DISK-FULL", "存储空间不足", $"服务器存储空间不足（可用约 {Math.Max(0, free - o.ReserveBytes) >> 20} MiB，文件 {length >> 20} MiB），请联系管理员扩容");
        }

        var station = scope.IsInRole(Roles.ApiClient);
        var check = new Check();
        string Get(string key) => raw.TryGetValue(key, out var v) ? v.Trim() : string.Empty;
        var fileName = Path.GetFileName(Get(MetadataKeys.FileName).Replace('\\', '/'));
        check.Required("filename", "文件名", fileName, 255);
        var fileType = Get(MetadataKeys.FileType);
        fileType = fileType.Length == 0 ? "application/octet-stream" : fileType;
        check.That(fileType.Length <= 100 && fileType.Contains('/', StringComparison.Ordinal) && !fileType.Any(char.IsWhiteSpace), "filetype", "INPUT-FORMAT", "文件类型格式不正确");
        var category = Get(MetadataKeys.Category);
        category = category.Length == 0 ? MediaCategories.OnSite : category;
        check.That(MediaCategories.All.Contains(category), "category", "INPUT-ENUM", "记录类别无效");
        var step = Get(MetadataKeys.Step);
        check.That(step.Length == 0 || RecordingSteps.IsKnown(step), "step", "INPUT-ENUM", "案件环节无效");

        Guid? caseId = null;
        if (Get(MetadataKeys.CaseId) is { Length: > 0 } caseText)
        {
            if (!Guid.TryParse(caseText, out var id) || await cases.FindAsync(scope, id, ct) is not { } c || c.AgencyId != scope.AgencyId)
            {
                check.Add("caseId", "MEDIA-CASE", "案件不存在或不属于本机关");
            }
            else if (!station && !c.MaySeeInFull)
            {
                check.Add("caseId", "SEC-PI-1", "只有本案执法人员、负责人和法制审核人员可以为本案上传音像记录");
            }
            else if (c.Stage == CaseStage.Archived)
            {
                check.Add("caseId", "GB118-REC-4", "案件已归档，不能再关联新的音像记录");
            }
            else
            {
                caseId = id;
            }
        }

        check.That(step.Length == 0 || caseId is not null || check.Errors.Any(e => e.Field == "caseId"), "step", "INPUT-REQUIRED", "关联案件环节时须同时指定案件");

        var officerIds = new List<Guid>();
        foreach (var part in Get(MetadataKeys.OfficerIds).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Guid.TryParse(part, out var g))
            {
                officerIds.Add(g);
            }
            else
            {
                check.Add("officerIds", "INPUT-FORMAT", "执法人员编号格式不正确");
            }
        }

        if (officerIds.Count == 0 && scope.OfficerId is { } me)
        {
            officerIds.Add(me);
        }

        officerIds = [.. officerIds.Distinct()];
        if (officerIds.Count > 0)
        {
            var found = await directory.OfficersAsync(officerIds, ct);
            check.That(found.Count == officerIds.Count && found.All(f => f.AgencyId == scope.AgencyId), "officerIds", "MEDIA-OFFICER", "执法人员不存在或不属于本机关");
        }

        check.That(!station || officerIds.Count > 0, "officerIds", "INPUT-REQUIRED", "采集工作站上传须注明执法人员");
        var from = Instant(Get(MetadataKeys.RecordedFrom), "recordedFrom", "开始时间", check);
        var to = Instant(Get(MetadataKeys.RecordedTo), "recordedTo", "结束时间", check);
        check.That(from is null || to is null || from <= to, "recordedTo", "INPUT-DATES", "结束时间不能早于开始时间");
        check.That(from is null || from <= clock.GetUtcNow().AddMinutes(10), "recordedFrom", "INPUT-DATES", "开始时间不能晚于当前时间");
        var lat = Coordinate(Get(MetadataKeys.Latitude), 90, "latitude", "纬度", check);
        var lon = Coordinate(Get(MetadataKeys.Longitude), 180, "longitude", "经度", check);
        check.That(lat is null == lon is null, "longitude", "INPUT-REQUIRED", "经纬度须同时填写");

        var device = Get(MetadataKeys.DeviceId);
        if (device.Length > 0 || station)
        {
            var known = device.Length > 0 && await db.Devices.AsNoTracking().AnyAsync(d => d.AgencyId == scope.AgencyId && d.Serial == device && d.Active, ct);
            if (!known)
            {
                if (station)
                {
                    // Reported even though the upload is refused: the register lists unknown devices that tried.
                    db.DeviceRefusals.Add(new DeviceRefusal
                    {
                        Id = Guid.CreateVersion7(clock.GetUtcNow()),
                        AgencyId = scope.AgencyId,
                        Serial = device.Length > 64 ? device[..64] : device,
                        Station = stationName ?? scope.ActorId,
                        Reason = device.Length == 0 ? "未提供设备编号" : "设备未登记或已停用",
                        At = clock.GetUtcNow(),
                    });
                    await db.SaveChangesAsync(ct);
                }

                check.Add("deviceId", "MEDIA-DEVICE", device.Length == 0 ? "采集工作站上传须提供记录设备编号" : $"记录设备“{device}”未在本机关设备登记册中登记或已停用，拒绝接收");
            }
        }

        check.ThrowIfAny();
        var now = clock.GetUtcNow();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MetadataKeys.FileName] = fileName,
            [MetadataKeys.FileType] = fileType,
            [MetadataKeys.Category] = category,
        };
        void Put(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                metadata[key] = value;
            }
        }

        Put(MetadataKeys.CaseId, caseId?.ToString());
        Put(MetadataKeys.Step, step);
        Put(MetadataKeys.DeviceId, device);
        Put(MetadataKeys.OfficerIds, string.Join(',', officerIds));
        Put(MetadataKeys.RecordedFrom, from?.ToString("O", CultureInfo.InvariantCulture));
        Put(MetadataKeys.RecordedTo, to?.ToString("O", CultureInfo.InvariantCulture));
        Put(MetadataKeys.Latitude, lat?.ToString(CultureInfo.InvariantCulture));
        Put(MetadataKeys.Longitude, lon?.ToString(CultureInfo.InvariantCulture));
        Put(MetadataKeys.Station, station ? stationName : null);
        return new UploadInfo
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            AgencyId = scope.AgencyId,
            Owner = scope.ActorId,
            Length = length,
            CreatedAt = now,
            ExpiresAt = now.AddHours(o.UploadExpiryHours),
            Metadata = metadata,
        };
    }

    /// <summary>
    /// Finishes an upload whose bytes are all in: stores the object under its SHA-256 (nothing new when the same bytes
    /// are already stored), creates the item with its Ledger event, and removes the staging folder. Idempotent: a
    /// retry after a crash at any point ends with one object and one item.
    /// </summary>
    public async Task<MediaItem> CompleteAsync(UploadInfo info, CancellationToken ct)
    {
        if (info.Sha256 is not { } sha256 || info.Offset != info.Length)
        {
            throw new InvalidOperationException("upload is not complete");
        }

        var existing = await db.Items.SingleOrDefaultAsync(i => i.UploadId == info.Id, ct);
        if (existing is not null)
        {
            uploads.Delete(info.Id);
            return existing;
        }

        var staged = uploads.DataPath(info.Id);
        var facts = Facts(info.Metadata);
        var probed = File.Exists(staged) && (facts.ContentType.StartsWith("video/", StringComparison.Ordinal) || facts.ContentType.StartsWith("audio/", StringComparison.Ordinal))
            ? await probe.ProbeAsync(staged, ct)
            : new ProbeFacts(null, null, null, null);
        if (File.Exists(staged))
        {
            await store.PutAsync(sha256, staged, info.Length, ct);
        }
        else if (await store.SizeAsync(sha256, ct) != info.Length)
        {
            throw new IOException($"upload {info.Id}: neither the staged bytes nor the stored object are there");
        }

        var now = clock.GetUtcNow();
        var obj = await db.Objects.FindAsync([sha256], ct);
        if (obj is null)
        {
            db.Objects.Add(new StoredObject { Sha256 = sha256, Size = info.Length, Store = store.Kind, StoredAt = now });
        }
        else if (obj.State == "deleted")
        {
            obj.State = "ok";
            obj.StoredAt = now;
        }

        var retainUntil = DateOnly.FromDateTime((facts.RecordedFrom ?? now).ToOffset(TimeSpan.FromHours(8)).Date).AddMonths(options.Value.MonthsFor(facts.Category));
        var item = MediaItem.Ingest(info.AgencyId, info.Id, sha256, info.Sm3, info.Length, facts, probed, info.Owner, retainUntil, now);
        db.Items.Add(item);
        if (facts.DeviceSerial is { } serial && await db.Devices.SingleOrDefaultAsync(d => d.AgencyId == info.AgencyId && d.Serial == serial, ct) is { } device)
        {
            device.Uploaded(now);
        }

        await db.SaveChangesAsync(ct);
        await uploads.SaveAsync(info with { ItemId = item.Id }, ct);
        uploads.Delete(info.Id);
        return item;
    }

    public async Task LinkAsync(AccessScope scope, Guid id, Guid caseId, string step, CancellationToken ct)
    {
        var item = await WritableAsync(scope, id, ct);
        var c = await cases.FindAsync(scope, caseId, ct);
        if (c is null || c.AgencyId != item.AgencyId)
        {
            throw new DomainRuleException("MEDIA-CASE", "案件不存在或不属于本机关", "CaseId");
        }

        if (!c.MaySeeInFull)
        {
            throw new ForbiddenException("只有本案执法人员、负责人和法制审核人员可以关联本案音像记录");
        }

        item.LinkToCase(caseId, step);
        await db.SaveChangesAsync(ct);
    }

    public async Task KeepPermanentlyAsync(AccessScope scope, Guid id, PermanentReason reason, CancellationToken ct)
    {
        var item = await WritableAsync(scope, id, ct);
        item.KeepPermanently(reason);
        await db.SaveChangesAsync(ct);
    }

    public async Task HoldAsync(AccessScope scope, Guid id, string? reason, bool release, CancellationToken ct)
    {
        scope.RequireAnyRole(Roles.Head, Roles.Supervisor);
        var item = await VisibleAsync(scope, id, ct);
        if (release)
        {
            item.ReleaseHold();
        }
        else
        {
            item.PlaceHold(reason ?? string.Empty, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Checks that the caller may see the item's bytes and records the access (who, when, which bytes: the Ledger
    /// gets an event) before anything is sent. Returns the item for the endpoint to stream.
    /// </summary>
    public async Task<MediaItem> RecordAccessAsync(AccessScope scope, string actorName, Guid id, bool download, string? range, CancellationToken ct)
    {
        var item = await VisibleAsync(scope, id, ct);
        var r = range is { Length: > 0 } ? (range.Length > 100 ? range[..100] : range) : string.Empty;
        db.Accesses.Add(item.RecordAccess(scope.ActorId, actorName, download, r, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<Guid> RegisterDeviceAsync(AccessScope scope, string serial, string kind, string model, CancellationToken ct)
    {
        scope.RequireAnyRole(Roles.Head, Roles.Administrator);

        var trimmed = serial?.Trim() ?? string.Empty;
        if (await db.Devices.AnyAsync(d => d.AgencyId == scope.AgencyId && d.Serial == trimmed, ct))
        {
            throw new DomainRuleException("MEDIA-DEVICE-UNIQUE", $"设备编号“{trimmed}”已登记", "Serial");
        }

        var device = Device.Register(scope.AgencyId, trimmed, kind, model, clock.GetUtcNow());
        db.Devices.Add(device);
        await db.SaveChangesAsync(ct);
        return device.Id;
    }

    public async Task SetDeviceActiveAsync(AccessScope scope, Guid id, bool active, CancellationToken ct)
    {
        scope.RequireAnyRole(Roles.Head, Roles.Administrator);
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (device is null || device.AgencyId != scope.AgencyId)
        {
            throw new NotFoundException();
        }

        device.SetActive(active);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The scrub: re-hashes every stored object from the store and raises an alert (once per object and kind) for a
    /// missing object or a hash mismatch (GB118-REC-4). Returns how many objects were checked and alerts raised.
    /// </summary>
    public async Task<(int Checked, int Alerts)> ScrubAsync(CancellationToken ct)
    {
        var objects = await db.Objects.Where(o => o.State != "deleted").OrderBy(o => o.Sha256).ToListAsync(ct);
        var alerts = 0;
        foreach (var obj in objects)
        {
            var state = await HashStateAsync(obj, ct);
            obj.ScrubbedAt = clock.GetUtcNow();
            if (state != "ok" && obj.State != state)
            {
                db.Alerts.Add(MediaAlert.Raise(obj.Sha256, state, state == "missing"
                    ? $"存储中找不到对象 {obj.Sha256}"
                    : $"对象 {obj.Sha256} 的内容与其 SHA-256 不符（已被改动）", clock.GetUtcNow()));
                alerts++;
            }

            obj.State = state;
        }

        await db.SaveChangesAsync(ct);
        return (objects.Count, alerts);
    }

    /// <summary>
    /// REC-RET-1: deletes records past their category's retention period that are neither held nor kept permanently,
    /// leaving a tombstone with the hash (a Ledger event); an object goes when no live record uses it any more.
    /// </summary>
    public async Task<int> SweepRetentionAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var candidates = await db.Items.Where(i => i.DeletedAt == null && i.HoldReason == null && i.Permanent == PermanentReason.None && i.RetainUntil < today).ToListAsync(ct);
        var deleted = 0;
        foreach (var item in candidates.Where(i => i.ExpiredOn(today)))
        {
            item.Tombstone(today, clock.GetUtcNow());
            deleted++;
        }

        await db.SaveChangesAsync(ct);
        foreach (var sha in candidates.Select(i => i.Sha256).Distinct())
        {
            if (!await db.Items.AnyAsync(i => i.Sha256 == sha && i.DeletedAt == null, ct) && await db.Objects.FindAsync([sha], ct) is { } obj)
            {
                await store.DeleteAsync(sha, ct);
                obj.State = "deleted";
            }
        }

        await db.SaveChangesAsync(ct);
        return deleted;
    }

    /// <summary>tus expiration: removes unfinished uploads past their expiry and finishes complete ones left behind by a crash.</summary>
    public async Task<int> SweepUploadsAsync(CancellationToken ct)
    {
        var removed = 0;
        foreach (var id in uploads.Ids().ToList())
        {
            var info = await uploads.FindAsync(id, ct);
            if (info is null)
            {
                continue;
            }

            if (info.Sha256 is not null)
            {
                await CompleteAsync(info, ct);
            }
            else if (info.ExpiresAt < clock.GetUtcNow())
            {
                uploads.Delete(id);
                removed++;
            }
        }

        return removed;
    }

    internal static MediaFacts Facts(IReadOnlyDictionary<string, string> m)
    {
        string? Get(string key) => m.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        DateTimeOffset? Time(string key) => Get(key) is { } t ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture) : null;
        double? Number(string key) => Get(key) is { } n ? double.Parse(n, CultureInfo.InvariantCulture) : null;
        return new MediaFacts(
            Get(MetadataKeys.FileName) ?? "media",
            Get(MetadataKeys.FileType) ?? "application/octet-stream",
            Get(MetadataKeys.Category) ?? MediaCategories.Other,
            Get(MetadataKeys.CaseId) is { } c ? Guid.Parse(c) : null,
            Get(MetadataKeys.Step),
            Get(MetadataKeys.DeviceId),
            Get(MetadataKeys.OfficerIds) is { } o ? [.. o.Split(',').Select(Guid.Parse)] : [],
            Time(MetadataKeys.RecordedFrom),
            Time(MetadataKeys.RecordedTo),
            Number(MetadataKeys.Latitude),
            Number(MetadataKeys.Longitude),
            Get(MetadataKeys.Station));
    }

    /// <summary>The item if the caller may see it: the agency's scope, then for a case's record the case team, the agency's heads and reviewers, supervisors; otherwise 404.</summary>
    internal async Task<MediaItem> VisibleAsync(AccessScope scope, Guid id, CancellationToken ct)
    {
        var item = await db.Items.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !await MaySeeAsync(scope, item, cases, ct))
        {
            throw new NotFoundException();
        }

        return item;
    }

    internal static async Task<bool> MaySeeAsync(AccessScope scope, MediaItem item, ICaseLookup cases, CancellationToken ct)
    {
        if (!scope.CanSee(item.AgencyId))
        {
            return false;
        }

        if (item.CaseId is { } caseId)
        {
            return (await cases.FindAsync(scope, caseId, ct))?.MaySeeInFull == true;
        }

        return MaySeeUnlinked(scope, item);
    }

    internal static bool MaySeeUnlinked(AccessScope scope, MediaItem item) =>
        scope.IsInRole(Roles.Supervisor)
        || (scope.AgencyId == item.AgencyId && (scope.IsInRole(Roles.Head) || scope.IsInRole(Roles.Reviewer)))
        || item.UploadedBy == scope.ActorId
        || (scope.OfficerId is { } me && item.Officers.Contains(me));

    private async Task<MediaItem> WritableAsync(AccessScope scope, Guid id, CancellationToken ct)
    {
        scope.RequireAnyRole(Roles.Officer, Roles.Head);
        var item = await VisibleAsync(scope, id, ct);
        if (item.AgencyId != scope.AgencyId)
        {
            throw new ForbiddenException("只有本机关执法人员和负责人可以修改该音像记录");
        }

        return item;
    }

    private async Task<string> HashStateAsync(StoredObject obj, CancellationToken ct)
    {
        try
        {
            await using var stream = await store.OpenReadAsync(obj.Sha256, 0, null, ct);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
            try
            {
                int n;
                while ((n = await stream.ReadAsync(buffer, ct)) > 0)
                {
                    sha.AppendData(buffer, 0, n);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }

            return Convert.ToHexStringLower(sha.GetHashAndReset()) == obj.Sha256 ? "ok" : "mismatch";
        }
        catch (FileNotFoundException)
        {
            return "missing";
        }
        catch (DirectoryNotFoundException)
        {
            return "missing";
        }
    }

    private static DateTimeOffset? Instant(string text, string field, string label, Check check)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
        {
            return t;
        }

        check.Add(field, "INPUT-FORMAT", $"{label}格式不正确（应为 ISO 8601，如 2026-11-22T09:30:00+08:00）");
        return null;
    }

    private static double? Coordinate(string text, double limit, string field, string label, Check check)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && Math.Abs(v) <= limit && double.IsFinite(v))
        {
            return v;
        }

        check.Add(field, "INPUT-FORMAT", $"{label}无效");
        return null;
    }
}
