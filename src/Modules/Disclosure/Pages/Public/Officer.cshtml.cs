using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Disclosure.Badges;
using Sanxiang.Kernel.Domain;
using Sanxiang.Registry.Contracts;

namespace Sanxiang.Disclosure.Pages.Public;

/// <summary>
/// 执法人员身份核验 (GB118-PUB-2), reached from the QR code on an officer's badge: the signature must be the badge
/// key's and the certificate number must still be the officer's; then the officer is shown with the certificate's
/// status today. A forged, altered or superseded badge is "无效" (HTTP 400, so machines see it too).
/// </summary>
internal sealed class OfficerModel(BadgeSigner signer, IPublicRegistry registry, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "b")]
    public string? Badge { get; set; }

    public PublicOfficer? Officer { get; private set; }

    public BadgePayload? Payload { get; private set; }

    public CertificateStatus Status { get; private set; }

    public DateOnly Today { get; private set; }

    public string? Invalid { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Payload = signer.Verify(Badge);
        if (Payload is null)
        {
            return Refuse(string.IsNullOrWhiteSpace(Badge) ? "未提供胸牌二维码内容。" : "二维码签名校验失败：该胸牌可能被伪造或篡改。");
        }

        Officer = await registry.OfficerAsync(Payload.OfficerId, ct);
        if (Officer is null)
        {
            return Refuse("该胸牌所载的执法人员不在本辖区执法人员名单中。");
        }

        if (!string.Equals(Officer.CertificateNumber, Payload.CertificateNumber, StringComparison.Ordinal))
        {
            var stale = Officer;
            Officer = null;
            return Refuse($"该胸牌所载的执法证号已不是{stale.Name}现持证件的证号，胸牌已作废。");
        }

        Status = Officer.StatusOn(Today);
        return Page();
    }

    private PageResult Refuse(string reason)
    {
        Invalid = reason;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
