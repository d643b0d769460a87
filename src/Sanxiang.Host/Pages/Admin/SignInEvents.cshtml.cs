using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Host.Auth;
using Sanxiang.Kernel.Security;

namespace Sanxiang.Host.Pages.Admin;

/// <summary>Sign-in events of the users the administrator manages (plus attempts for unknown names).</summary>
public sealed class SignInEventsModel(AuthDbContext db, IAccessScopeProvider scopes) : PageModel
{
    private const int PageSize = 50;

    public sealed record EventRow(string At, string UserName, string? RemoteAddress, bool Succeeded, string Outcome);

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNo { get; set; } = 1;

    public bool HasMore { get; private set; }

    public IReadOnlyList<EventRow> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var writable = scope.Writable.ToList();
        var managed = db.Users.Where(u => writable.Contains(u.AgencyId)).Select(u => u.Id);
        var q = db.SignInEvents.AsNoTracking().Where(e => e.UserId == null || managed.Contains(e.UserId.Value));
        if (!string.IsNullOrWhiteSpace(Search))
        {
            q = q.Where(e => e.UserName.Contains(Search.Trim()));
        }

        PageNo = Math.Max(1, PageNo);
        var list = await q.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip((PageNo - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = list.Count > PageSize;
        Events = [.. list.Take(PageSize).Select(e => new EventRow(ApiKeysModel.Local(e.At), e.UserName, e.RemoteAddress, e.Succeeded, e.Outcome))];
    }

    public static string Label(string outcome) => outcome switch
    {
        "password-ok" => "密码登录成功",
        "needs-2fa" => "密码正确，待双因素验证",
        "2fa-ok" => "双因素验证成功",
        "bad-password" => "密码错误",
        "bad-code" => "动态验证码错误",
        "locked-out" => "账号已锁定",
        "unknown-user" => "用户不存在",
        "signed-out" => "退出登录",
        "2fa-enrolled" => "绑定身份验证器",
        "enrol-bad-code" => "绑定时验证码错误",
        _ => outcome,
    };
}
