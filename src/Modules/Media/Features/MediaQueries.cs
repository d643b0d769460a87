using Microsoft.EntityFrameworkCore;
using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Media.Domain;
using Sanxiang.Media.Persistence;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Media.Features;

/// <summary>A record as lists and the API show it (no personal data: officer IDs, device, case number).</summary>
internal sealed record MediaRow(
    Guid Id,
    Guid AgencyId,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string? Sm3,
    string Category,
    string CategoryLabel,
    Guid? CaseId,
    string? CaseNumber,
    string? Step,
    string? StepLabel,
    string? DeviceSerial,
    IReadOnlyList<Guid> OfficerIds,
    DateTimeOffset? RecordedFrom,
    DateTimeOffset? RecordedTo,
    double? Latitude,
    double? Longitude,
    double? DurationSeconds,
    string? Codec,
    int? Width,
    int? Height,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    string? Station,
    PermanentReason Permanent,
    string? HoldReason,
    DateOnly? RetainUntil,
    DateTimeOffset? DeletedAt);

internal sealed record AccessRow(string Actor, string ActorName, DateTimeOffset At, bool Download, string Range);

internal sealed record DeviceRow(Guid Id, string Serial, string Kind, string Model, bool Active, DateTimeOffset RegisteredAt, DateTimeOffset? LastUploadAt, long Uploads);

internal sealed record RefusalRow(string Serial, string Station, string Reason, DateTimeOffset At);

internal sealed record AlertRow(Guid Id, string Sha256, string Kind, string KindLabel, string Detail, DateTimeOffset FoundAt);

/// <summary>Read side of the Media module; every list is scoped (agency subtree, then the case-team rule per record).</summary>
internal sealed class MediaQueries(MediaDbContext db, ICaseLookup cases)
{
    public async Task<IReadOnlyList<MediaRow>> ListAsync(AccessScope scope, Guid? caseId, int take, CancellationToken ct)
    {
        var visible = scope.Visible.ToList();
        var q = db.Items.AsNoTracking().Where(i => visible.Contains(i.AgencyId));
        if (caseId is { } c)
        {
            q = q.Where(i => i.CaseId == c);
        }

        var items = await q.OrderByDescending(i => i.UploadedAt).Take(Math.Clamp(take, 1, 500) * 2).ToListAsync(ct);
        var refs = await cases.FindManyAsync(scope, [.. items.Where(i => i.CaseId is not null).Select(i => i.CaseId!.Value)], ct);
        return [.. items
            .Where(i => i.CaseId is { } id ? refs.TryGetValue(id, out var r) && r.MaySeeInFull : MediaCommands.MaySeeUnlinked(scope, i))
            .Take(Math.Clamp(take, 1, 500))
            .Select(i => Row(i, i.CaseId is { } id && refs.TryGetValue(id, out var r) ? r.Number : null))];
    }

    public async Task<MediaRow> GetAsync(AccessScope scope, Guid id, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !await MediaCommands.MaySeeAsync(scope, item, cases, ct))
        {
            throw new NotFoundException();
        }

        var number = item.CaseId is { } c ? (await cases.FindAsync(scope, c, ct))?.Number : null;
        return Row(item, number);
    }

    public async Task<IReadOnlyList<AccessRow>> AccessLogAsync(AccessScope scope, Guid id, CancellationToken ct)
    {
        await GetAsync(scope, id, ct);
        return await db.Accesses.AsNoTracking().Where(a => a.ItemId == id).OrderByDescending(a => a.At).Take(500)
            .Select(a => new AccessRow(a.Actor, a.ActorName, a.At, a.Download, a.Range)).ToListAsync(ct);
    }

    public async Task<(IReadOnlyList<DeviceRow> Devices, IReadOnlyList<RefusalRow> Refusals)> DevicesAsync(AccessScope scope, CancellationToken ct)
    {
        var agency = scope.AgencyId;
        var devices = await db.Devices.AsNoTracking().Where(d => d.AgencyId == agency).OrderBy(d => d.Serial)
            .Select(d => new DeviceRow(d.Id, d.Serial, d.Kind, d.Model, d.Active, d.RegisteredAt, d.LastUploadAt, d.Uploads)).ToListAsync(ct);
        var refusals = await db.DeviceRefusals.AsNoTracking().Where(r => r.AgencyId == agency).OrderByDescending(r => r.At).Take(100)
            .Select(r => new RefusalRow(r.Serial, r.Station, r.Reason, r.At)).ToListAsync(ct);
        return (devices, refusals);
    }

    /// <summary>Scrub alerts: for administrators and supervisors (objects may be shared by agencies).</summary>
    public async Task<IReadOnlyList<AlertRow>> AlertsAsync(AccessScope scope, CancellationToken ct)
    {
        scope.RequireAnyRole(Roles.Administrator, Roles.Supervisor);
        var rows = await db.Alerts.AsNoTracking().OrderByDescending(a => a.FoundAt).Take(500).ToListAsync(ct);
        return [.. rows.Select(a => new AlertRow(a.Id, a.Sha256, a.Kind, MediaAlert.Label(a.Kind), a.Detail, a.FoundAt))];
    }

    private static MediaRow Row(MediaItem i, string? caseNumber) => new(
        i.Id, i.AgencyId, i.FileName, i.ContentType, i.Size, i.Sha256, i.Sm3, i.Category, MediaCategories.Label(i.Category), i.CaseId, caseNumber,
        i.Step, i.Step is null ? null : RecordingSteps.Label(i.Step), i.DeviceSerial, i.Officers, i.RecordedFrom, i.RecordedTo, i.Latitude, i.Longitude,
        i.DurationSeconds, i.Codec, i.Width, i.Height, i.UploadedBy, i.UploadedAt, i.Station, i.Permanent, i.HoldReason, i.RetainUntil, i.DeletedAt);
}

/// <summary>The Media module's answer to the case engine: how many live records document a case step.</summary>
internal sealed class CaseRecordings(MediaDbContext db) : ICaseRecordings
{
    public Task<int> CountLinkedAsync(Guid caseId, string stepCode, CancellationToken ct = default) =>
        db.Items.AsNoTracking().CountAsync(i => i.CaseId == caseId && i.Step == stepCode && i.DeletedAt == null, ct);
}
