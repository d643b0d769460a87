using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Pages.Public;

/// <summary>权责清单 (GB118-PUB-1): every power with its category and legal basis, by agency and category.</summary>
internal sealed class PowersModel(IPublicRegistry registry) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public PowerCategory? Category { get; set; }

    public IReadOnlyList<PublicAgency> Agencies { get; private set; } = [];

    public IReadOnlyList<PublicPower> Powers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agencies = await registry.AgenciesAsync(ct);
        Powers = await registry.PowersAsync(Agency, Category is { } c && Enum.IsDefined(c) ? c : null, ct);
    }
}
