using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Features.Powers;

namespace Sanxiang.Registry.Pages.Registry.Powers;

/// <summary>Creates a power, or (with an ID) revises it by adding a version (REG-5).</summary>
internal sealed class EditModel(PowerFeatures powers, IAgencyDirectory directory, IAccessScopeProvider scopes, TimeProvider clock) : RegistryPageModel(scopes)
{
    public sealed class Form
    {
        public Guid AgencyId { get; set; }

        public string? Code { get; set; }

        public string? Name { get; set; }

        public PowerCategory Category { get; set; } = PowerCategory.Penalty;

        public string? LegalBasisLaw { get; set; }

        public string? LegalBasisArticle { get; set; }

        public string? Area { get; set; }

        public DateOnly? EffectiveFrom { get; set; }

        public string? ChangeReason { get; set; }

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
            var d = await powers.GetAsync(scope, id, ct);
            if (!scope.CanWrite(d.Power.AgencyId))
            {
                return Forbid();
            }

            var latest = d.Versions[0];
            Input = new Form
            {
                AgencyId = d.Power.AgencyId,
                Code = d.Power.Code,
                Name = latest.Name,
                Category = latest.Category,
                LegalBasisLaw = latest.LegalBasisLaw,
                LegalBasisArticle = latest.LegalBasisArticle,
                Area = latest.Area,
                EffectiveFrom = ChinaTime.Today(clock),
                Version = d.Power.Version,
            };
        }
        else if (!CanWriteAny)
        {
            return Forbid();
        }
        else
        {
            Input.EffectiveFrom = ChinaTime.Today(clock);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(directory, ct);
        Crumbs();
        if (Id is { } inScope)
        {
            // Scope first: a power outside it is 404 whatever the form holds.
            await powers.GetAsync(scope, inScope, ct);
        }

        if (Input.EffectiveFrom is not { } effective)
        {
            Errors = [new FieldError(nameof(Form.EffectiveFrom), "INPUT-REQUIRED", "请填写生效日期")];
            return Page();
        }

        try
        {
            Guid id;
            if (Id is { } existing)
            {
                id = existing;
                await powers.ReviseAsync(scope, id, new PowerRevision(Input.Name ?? string.Empty, Input.Category, Input.LegalBasisLaw ?? string.Empty, Input.LegalBasisArticle ?? string.Empty, Input.Area ?? string.Empty, effective, Input.ChangeReason ?? string.Empty, Input.Version), ct);
            }
            else
            {
                id = await powers.CreateAsync(scope, new PowerInput(Input.AgencyId, Input.Code ?? string.Empty, Input.Name ?? string.Empty, Input.Category, Input.LegalBasisLaw ?? string.Empty, Input.LegalBasisArticle ?? string.Empty, Input.Area ?? string.Empty, effective), ct);
            }

            TempData["Flash"] = "已保存";
            return Redirect($"/Registry/Powers/Details/{id}");
        }
        catch (DomainRuleException e)
        {
            Errors = e.Errors;
            return Page();
        }
    }

    private void Crumbs() => Breadcrumbs(("权责清单", "/Registry/Powers"), (Id is null ? "新增" : "调整", null));
}
