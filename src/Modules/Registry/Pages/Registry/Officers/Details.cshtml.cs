using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Features.Officers;

namespace Sanxiang.Registry.Pages.Registry.Officers;

internal sealed class DetailsModel(OfficerFeatures officers, IAgencyDirectory directory, IAccessScopeProvider scopes, TimeProvider clock) : RegistryPageModel(scopes)
{
    [FromRoute]
    public Guid Id { get; set; }

    public OfficerDetails Details { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public bool CanWrite => Scope.CanWrite(Details.Officer.AgencyId);

    /// <summary>Whether /Badges/Print would issue this officer's badge: a head or an administrator over the officer's agency (BadgeIssuer).</summary>
    public bool CanPrintBadge => CanWrite && (Scope.IsInRole(Roles.Head) || Scope.IsInRole(Roles.Administrator));

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostTrainingAsync(int year, int hours, CancellationToken ct) =>
        RunAsync(s => officers.RecordTrainingAsync(s, Id, year, hours, ct), "已登记培训学时", ct);

    public Task<IActionResult> OnPostStatusAsync(CertificateStatus status, CancellationToken ct) =>
        RunAsync(s => officers.ChangeStatusAsync(s, Id, status, ct), "已变更证件状态", ct);

    private async Task<IActionResult> RunAsync(Func<AccessScope, Task> action, string done, CancellationToken ct)
    {
        var scope = await LoadScopeAsync(directory, ct);
        try
        {
            await action(scope);
            TempData["Flash"] = done;
            return Redirect($"/Registry/Officers/Details/{Id}");
        }
        catch (DomainRuleException e)
        {
            await LoadAsync(ct);
            Errors = e.Errors;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(directory, ct);
        Today = ChinaTime.Today(clock);
        Details = await officers.GetAsync(scope, Id, ct);
        Breadcrumbs(("执法人员", "/Registry/Officers"), (Details.Officer.Name, null));
    }
}
