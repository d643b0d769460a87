using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Pages.Public;

/// <summary>执法主体 (GB118-PUB-1): the agencies as a tree, each with its legal unit; ?agency= shows one subtree.</summary>
internal sealed class AgenciesModel(IPublicRegistry registry) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Agency { get; set; }

    public IReadOnlyList<PublicAgency> All { get; private set; } = [];

    public IReadOnlyList<PublicAgency> Roots { get; private set; } = [];

    public IReadOnlyList<PublicAgency> ChildrenOf(Guid id) => [.. All.Where(a => a.ParentId == id)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        All = await registry.AgenciesAsync(ct);
        if (Agency is { } id)
        {
            var root = All.FirstOrDefault(a => a.Id == id);
            if (root is null)
            {
                return NotFound();
            }

            Roots = [root];
        }
        else
        {
            Roots = [.. All.Where(a => a.ParentId is null || All.All(p => p.Id != a.ParentId))];
        }

        return Page();
    }
}
