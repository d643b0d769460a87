using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Pages.Public;

/// <summary>
/// 随机抽查事项清单 (GB118-PUB-1): until the Inspections module keeps its own list, the powers of category
/// 行政检查 (<see cref="PowerCategory.Inspection"/>) in the power lists are the items that may be inspected at random.
/// </summary>
internal sealed class InspectionsModel(IPublicRegistry registry) : PageModel
{
    public IReadOnlyList<PublicPower> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await registry.PowersAsync(null, PowerCategory.Inspection, ct);
}
