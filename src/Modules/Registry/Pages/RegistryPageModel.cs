using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Paging;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Registry.Pages;

/// <summary>Shared helpers of the Registry pages: the caller's scope, breadcrumbs and inline form errors.</summary>
internal abstract class RegistryPageModel(IAccessScopeProvider scopes) : PageModel
{
    public AccessScope Scope { get; private set; } = null!;

    public IReadOnlyList<FieldError> Errors { get; protected set; } = [];

    /// <summary>The agencies the caller may see, for filters and selects.</summary>
    public IReadOnlyList<AgencySummary> VisibleAgencies { get; protected set; } = [];

    public IReadOnlyList<AgencySummary> WritableAgencies => [.. VisibleAgencies.Where(a => Scope.CanWrite(a.Id))];

    public bool CanWriteAny => Scope.Writable.Count > 0;

    public string? ErrorFor(string field)
    {
        var messages = Errors.Where(e => string.Equals(e.Field, field, StringComparison.Ordinal)).Select(e => e.Message).ToList();
        return messages.Count == 0 ? null : string.Join("；", messages);
    }

    public string Invalid(string field) => ErrorFor(field) is null ? "false" : "true";

    /// <summary>The caller's scope only (pages about national data such as the working-day calendar).</summary>
    protected async Task<AccessScope> LoadScopeAsync(CancellationToken ct)
    {
        Scope = await scopes.GetAsync(ct);
        return Scope;
    }

    protected async Task<AccessScope> LoadScopeAsync(IAgencyDirectory agencies, CancellationToken ct)
    {
        Scope = await scopes.GetAsync(ct);
        VisibleAgencies = await agencies.ListAsync(Scope.Visible, ct);
        return Scope;
    }

    protected void Breadcrumbs(params (string Label, string? Url)[] crumbs) => ViewData["Breadcrumbs"] = crumbs.ToList();
}

/// <summary>A list page: search, sort and page come from the query string and go back into every link.</summary>
internal abstract class RegistryListPageModel(IAccessScopeProvider scopes) : RegistryPageModel(scopes)
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public ListState State { get; private set; } = null!;

    protected ListQuery Query => new(Search, Sort, Desc, PageNo, PageSize);

    protected void SetState(string path, int total, params (string Key, string? Value)[] filters) =>
        State = new ListState(path, Query.ClampTo(total), filters.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal), total);
}
