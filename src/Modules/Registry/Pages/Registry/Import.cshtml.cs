using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Features.Officers;
using Sanxiang.Registry.Features.Powers;
using Sanxiang.Registry.Features.Tabular;

namespace Sanxiang.Registry.Pages.Registry;

/// <summary>All-or-nothing import of officers or powers from CSV or .xlsx, with every rejected cell listed.</summary>
[RequestSizeLimit(6 * 1024 * 1024)]
internal sealed class ImportModel(OfficerImport officerImport, PowerImport powerImport, IAgencyDirectory directory, IAccessScopeProvider scopes) : RegistryPageModel(scopes)
{
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = "officers";

    [BindProperty]
    public Guid AgencyId { get; set; }

    public ImportResult? Result { get; private set; }

    public bool IsPowers => string.Equals(Kind, "powers", StringComparison.Ordinal);

    public string KindLabel => IsPowers ? "权责清单" : "执法人员";

    public string BackUrl => IsPowers ? "/Registry/Powers" : "/Registry/Officers";

    public IReadOnlyList<string> Columns => IsPowers ? PowerColumns.All : OfficerColumns.All;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return CanWriteAny ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var scope = await LoadAsync(ct);
        if (file is null || file.Length == 0)
        {
            Errors = [new FieldError("file", "IMPORT-FILE", "请选择要导入的文件")];
            return Page();
        }

        try
        {
            await using var stream = file.OpenReadStream();
            Result = IsPowers
                ? await powerImport.ImportAsync(scope, AgencyId, stream, file.FileName, ct)
                : await officerImport.ImportAsync(scope, AgencyId, stream, file.FileName, ct);
        }
        catch (DomainRuleException e)
        {
            Errors = e.Errors;
        }

        return Page();
    }

    private async Task<AccessScope> LoadAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(directory, ct);
        Breadcrumbs((KindLabel, BackUrl), ("批量导入", null));
        if (AgencyId == Guid.Empty)
        {
            AgencyId = scope.Writable.Contains(scope.AgencyId) ? scope.AgencyId : WritableAgencies.FirstOrDefault()?.Id ?? Guid.Empty;
        }

        return scope;
    }
}
