using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QRCoder;
using Sanxiang.Host.Auth;

namespace Sanxiang.Host.Pages.Account;

[Authorize]
public sealed class SetupAuthenticatorModel(UserManager<SanxiangUser> users, SignInManager<SanxiangUser> signIn, IOptions<SecurityOptions> security, SignInAudit audit, RecoveryCodes recovery) : PageModel
{
    /// <summary>New recovery codes, shown once (after enrolment, or when the user asks for new ones).</summary>
    public IReadOnlyList<string> NewCodes { get; private set; } = [];

    public int CodesLeft { get; private set; }

    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public string SharedKey { get; private set; } = string.Empty;

    public string QrSvg { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("./Login");
        }

        if (TempData[CodesKey] is string codes)
        {
            NewCodes = codes.Split(' ');
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("./Login");
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, TotpTokenProvider.Name, Code ?? string.Empty))
        {
            await audit.RecordAsync(user.UserName ?? string.Empty, user.Id, false, "enrol-bad-code", ct);
            Error = "验证码不正确，请确认手机时间准确后输入最新的验证码";
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync(user.UserName ?? string.Empty, user.Id, true, "2fa-enrolled", ct);
        // The same "amr" claim as Identity's two-factor sign-in: TwoFactorEnforcement looks for it.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);

        // The recovery codes are shown once, on the page the browser is sent to (a protected, one-read cookie).
        TempData[CodesKey] = string.Join(' ', await recovery.RenewAsync(user));
        TempData["Flash"] = "双因素认证已启用。请保存下方的恢复码。";
        return RedirectToPage();
    }

    private const string CodesKey = "RecoveryCodes";

    /// <summary>Replaces the recovery codes (the old ones stop working) and shows the new ones once; needs a current TOTP code,
    /// so a stolen session cannot mint codes that outlive it.</summary>
    public async Task<IActionResult> OnPostRenewCodesAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !user.TwoFactorEnabled)
        {
            return RedirectToPage("./Login");
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, TotpTokenProvider.Name, Code ?? string.Empty))
        {
            Error = "请输入身份验证器中的最新验证码后再重新生成恢复码";
            await LoadAsync(user);
            return Page();
        }

        NewCodes = await recovery.RenewAsync(user);
        await audit.RecordAsync(user.UserName ?? string.Empty, user.Id, true, "recovery-codes-renewed", ct);
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(SanxiangUser user)
    {
        Enabled = user.TwoFactorEnabled;
        CodesLeft = await recovery.LeftAsync(user);
        var roles = await users.GetRolesAsync(user);
        Required = security.Value.TwoFactorRoles.Any(r => roles.Contains(r));
        if (Enabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;

            // A new key changes the security stamp: reissue this session's cookie so it is not ended at the
            // next revalidation (the sign-in method is kept).
            await signIn.RefreshSignInAsync(user);
        }

        SharedKey = Format(key);
        var uri = $"otpauth://totp/{Uri.EscapeDataString("三项")}:{Uri.EscapeDataString(user.UserName ?? string.Empty)}?secret={key}&issuer={Uri.EscapeDataString("三项")}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }

    private static string Format(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
