using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Media.Features;

namespace Sanxiang.Media.Pages.Media;

/// <summary>The agency's recorder register: devices, when each last uploaded, and ingests refused for unknown devices.</summary>
internal sealed class DevicesModel(IAccessScopeProvider scopes, MediaQueries queries, MediaCommands commands) : MediaPageModel(scopes)
{
    public IReadOnlyList<DeviceRow> Devices { get; private set; } = [];

    public IReadOnlyList<RefusalRow> Refusals { get; private set; } = [];

    [BindProperty]
    public DeviceInput Form { get; set; } = new(string.Empty, "执法记录仪", null);

    public bool MayRegister => Scope.IsInRole(Roles.Head) || Scope.IsInRole(Roles.Administrator);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        try
        {
            await commands.RegisterDeviceAsync(Scope, Form.Serial, Form.Kind, Form.Model ?? string.Empty, ct);
            return Redirect("/Media/Devices");
        }
        catch (DomainRuleException e)
        {
            return Refused(e);
        }
    }

    public async Task<IActionResult> OnPostActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        await LoadScopeAsync(ct);
        await commands.SetDeviceActiveAsync(Scope, id, active, ct);
        return Redirect("/Media/Devices");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        (Devices, Refusals) = await queries.DevicesAsync(scope, ct);
        Breadcrumbs(("音像记录", "/Media"), ("记录设备登记册", null));
    }
}
