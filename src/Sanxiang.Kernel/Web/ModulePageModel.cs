using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Kernel.Web;

/// <summary>Shared helpers of the modules' pages: the caller's scope, inline errors, and how a refused step is shown.</summary>
public abstract class ModulePageModel(IAccessScopeProvider scopes) : PageModel
{
    public AccessScope Scope { get; private set; } = null!;

    public IReadOnlyList<FieldError> Errors { get; protected set; } = [];

    public string? ErrorFor(string field)
    {
        var messages = Errors.Where(e => string.Equals(e.Field, field, StringComparison.Ordinal)).Select(e => e.Message).ToList();
        return messages.Count == 0 ? null : string.Join("；", messages);
    }

    public string Invalid(string field) => ErrorFor(field) is null ? "false" : "true";

    public bool CanAct => Scope.IsInRole(Roles.Officer) || Scope.IsInRole(Roles.Head);

    protected async Task<AccessScope> LoadScopeAsync(CancellationToken ct) => Scope = await scopes.GetAsync(ct);

    /// <summary>A refused step stays on the form with the rule's message; a state conflict answers 409, a broken rule 422.</summary>
    protected IActionResult Refused(DomainRuleException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Errors = [.. e.Errors.Select(x => x with { Message = $"{x.Message}（{x.RuleId}）" })];
        Response.StatusCode = e.IsConflict || e.RuleId == "CONCURRENCY" ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    protected void Breadcrumbs(params (string Label, string? Url)[] crumbs) => ViewData["Breadcrumbs"] = crumbs.ToList();
}
