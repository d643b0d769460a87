using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Ledger.Persistence;
using Sanxiang.Ledger.Sequencing;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>The public verification page (no sign-in): by event ID or QR payload, and by uploaded proof file, in Chinese.</summary>
public sealed class VerifyPageTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    [Fact]
    public async Task AnEventInTheLog_IsVerified_ByItsIdOrAQrPayload_WithoutSigningIn()
    {
        var eventId = await AnIntegratedEventAsync();
        var anonymous = app.NewClient();
        var page = await anonymous.GetPageAsync($"/verify?code={Uri.EscapeDataString($"https://example.gov.cn/verify?event={eventId}")}");
        var verdict = page.QuerySelector("#verdict")!.TextContent;
        verdict.ShouldContain("核验通过");
        verdict.ShouldContain(eventId.ToString());

        var unknown = await anonymous.GetPageAsync($"/verify?code={Guid.NewGuid()}");
        unknown.QuerySelector("#verdict")!.TextContent.ShouldContain("未在日志中找到");
        var garbage = await anonymous.GetPageAsync("/verify?code=not-an-id");
        garbage.ErrorText().ShouldNotBeNull().ShouldContain("请输入");
    }

    [Fact]
    public async Task AnUploadedProof_IsVerified_AndATamperedOne_IsRefused()
    {
        var eventId = await AnIntegratedEventAsync();
        var anonymous = app.NewClient();
        var proof = await anonymous.GetStringAsync($"/ledger/proof/event/{eventId}");
        (await UploadAsync(anonymous, proof)).ShouldContain("核验通过");

        // Change one character of the entry (the extra data line) and the proof no longer holds.
        var lines = proof.Split('\n');
        var extra = Array.FindIndex(lines, l => l.StartsWith("extra ", StringComparison.Ordinal));
        extra.ShouldBeGreaterThan(0);
        var data = Convert.FromBase64String(lines[extra]["extra ".Length..]);
        data[^1] ^= 0x01;
        lines[extra] = "extra " + Convert.ToBase64String(data);
        (await UploadAsync(anonymous, string.Join('\n', lines))).ShouldContain("核验未通过");
    }

    private async Task<Guid> AnIntegratedEventAsync()
    {
        var sequencer = app.Services.GetRequiredService<Sequencer>();
        while (await sequencer.IntegrateOnceAsync() > 0)
        {
        }

        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Entries.OrderBy(e => e.Index).Select(e => e.EventId).FirstAsync();
    }

    private static async Task<string> UploadAsync(HttpClient client, string proof)
    {
        var page = await client.GetPageAsync("/verify");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(proof));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var form = new MultipartFormDataContent { { file, "file", "event.tlog-proof" }, { new StringContent(page.AntiforgeryToken()), Html.AntiforgeryField } };
        using var response = await client.PostAsync("/verify", form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await Html.ParseAsync(response);
        return result.QuerySelector("#verdict")?.TextContent ?? result.ErrorText() ?? string.Empty;
    }
}
