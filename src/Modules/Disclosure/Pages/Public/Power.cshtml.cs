using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Pages.Public;

/// <summary>One power: its current version, the version history (REG-5) and its discretion benchmark (APL-34).</summary>
internal sealed class PowerModel(IPublicRegistry registry) : PageModel
{
    public PublicPower Power { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var power = await registry.PowerAsync(id, ct);
        if (power is null)
        {
            return NotFound();
        }

        Power = power;
        return Page();
    }
}
