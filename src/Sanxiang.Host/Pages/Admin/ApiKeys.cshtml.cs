using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sanxiang.Host.Auth;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Host.Pages.Admin;

public sealed class ApiKeysModel(AuthDbContext db, ApiKeyService keys, IAccessScopeProvider scopes, IAgencyDirectory agencies) : PageModel
{
    public sealed record KeyRow(Guid Id, string Name, string AgencyName, string Prefix, string CreatedAt, string? LastUsedAt, bool Revoked);

    public IReadOnlyList<KeyRow> Keys { get; private set; } = [];

    public IReadOnlyList<AgencySummary> Agencies { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? NewKey { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, Guid agencyId, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var check = new Check().Required("name", "名称", name, 100).That(scope.CanWrite(agencyId), "agencyId", "AUTH-SCOPE", "请选择您有权管理的执法主体");
        if (check.Errors.Count == 0)
        {
            _ = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var me);
            var (_, secret) = await keys.CreateAsync(name!, agencyId, me, ct);
            NewKey = secret;
        }

        Errors = check.Errors;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null || !scope.CanWrite(key.AgencyId))
        {
            throw new NotFoundException();
        }

        key.RevokedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"已吊销密钥 {key.Name}";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Agencies = await agencies.ListAsync(scope.Writable, ct);
        var names = Agencies.ToDictionary(a => a.Id, a => a.Name);
        var writable = scope.Writable.ToList();
        var list = await db.ApiKeys.AsNoTracking().Where(k => writable.Contains(k.AgencyId)).OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
        Keys = [.. list.Select(k => new KeyRow(k.Id, k.Name, names.GetValueOrDefault(k.AgencyId, string.Empty), k.Prefix, Local(k.CreatedAt), k.LastUsedAt is { } u ? Local(u) : null, k.RevokedAt is not null))];
    }

    internal static string Local(DateTimeOffset t) => t.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
