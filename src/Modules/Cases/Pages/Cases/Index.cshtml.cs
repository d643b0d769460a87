using Microsoft.AspNetCore.Mvc;
using Sanxiang.Cases.Contracts;
using Sanxiang.Cases.Features;
using Sanxiang.Kernel.Paging;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Cases.Pages.Cases;

internal sealed class IndexModel(IAccessScopeProvider scopes, CaseQueries queries) : CasesPageModel(scopes)
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool DueSoon { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool AwaitingApproval { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public PagedResult<CaseRow> Result { get; private set; } = null!;

    public ListState State { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await LoadScopeAsync(ct);
        var query = new ListQuery(Search, Sort, Desc, PageNo, 20);
        Result = await queries.ListAsync(scope, query, Stage, Mine, DueSoon, ct, AwaitingApproval);
        State = new ListState("/Cases", query.ClampTo(Result.Total), new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["stage"] = Stage?.ToString(),
            ["mine"] = Mine ? "true" : null,
            ["dueSoon"] = DueSoon ? "true" : null,
            ["awaitingApproval"] = AwaitingApproval ? "true" : null,
        }, Result.Total);
        Breadcrumbs(("案件办理", null));
    }
}
