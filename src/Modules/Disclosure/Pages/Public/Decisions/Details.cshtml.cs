using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Disclosure.Features;

namespace Sanxiang.Disclosure.Pages.Public.Decisions;

/// <summary>One published decision with its Ledger proof; a withdrawn one shows only the withdrawal notice and reason (APL-48).</summary>
internal sealed class DetailsModel(PublicDecisionQueries queries) : PageModel
{
    public PublicDecisionView Decision { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } d)
        {
            return NotFound();
        }

        Decision = d;
        return Page();
    }
}
