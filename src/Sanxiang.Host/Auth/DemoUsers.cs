using Microsoft.AspNetCore.Identity;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Host.Auth;

/// <summary>
/// Demo sign-ins, one per role, attached to the demo county's agencies. Printed at start-up. The two officer
/// logins are linked to the Registry's demo officers of the same name (officer.market is 王建国, on the teams of
/// three demo cases; officer.urban is 周强), so they see the personal data of their own cases only.
/// </summary>
public sealed class DemoUsers(UserManager<SanxiangUser> users, RoleManager<IdentityRole<Guid>> roles, IEnforcementDirectory directory) : IDemoDataSeeder
{
    public const string Password = "Sanxiang@2026";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, Guid AgencyId, string AgencyLabel, string? Officer)> All =
    [
        ("admin", "孙志远", Roles.Administrator, DemoAgencies.County, "安平县人民政府", null),
        ("supervisor", "曹明", Roles.Supervisor, DemoAgencies.Justice, "安平县司法局", null),
        ("head.market", "赵局长", Roles.Head, DemoAgencies.MarketRegulation, "安平县市场监督管理局", null),
        ("reviewer.market", "李秀英", Roles.Reviewer, DemoAgencies.MarketRegulation, "安平县市场监督管理局", null),
        ("officer.market", "王建国", Roles.Officer, DemoAgencies.MarketRegulation, "安平县市场监督管理局", "王建国"),
        ("head.urban", "钱局长", Roles.Head, DemoAgencies.UrbanManagement, "安平县综合行政执法局", null),
        ("officer.urban", "周强", Roles.Officer, DemoAgencies.UrbanManagement, "安平县综合行政执法局", "周强"),
    ];

    public int Order => 100;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.UserRoles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() }));
            }
        }

        if (users.Users.Any())
        {
            return;
        }

        foreach (var (userName, displayName, role, agencyId, _, officer) in All)
        {
            var officerId = officer is null ? null : (await directory.OfficersOfAgencyAsync(agencyId, ct)).SingleOrDefault(o => o.Name == officer)?.Id;
            var user = new SanxiangUser { Id = Guid.CreateVersion7(), UserName = userName, DisplayName = displayName, AgencyId = agencyId, OfficerId = officerId, LockoutEnabled = true };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
