using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Features.RecordingLists;

namespace Sanxiang.Registry.Pages.Registry.Agencies;

/// <summary>
/// 音像记录事项清单 of one agency (GB118-REC-2/3): everyone who may see the agency reads it; its head and the
/// administrators over it choose the listed steps and the powers whose on-site inspections are recorded, or restore the defaults.
/// </summary>
internal sealed class RecordingListModel(RecordingListFeatures lists, IAccessScopeProvider scopes) : RegistryPageModel(scopes)
{
    public sealed class Form
    {
        public List<string> Steps { get; set; } = [];

        public List<string> InspectionPowers { get; set; } = [];

        public int? Version { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Form Input { get; set; } = new();

    public RecordingListView List { get; private set; } = null!;

    public bool StepChecked(string code) => Input.Steps.Contains(code, StringComparer.Ordinal);

    public bool PowerChecked(string code) => Input.InspectionPowers.Contains(code, StringComparer.Ordinal);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new Form { Steps = [.. List.Steps.Where(s => s.Listed).Select(s => s.Code)], InspectionPowers = [.. List.InspectionPowers], Version = List.Version };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        return await SaveAsync(() => lists.ChangeAsync(Scope, Id, new RecordingListChange(Input.Steps, Input.InspectionPowers, Input.Version), ct), "已保存音像记录事项清单");
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        return await SaveAsync(() => lists.ResetAsync(Scope, Id, Input.Version, ct), "已恢复默认清单");
    }

    private async Task<IActionResult> SaveAsync(Func<Task> save, string flash)
    {
        try
        {
            await save();
            TempData["Flash"] = flash;
            return Redirect($"/Registry/Agencies/RecordingList/{Id}");
        }
        catch (DomainRuleException e)
        {
            Errors = e.Errors;
            return Page();
        }
    }

    /// <summary>Loads the list (404 outside the caller's scope); true when the caller may change it.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        List = await lists.GetAsync(scope, Id, ct);
        Breadcrumbs(("执法主体", "/Registry/Agencies"), (List.AgencyName, $"/Registry/Agencies/Details/{Id}"), ("音像记录事项清单", null));
        return List.CanEdit;
    }
}
