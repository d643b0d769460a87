using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Host.Auth;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Host.Pages.Admin;

/// <summary>
/// Links a user to the Registry officer they are, or removes the link. Case teams are made of officers, so the
/// link is how a user counts as a member of a case team and sees its party's personal data (SEC-PI-1,
/// docs/decisions/0012). Only an officer of the user's own agency, linked to no other user, may be chosen. The
/// user's principal picks the change up at the next security-stamp revalidation (within a minute).
/// </summary>
public sealed class UserOfficerModel(UserManager<SanxiangUser> users, IAccessScopeProvider scopes, IAgencyDirectory agencies, IEnforcementDirectory directory) : PageModel
{
    [BindProperty]
    public Guid? OfficerId { get; set; }

    public string UserName { get; private set; } = string.Empty;

    public string DisplayName { get; private set; } = string.Empty;

    public string AgencyName { get; private set; } = string.Empty;

    public IReadOnlyList<OfficerFacts> Officers { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var user = await FindInScopeAsync(id, ct);
        OfficerId = user.OfficerId;
        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var user = await FindInScopeAsync(id, ct);
        var check = new Check();
        if (OfficerId is { } officerId)
        {
            var officer = (await directory.OfficersAsync([officerId], ct)).SingleOrDefault();
            var other = await users.Users.AsNoTracking().Where(u => u.OfficerId == officerId && u.Id != user.Id).Select(u => u.UserName).FirstOrDefaultAsync(ct);
            check.That(officer is not null, nameof(OfficerId), "AUTH-OFFICER", "所选执法人员不存在")
                .That(officer is null || officer.AgencyId == user.AgencyId, nameof(OfficerId), "AUTH-OFFICER", "只能关联用户所在机构的执法人员：所选执法人员属于其他机构")
                .That(other is null, nameof(OfficerId), "AUTH-OFFICER", $"该执法人员已关联用户 {other}，一名执法人员只能关联一个用户");
        }

        if (check.Errors.Count == 0)
        {
            user.OfficerId = OfficerId;
            var result = await users.UpdateAsync(user);
            if (result.Succeeded)
            {
                TempData["Flash"] = OfficerId is null ? $"已取消 {user.UserName} 与执法人员的关联" : $"已将 {user.UserName} 关联到执法人员";
                return RedirectToPage("/Admin/Users");
            }

            foreach (var e in result.Errors)
            {
                check.Add(nameof(OfficerId), "AUTH-USER", e.Description);
            }
        }

        Errors = check.Errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(user, ct);
        return Page();
    }

    private async Task<SanxiangUser> FindInScopeAsync(Guid id, CancellationToken ct) => await users.FindManagedAsync(await scopes.GetAsync(ct), id);

    private async Task LoadAsync(SanxiangUser user, CancellationToken ct)
    {
        UserName = user.UserName ?? string.Empty;
        DisplayName = user.DisplayName;
        AgencyName = (await agencies.FindAsync(user.AgencyId, ct))?.Name ?? string.Empty;
        Officers = await directory.OfficersOfAgencyAsync(user.AgencyId, ct);
    }
}
