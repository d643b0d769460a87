using Microsoft.AspNetCore.Identity;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Host.Auth;

/// <summary>Demo sign-ins, one per role, attached to the demo county's agencies. Printed at start-up.</summary>
public sealed class DemoUsers(UserManager<SanxiangUser> users, RoleManager<IdentityRole<Guid>> roles) : IDemoDataSeeder
{
    public const string Password = "Sanxiang@2026";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, Guid AgencyId, string AgencyLabel)> All =
    [
        ("admin", "孙志远", Roles.Administrator, DemoAgencies.County, "安平县人民政府"),
        ("supervisor", "曹明", Roles.Supervisor, DemoAgencies.Justice, "安平县司法局"),
        ("head.market", "赵局长", Roles.Head, DemoAgencies.MarketRegulation, "安平县市场监督管理局"),
        ("reviewer.market", "李秀英", Roles.Reviewer, DemoAgencies.MarketRegulation, "安平县市场监督管理局"),
        ("officer.market", "王建国", Roles.Officer, DemoAgencies.MarketRegulation, "安平县市场监督管理局"),
        ("head.urban", "钱局长", Roles.Head, DemoAgencies.UrbanManagement, "安平县综合行政执法局"),
        ("officer.urban", "周强", Roles.Officer, DemoAgencies.UrbanManagement, "安平县综合行政执法局"),
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

        foreach (var (userName, displayName, role, agencyId, _) in All)
        {
            var user = new SanxiangUser { Id = Guid.CreateVersion7(), UserName = userName, DisplayName = displayName, AgencyId = agencyId, LockoutEnabled = true };
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
