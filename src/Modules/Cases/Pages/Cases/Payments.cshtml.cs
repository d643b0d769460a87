using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Sanxiang.Cases.Features;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Cases.Pages.Cases;

/// <summary>Imports the bank's payment confirmations (CSV) and matches them to cases by reference (APL-67).</summary>
internal sealed class PaymentsModel(IAccessScopeProvider scopes, PaymentImport import) : CasesPageModel(scopes)
{
    public PaymentImportResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadScopeAsync(ct);
        Breadcrumbs(("案件办理", "/Cases"), ("导入银行缴款记录", null));
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        await OnGetAsync(ct);
        if (file is null || file.Length == 0)
        {
            Errors = [new FieldError("File", "INPUT-REQUIRED", "请选择银行缴款记录文件（CSV）")];
            return Page();
        }

        try
        {
            await using var stream = file.OpenReadStream();
            Result = await import.ImportAsync(Scope, stream, ct);
            return Page();
        }
        catch (DomainRuleException e)
        {
            return Refused(e);
        }
    }
}
