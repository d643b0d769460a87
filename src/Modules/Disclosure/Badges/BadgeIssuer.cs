using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Sanxiang.Cases.Contracts;
using Sanxiang.Documents;
using Sanxiang.Kernel.Domain;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Badges;

/// <summary>A printable badge: the officer, the signed verification address and its QR code as SVG.</summary>
internal sealed record IssuedBadge(PublicOfficer Officer, string Url, string QrSvg, DateTimeOffset IssuedAt);

/// <summary>
/// Issues officers' badges (GB118-PUB-2). Only an agency head or an administrator may, and only for an officer of an
/// agency they may change; anyone else gets 404 for an officer out of scope (never "forbidden", as everywhere).
/// </summary>
internal sealed class BadgeIssuer(BadgeSigner signer, IPublicRegistry registry, IAccessScopeProvider scopes, IOptions<CaseDocumentOptions> documents, TimeProvider clock)
{
    public async Task<IssuedBadge> IssueAsync(Guid officerId, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        scope.RequireAnyRole(Roles.Head, Roles.Administrator);
        var officer = await registry.OfficerAsync(officerId, ct);
        if (officer is null || !scope.CanWrite(officer.AgencyId))
        {
            throw new NotFoundException("未找到该执法人员");
        }

        var now = clock.GetUtcNow();
        var badge = signer.Sign(new BadgePayload(officer.Id, officer.CertificateNumber, now));
        var url = $"{documents.Value.PublicBaseUrl.TrimEnd('/')}/Public/Officer?b={badge}";
        return new IssuedBadge(officer, url, QrCodes.Svg(url), now);
    }
}

internal static class BadgeEndpoints
{
    /// <summary>The badge key's public verifier key, so badges can be checked without the portal.</summary>
    public static RouteGroupBuilder MapBadgeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/badge-verifier-key", (BadgeSigner signer) => TypedResults.Text(signer.VerifierKey + "\n"));
        return api;
    }

    /// <summary>GET /api/badges/{officerId}: the signed address and QR (SVG) for printing a badge.</summary>
    public static RouteGroupBuilder MapBadgeIssuing(this RouteGroupBuilder api)
    {
        api.MapGet("/{officerId:guid}", async (Guid officerId, BadgeIssuer issuer, CancellationToken ct) =>
        {
            var b = await issuer.IssueAsync(officerId, ct);
            return TypedResults.Ok(new { officerId = b.Officer.Id, b.Officer.Name, b.Officer.CertificateNumber, b.Url, b.IssuedAt, qrSvg = b.QrSvg });
        });
        return api;
    }
}
