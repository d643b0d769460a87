using Sanxiang.Kernel.Domain;

namespace Sanxiang.Media.Domain;

/// <summary>A recorder of the agency (执法记录仪、手机、采集终端): docking stations may ingest only from registered, active devices.</summary>
internal sealed class Device : AggregateRoot
{
    private Device()
    {
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The device ID the recorder reports (serial number), unique within the agency.</summary>
    public string Serial { get; private set; } = string.Empty;

    public string Kind { get; private set; } = string.Empty;

    public string Model { get; private set; } = string.Empty;

    public bool Active { get; private set; } = true;

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset? LastUploadAt { get; private set; }

    public long Uploads { get; private set; }

    public int Version { get; private set; }

    public static IReadOnlyList<string> Kinds { get; } = ["执法记录仪", "手机", "采集终端", "其他"];

    public static Device Register(Guid agencyId, string serial, string kind, string model, DateTimeOffset now)
    {
        new Check()
            .Required("Serial", "设备编号", serial, 64)
            .That(string.IsNullOrWhiteSpace(serial) || serial.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'), "Serial", "INPUT-FORMAT", "设备编号只能包含字母、数字和 - _ .")
            .That(Kinds.Contains(kind), "Kind", "INPUT-ENUM", "设备类型无效")
            .MaxLength("Model", "型号", model, 100)
            .ThrowIfAny();
        var d = new Device { Id = Guid.CreateVersion7(now), AgencyId = agencyId, Serial = serial.Trim(), Kind = kind, Model = (model ?? string.Empty).Trim(), RegisteredAt = now };
        d.Commit("media.device.registered");
        return d;
    }

    public void SetActive(bool active)
    {
        if (Active != active)
        {
            Active = active;
            Commit(active ? "media.device.activated" : "media.device.deactivated");
        }
    }

    public void Uploaded(DateTimeOffset at)
    {
        LastUploadAt = at;
        Uploads++;
        Version++;
    }

    private void Commit(string eventType)
    {
        Version++;
        Raise(new DeviceEvent(eventType, Id, AgencyId, Serial));
    }
}

internal sealed record DeviceEvent(string EventType, Guid AggregateId, Guid AgencyId, string Serial) : IDomainEvent;

/// <summary>An ingest refused because its device is unknown or inactive: reported on the device register.</summary>
internal sealed class DeviceRefusal
{
    public Guid Id { get; set; }

    public Guid AgencyId { get; set; }

    public string Serial { get; set; } = string.Empty;

    public string Station { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }
}

/// <summary>A stored object as the scrub knows it (one per distinct SHA-256; items share it).</summary>
internal sealed class StoredObject
{
    public string Sha256 { get; set; } = string.Empty;

    public long Size { get; set; }

    public string Store { get; set; } = string.Empty;

    public DateTimeOffset StoredAt { get; set; }

    public DateTimeOffset? ScrubbedAt { get; set; }

    /// <summary>"ok", "missing", "mismatch" or "deleted" (removed by the retention policy).</summary>
    public string State { get; set; } = "ok";
}

/// <summary>The scrub found an object missing or altered: an alert for administrators and supervisors, and a Ledger event.</summary>
internal sealed class MediaAlert : AggregateRoot
{
    private MediaAlert()
    {
    }

    public Guid Id { get; private set; }

    public string Sha256 { get; private set; } = string.Empty;

    public string Kind { get; private set; } = string.Empty;

    public string Detail { get; private set; } = string.Empty;

    public DateTimeOffset FoundAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public static MediaAlert Raise(string sha256, string kind, string detail, DateTimeOffset now)
    {
        var a = new MediaAlert { Id = Guid.CreateVersion7(now), Sha256 = sha256, Kind = kind, Detail = detail, FoundAt = now };
        a.Raise(new AlertEvent("media.scrub.alert", a.Id, sha256, kind));
        return a;
    }

    public static string Label(string kind) => kind == "missing" ? "对象缺失" : "内容被改动（哈希不符）";
}

internal sealed record AlertEvent(string EventType, Guid AggregateId, string Sha256, string Kind) : IDomainEvent;
