using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Disclosure.Persistence;
using Sanxiang.Web.Tests.Infrastructure;
using static Sanxiang.Web.Tests.Infrastructure.CaseApi;
using static Sanxiang.Web.Tests.Infrastructure.PublicationApi;

namespace Sanxiang.Web.Tests;

/// <summary>
/// PUB-RED-2 (issue 15): before a decision is published its case page shows "将公开为" with the masked texts; a head of
/// the agency may mask a phrase the detector did not catch — recorded, with an event that carries the phrase's hash and
/// not the phrase — and the publication carries the mask; an officer may not, and a phrase not in the texts is refused.
/// </summary>
public sealed class PublicationPreviewTests(ClockFactory app) : IClassFixture<ClockFactory>
{
    private const string Facts = "当事人于2026年2月20日销售超过保质期的食品20袋，其妻马秀芬在店内收银，货款由外号“小胖”的帮工收取，联系电话0318-7521136。";

    [Fact]
    public async Task PUB_RED_2_TheCasePageShowsWhatWillBePublished_AndAHeadMayMaskMore()
    {
        app.Clock.MoveTo(new DateOnly(2026, 3, 2));
        var (officer, head) = (await ClientAsync("officer.market"), await ClientAsync("head.market"));
        var caseId = await DecidedAsync(officer, head, new { kind = "Person", name = "张伟", idNumber = "110105199001010010", address = "安平县城关镇幸福路18号", phone = "13812345678" }, Facts, Confiscation(2_000_00));
        await RunPublicationAsync(app);

        var page = await head.GetPageAsync($"/Cases/Details/{caseId}");
        var preview = page.QuerySelector("#publication-preview")!.TextContent;
        preview.ShouldContain("张伟");
        preview.ShouldContain("马**");
        preview.ShouldNotContain("马秀芬");
        preview.ShouldNotContain("7521136");
        preview.ShouldContain("小胖", customMessage: "a nickname is not found by the detector");
        page.QuerySelector("#mask-form").ShouldNotBeNull("a head of the agency may add masks");
        (await officer.GetPageAsync($"/Cases/Details/{caseId}")).QuerySelector("#mask-form").ShouldBeNull("an officer may not");

        using (var refused = await PostMaskAsync(officer, caseId, "小胖"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var notInText = await PostMaskAsync(head, caseId, "不在文中的词"))
        {
            notInText.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await notInText.Content.ReadAsStringAsync()).ShouldContain("拟公开文本中的原文");
        }

        using (var masked = await PostMaskAsync(head, caseId, "小胖"))
        {
            masked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await head.GetPageAsync($"/Cases/Details/{caseId}")).QuerySelector("#publication-preview")!.TextContent.ShouldNotContain("小胖");
        (await PublicationOfAsync(app, caseId))!.Facts.ShouldNotContain("小胖", customMessage: "the pending publication is masked again at once");

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        (await db.ManualMasks.AsNoTracking().SingleAsync(m => m.CaseId == caseId)).AddedBy.ShouldNotBeNullOrEmpty();
        var outbox = await db.Outbox.AsNoTracking().Where(m => m.EventType == "disclosure.mask.added").ToListAsync();
        outbox.ShouldHaveSingleItem().Payload.ShouldNotContain("小胖", customMessage: "the Ledger gets the phrase's hash, not the phrase");
    }

    private static async Task<HttpResponseMessage> PostMaskAsync(HttpClient client, Guid caseId, string text)
    {
        var page = await client.GetPageAsync($"/Cases/Details/{caseId}");
        return await client.PostAsync($"/Cases/Details/{caseId}?handler=Mask", new FormUrlEncodedContent(new Dictionary<string, string> { [Html.AntiforgeryField] = page.AntiforgeryToken(), ["text"] = text }));
    }

    private async Task<HttpClient> ClientAsync(string user) => await (await app.SignedInAsync(user)).WithAntiforgeryHeaderAsync();
}
