using Microsoft.EntityFrameworkCore;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Domain;
using Sanxiang.Registry.Features.Officers;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry.Features.RecordingLists;

/// <summary>One step of the list as the page and the API show it: listed or not, the rule requiring it, whether it is the default and may be dropped.</summary>
internal sealed record RecordingStepRow(string Code, string Label, string RuleId, bool Listed, bool IsDefault, bool Mandatory);

/// <summary>One of the agency's powers, for choosing the powers whose on-site inspections are recorded.</summary>
internal sealed record InspectionPowerRow(string Code, string Name, bool Listed);

/// <summary>An agency's recording-required list, its steps in <see cref="RecordingSteps.All"/> order and the agency's powers.</summary>
internal sealed record RecordingListView(
    Guid AgencyId,
    string AgencyName,
    int Version,
    bool IsDefault,
    bool CanEdit,
    IReadOnlyList<RecordingStepRow> Steps,
    IReadOnlyList<string> InspectionPowers,
    IReadOnlyList<InspectionPowerRow> Powers);

/// <summary>The body of a PUT: the whole list (both lists required, so that a field left out never empties one) and the version it was read at.</summary>
internal sealed record RecordingListChange(IReadOnlyList<string>? Steps, IReadOnlyList<string>? InspectionPowers, int? Version = null);

/// <summary>
/// Read, change and reset an agency's recording-required list (GB118-REC-2/3). Anyone who may see the agency reads it;
/// the agency's head and the administrators over it change it (AccessScope.Writable). Each change is one save of the
/// list with its event in the registry outbox.
/// </summary>
internal sealed class RecordingListFeatures(RegistryDbContext db)
{
    public async Task<RecordingListView> GetAsync(AccessScope scope, Guid agencyId, CancellationToken ct)
    {
        var name = await AgencyLists.VisibleAgencyNameAsync(db, scope, agencyId, ct);
        var list = await db.RecordingLists.AsNoTracking().SingleOrDefaultAsync(c => c.AgencyId == agencyId, ct) ?? RecordingList.StartFromDefaults(agencyId);
        var powers = await db.Powers.AsNoTracking().Where(p => p.AgencyId == agencyId).OrderBy(p => p.Code).Select(p => new { p.Code, p.Name }).ToListAsync(ct);
        return new RecordingListView(
            agencyId,
            name,
            list.Version,
            list.IsDefault,
            scope.CanWrite(agencyId),
            [.. RecordingSteps.All.Where(s => s != RecordingSteps.Other).Select(s => Row(s, list.Steps.Contains(s, StringComparer.Ordinal)))],
            [.. list.InspectionPowers],
            [.. powers.Select(p => new InspectionPowerRow(p.Code, p.Name, list.InspectionPowers.Contains(p.Code, StringComparer.Ordinal)))]);
    }

    public async Task ChangeAsync(AccessScope scope, Guid agencyId, RecordingListChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        new Check()
            .That(change.Steps is not null, nameof(change.Steps), "INPUT-REQUIRED", "须填写需要音像记录的事项（steps）")
            .That(change.InspectionPowers is not null, nameof(change.InspectionPowers), "INPUT-REQUIRED", "须填写需要音像记录的现场检查事项（inspectionPowers，可为空列表）")
            .ThrowIfAny();
        var list = await LoadWritableAsync(scope, agencyId, change.Version, ct);
        var codes = await db.Powers.AsNoTracking().Where(p => p.AgencyId == agencyId).Select(p => p.Code).ToListAsync(ct);
        list.Change(
            [.. change.Steps!.Select(s => (s ?? string.Empty).Trim())],
            [.. change.InspectionPowers!.Select(p => (p ?? string.Empty).Trim()).Where(p => p.Length > 0)],
            codes.ToHashSet(StringComparer.Ordinal));
        await SaveAsync(list, ct);
    }

    public async Task ResetAsync(AccessScope scope, Guid agencyId, int? version, CancellationToken ct)
    {
        var list = await LoadWritableAsync(scope, agencyId, version, ct);
        list.ResetToDefaults();
        await SaveAsync(list, ct);
    }

    private static RecordingStepRow Row(string code, bool listed) => new(
        code,
        RecordingSteps.Label(code),
        RecordingSteps.Rule(code),
        listed,
        listed == RecordingListFacts.DefaultSteps.Contains(code),
        RecordingListFacts.MandatorySteps.Contains(code));

    private async Task<RecordingList> LoadWritableAsync(AccessScope scope, Guid agencyId, int? version, CancellationToken ct)
    {
        await AgencyLists.RequireWritableAsync(db, scope, agencyId, "音像记录事项清单", ct);
        var list = await db.RecordingLists.AsTracking().SingleOrDefaultAsync(c => c.AgencyId == agencyId, ct) ?? RecordingList.StartFromDefaults(agencyId);
        OfficerFeatures.CheckVersion(version, list.Version);
        return list;
    }

    private Task SaveAsync(RecordingList list, CancellationToken ct) =>
        AgencyLists.SaveAsync(db, list, list.DomainEvents.Count, () => db.RecordingLists.Add(list), "音像记录事项清单", ct);
}

/// <summary>The Registry's answer to other modules: an agency's current recording-required list, or the defaults.</summary>
internal sealed class RecordingListDirectory(RegistryDbContext db) : IRecordingLists
{
    public async Task<RecordingListFacts> ForAgencyAsync(Guid agencyId, CancellationToken ct = default)
    {
        var list = await db.RecordingLists.AsNoTracking().SingleOrDefaultAsync(c => c.AgencyId == agencyId, ct);
        return list?.ToFacts() ?? RecordingListFacts.Defaults(agencyId);
    }
}
