using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Host.Auth;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Host.Pages.Admin;

/// <summary>Administrators manage the users of their agency subtree (and only those); the linked officer is set on /Admin/UserOfficer.</summary>
public sealed class UsersModel(UserManager<SanxiangUser> users, IAccessScopeProvider scopes, IAgencyDirectory agencies, IEnforcementDirectory directory, TimeProvider clock) : PageModel
{
    public sealed record UserRow(Guid Id, string UserName, string DisplayName, string AgencyName, IReadOnlyList<string> Roles, string? Officer, bool TwoFactor, bool LockedOut, bool Disabled);

    public sealed class NewUser
    {
        public string? UserName { get; set; }

        public string? DisplayName { get; set; }

        public Guid AgencyId { get; set; }

        public string? Role { get; set; }

        public string? Password { get; set; }
    }

    [BindProperty]
    public NewUser Input { get; set; } = new();

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public IReadOnlyList<AgencySummary> Agencies { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var check = new Check()
            .Required(nameof(NewUser.UserName), "用户名", Input.UserName, 64)
            .Required(nameof(NewUser.DisplayName), "姓名", Input.DisplayName, 50)
            .That(scope.CanWrite(Input.AgencyId), nameof(NewUser.AgencyId), "AUTH-SCOPE", "请选择您有权管理的机构")
            .That(Input.Role is not null && Roles.UserRoles.Contains(Input.Role), nameof(NewUser.Role), "INPUT-ENUM", "角色无效");
        if (check.Errors.Count == 0)
        {
            var user = new SanxiangUser { Id = Guid.CreateVersion7(), UserName = Input.UserName!.Trim(), DisplayName = Input.DisplayName!.Trim(), AgencyId = Input.AgencyId, LockoutEnabled = true };
            var result = await users.CreateAsync(user, Input.Password ?? string.Empty);
            if (result.Succeeded)
            {
                await users.AddToRoleAsync(user, Input.Role!);
                TempData["Flash"] = $"已创建用户 {user.UserName}";
                return RedirectToPage();
            }

            foreach (var e in result.Errors)
            {
                check.Add(e.Code, "AUTH-USER", e.Description);
            }
        }

        Errors = check.Errors;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Replaces the user's role; the security stamp changes so their open sessions end.</summary>
    public async Task<IActionResult> OnPostSetRoleAsync(Guid id, string? role, CancellationToken ct)
    {
        var user = await FindInScopeAsync(id, ct);
        if (role is null || !Roles.UserRoles.Contains(role))
        {
            TempData["Flash"] = "角色无效";
            return RedirectToPage();
        }

        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        TempData["Flash"] = $"已将 {user.UserName} 的角色变更为{Roles.Label(role)}";
        return RedirectToPage();
    }

    /// <summary>Disables (or re-enables) a user: a disabled user cannot sign in and their sessions end.</summary>
    public async Task<IActionResult> OnPostSetDisabledAsync(Guid id, bool disabled, CancellationToken ct)
    {
        var user = await FindInScopeAsync(id, ct);
        if (disabled && string.Equals(users.GetUserId(User), user.Id.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            TempData["Flash"] = "不能停用自己的账号";
            return RedirectToPage();
        }

        await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user);
        TempData["Flash"] = disabled ? $"已停用 {user.UserName}" : $"已启用 {user.UserName}";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken ct)
    {
        var user = await FindInScopeAsync(id, ct);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Flash"] = $"已解锁 {user.UserName}";
        return RedirectToPage();
    }

    /// <summary>
    /// Sets a random temporary password, shown once to the administrator, which the user must change at the next sign-in
    /// (SEC-AUTH-1); the user's sessions end.
    /// </summary>
    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id, CancellationToken ct)
    {
        var user = await FindInScopeAsync(id, ct);
        var temporary = Sanxiang.Host.Infrastructure.PasswordChangeEnforcement.TemporaryPassword();
        await users.RemovePasswordAsync(user);
        var added = await users.AddPasswordAsync(user, temporary);
        if (!added.Succeeded)
        {
            TempData["Flash"] = "重置密码未成功：" + string.Join("；", added.Errors.Select(e => e.Description));
            return RedirectToPage();
        }

        await Sanxiang.Host.Infrastructure.PasswordChangeEnforcement.RequireChangeAsync(users, user);
        await users.UpdateSecurityStampAsync(user);
        TempData["Flash"] = $"已重置 {user.UserName} 的密码。临时密码（仅显示一次，请当面或以安全方式告知本人）：{temporary}。用户下次登录须先修改密码。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(Guid id, CancellationToken ct)
    {
        var user = await FindInScopeAsync(id, ct);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        TempData["Flash"] = $"已重置 {user.UserName} 的双因素认证，用户下次登录须重新绑定";
        return RedirectToPage();
    }

    private async Task<SanxiangUser> FindInScopeAsync(Guid id, CancellationToken ct) => await users.FindManagedAsync(await scopes.GetAsync(ct), id);

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Agencies = await agencies.ListAsync(scope.Writable, ct);
        var names = Agencies.ToDictionary(a => a.Id, a => a.Name);
        var writable = scope.Writable.ToList();
        var list = await users.Users.AsNoTracking().Where(u => writable.Contains(u.AgencyId)).OrderBy(u => u.UserName).ToListAsync(ct);
        var officers = (await directory.OfficersAsync([.. list.Select(u => u.OfficerId).OfType<Guid>()], ct)).ToDictionary(o => o.Id, o => $"{o.Name}（{o.CertificateNumber}）");
        var rows = new List<UserRow>();
        foreach (var u in list)
        {
            var locked = u.LockoutEnd is { } end && end > clock.GetUtcNow();
            var disabled = u.LockoutEnd is { } until && until.Year >= 9999;
            rows.Add(new UserRow(u.Id, u.UserName ?? string.Empty, u.DisplayName, names.GetValueOrDefault(u.AgencyId, string.Empty), [.. await users.GetRolesAsync(u)],
                u.OfficerId is { } officer ? officers.GetValueOrDefault(officer, "（执法人员已不在库中）") : null, u.TwoFactorEnabled, locked && !disabled, disabled));
        }

        Users = rows;
    }
}
