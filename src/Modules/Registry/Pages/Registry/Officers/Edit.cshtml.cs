using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Features.Officers;

namespace Sanxiang.Registry.Pages.Registry.Officers;

internal sealed class EditModel(OfficerFeatures officers, IAgencyDirectory directory, IAccessScopeProvider scopes) : RegistryPageModel(scopes)
{
    public sealed class Form
    {
        public Guid AgencyId { get; set; }

        public string? Name { get; set; }

        public string? IdNumber { get; set; }

        public string? CertificateNumber { get; set; }

        public string? Areas { get; set; }

        public DateOnly? IssuedOn { get; set; }

        public DateOnly? ExpiresOn { get; set; }

        public bool IsAuxiliary { get; set; }

        public bool HasLegalQualification { get; set; }

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
            var o = (await officers.GetAsync(scope, id, ct)).Officer;
            if (!scope.CanWrite(o.AgencyId))
            {
                return Forbid();
            }

            var idNumber = await officers.GetIdNumberForEditAsync(scope, id, ct);
            Input = new Form
            {
                AgencyId = o.AgencyId,
                Name = o.Name,
                IdNumber = idNumber,
                CertificateNumber = o.CertificateNumber,
                Areas = string.Join("、", o.Areas),
                IssuedOn = o.IssuedOn,
                ExpiresOn = o.ExpiresOn,
                IsAuxiliary = o.IsAuxiliary,
                HasLegalQualification = o.HasLegalQualification,
                Version = o.Version,
            };
        }
        else if (!CanWriteAny)
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
            // Scope first: an officer outside it is 404 whatever the form holds.
            await officers.GetAsync(scope, existing, ct);
        }

        var areas = SplitAreas(Input.Areas);
        if (Input.IssuedOn is null || Input.ExpiresOn is null)
        {
            // Report every problem at once: the missing dates and whatever else the domain rejects.
            var check = new Check()
                .That(Input.IssuedOn is not null, nameof(Form.IssuedOn), "INPUT-REQUIRED", "请填写发证日期（格式：年-月-日）")
                .That(Input.ExpiresOn is not null, nameof(Form.ExpiresOn), "INPUT-REQUIRED", "请填写有效期截止日期（格式：年-月-日）");
            var rest = Domain.Officer.Validate(new Domain.OfficerData(Input.Name ?? string.Empty, Input.IdNumber ?? string.Empty, Input.CertificateNumber ?? string.Empty, areas, DateOnly.MinValue, DateOnly.MaxValue, Input.IsAuxiliary, Input.HasLegalQualification));
            Errors = [.. check.Errors, .. rest.Errors];
            return Page();
        }

        var input = new OfficerInput(Input.AgencyId, Input.Name ?? string.Empty, Input.IdNumber ?? string.Empty, Input.CertificateNumber ?? string.Empty, areas, Input.IssuedOn!.Value, Input.ExpiresOn!.Value, Input.IsAuxiliary, Input.HasLegalQualification, Input.Version);
        try
        {
            var id = Id ?? await officers.RegisterAsync(scope, input, ct);
            if (Id is not null)
            {
                await officers.UpdateAsync(scope, id, input, ct);
            }

            TempData["Flash"] = "已保存";
            return Redirect($"/Registry/Officers/Details/{id}");
        }
        catch (DomainRuleException e)
        {
            Errors = e.Errors;
            return Page();
        }
    }

    private static string[] SplitAreas(string? text) =>
        (text ?? string.Empty).Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private void Crumbs() => Breadcrumbs(("执法人员", "/Registry/Officers"), (Id is null ? "登记" : "修改", null));
}
