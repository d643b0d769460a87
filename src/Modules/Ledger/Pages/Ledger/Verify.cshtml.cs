using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sanxiang.Ledger.Features;
using Sanxiang.Tlog.Tree;

namespace Sanxiang.Ledger.Pages.Ledger;

/// <summary>The public verification page: an event ID or a QR payload holding one, or an uploaded tlog-proof file.</summary>
[AllowAnonymous]
internal sealed partial class VerifyModel(ProofCheck check) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>A document's SHA-256 (the QR code on every issued document carries it).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sha256 { get; set; }

    public ProofReport? Report { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Sha256))
        {
            if (Sha256.Length != 64 || !Sha256.All(char.IsAsciiHexDigit))
            {
                Error = "文书哈希值格式不正确（应为64位十六进制）";
                return;
            }

            Report = await check.ForAttachmentAsync(Convert.FromHexString(Sha256), ct);
            return;
        }

        if (!string.IsNullOrWhiteSpace(Code))
        {
            await ByCodeAsync(ct);
        }
    }

    public async Task OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is { Length: > 0 })
        {
            if (file.Length > 64 * 1024)
            {
                Error = "证明文件过大（应小于64KB）";
                return;
            }

            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            if (!TlogProof.TryParse(await reader.ReadToEndAsync(ct), out var proof, out _))
            {
                Error = "无法识别该文件：应为 c2sp.org/tlog-proof@v1 格式的证明文件";
                return;
            }

            Report = await check.CheckAsync(proof, ct);
            return;
        }

        await ByCodeAsync(ct);
    }

    private async Task ByCodeAsync(CancellationToken ct)
    {
        var match = Code is null ? null : GuidPattern().Match(Code);
        if (match is null || !match.Success || !Guid.TryParse(match.Value, out var eventId))
        {
            Error = "请输入二维码内容或事件编号（形如 0190f000-0000-7000-8000-000000000001），或上传证明文件";
            return;
        }

        Report = await check.ForEventAsync(eventId, ct);
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", RegexOptions.None, 1000)]
    private static partial Regex GuidPattern();
}
