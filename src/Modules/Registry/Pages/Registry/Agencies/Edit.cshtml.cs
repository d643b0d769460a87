using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Features.Agencies;

namespace Sanxiang.Registry.Pages.Registry.Agencies;

internal sealed class EditModel(AgencyFeatures agencies, IAgencyDirectory directory, IAccessScopeProvider scopes) : RegistryPageModel(scopes)
{
    public sealed class Form
    {
        public string? Name { get; set; }

        public AgencyLevel Level { get; set; } = AgencyLevel.County;

        public AgencyKind Kind { get; set; } = AgencyKind.MarketRegulation;

        public Guid? ParentId { get; set; }

        public string? CreditCode { get; set; }

        public string? LegalUnit { get; set; }

        public string? Address { get; set; }

        public string? RegionCode { get; set; }

        public string? RegionName { get; set; }

        public int? Version { get; set; }
    }

    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public Form Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(directory, ct);
        Crumbs();
        if (Id is { } id)
        {
            var a = await agencies.GetAsync(scope, id, ct);
            if (!scope.CanWrite(id) || !scope.IsInRole(Roles.Administrator))
            {
                return Forbid();
            }

            Input = new Form { Name = a.Name, Level = a.Level, Kind = a.Kind, ParentId = a.ParentId, CreditCode = a.CreditCode, LegalUnit = a.LegalUnit, Address = a.Address, RegionCode = a.RegionCode, RegionName = a.RegionName, Version = a.Version };
        }
        else if (!scope.IsInRole(Roles.Administrator))
        {
            return Forbid();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(directory, ct);
        Crumbs();
        if (Id is { } existing)
        {
            await agencies.GetAsync(scope, existing, ct);
        }

        var input = new AgencyInput(Input.Name ?? string.Empty, Input.Level, Input.Kind, Input.ParentId, Input.CreditCode, Input.LegalUnit ?? string.Empty, Input.Address, Input.Version, Input.RegionCode, Input.RegionName);
        try
        {
            if (Id is { } id)
            {
                await agencies.UpdateAsync(scope, id, input, ct);
                TempData["Flash"] = "已保存";
                return Redirect($"/Registry/Agencies/Details/{id}");
            }

            var created = await agencies.CreateAsync(scope, input, ct);
            TempData["Flash"] = "已新增执法主体";
            return Redirect($"/Registry/Agencies/Details/{created}");
        }
        catch (DomainRuleException e)
        {
            Errors = e.Errors;
            return Page();
        }
    }

    private void Crumbs() => Breadcrumbs(("执法主体", "/Registry/Agencies"), (Id is null ? "新增" : "修改", null));
}
