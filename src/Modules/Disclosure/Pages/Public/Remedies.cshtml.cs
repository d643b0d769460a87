using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Pages.Public;

/// <summary>
/// 救济渠道和监督方式 (GB118-PUB-1): the configured channels (Disclosure:Portal:RemedyChannels, shipped defaults) and
/// the justice bureaus of the Registry, which supervise enforcement, with their addresses.
/// </summary>
internal sealed class RemediesModel(IPublicRegistry registry, IOptions<PortalOptions> options) : PageModel
{
    public IReadOnlyList<RemedyChannel> Channels => options.Value.RemedyChannels;

    public IReadOnlyList<PublicAgency> Supervisors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Supervisors = [.. (await registry.AgenciesAsync(ct)).Where(a => a.Kind == AgencyKind.JusticeBureau)];
}
