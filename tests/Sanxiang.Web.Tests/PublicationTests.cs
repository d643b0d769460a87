using System.Net;
using System.Text.Json;
using Sanxiang.Disclosure.Domain;
using Sanxiang.Web.Tests.Infrastructure;
using static Sanxiang.Web.Tests.Infrastructure.CaseApi;
using static Sanxiang.Web.Tests.Infrastructure.PublicationApi;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The publication pipeline (issue 7, after enforcement) over HTTP with the test clock: a penalty on a
/// natural person (a confiscation of 2,000 yuan: no hearing right, no legal review) decided on Monday 2 March 2026 is published once served and
/// within 7 working days (GB118-PUB-3), masked (PUB-RED-2), found by two-character words, committed to the Ledger,
/// and withdrawn with its reason after a reconsideration revokes it (APL-48). Minors, exempted cases and warnings are
/// never published (PUB-RED-1, PUB-RED-3); a late publication raises an alert.
/// </summary>
public sealed class PublicationTests(ClockFactory app) : IClassFixture<ClockFactory>
{
    private const string IdNumber = "110105199001010010";
    private const string Phone = "13812345678";
    private const string Address = "安平县城关镇幸福路18号";
    private const string Witness = "赵小红";
    private const string Bank = "6222021234567890123";
    private const string Facts = $"当事人张伟（身份证号{IdNumber}，住址：{Address}，联系电话{Phone}）于2026年2月20日销售超过保质期的食品20袋，证人{Witness}证实，货款汇入银行账号{Bank}，拟并处罚款，责令停产整顿。";

    private static readonly string[] Secrets = [IdNumber, Phone, Address, "幸福路", Witness, Bank];

    [Fact]
    public async Task GB118_PUB_3_PUB_RED_2_APL_48_ADecisionIsPublishedMaskedOnSchedule_FoundByTwoCharacterWords_InTheLedger_AndWithdrawnWhenRevoked()
    {
        app.Clock.MoveTo(new DateOnly(2026, 3, 2));
        var (officer, head) = (await ClientAsync("officer.market"), await ClientAsync("head.market"));
        var caseId = await DecidedAsync(officer, head, Person("张伟", IdNumber), Facts, Fine(2_000_00));
        await RunAsync();
        (await PublicationOfAsync(caseId))!.Status.ShouldBe(PublicationStatus.Pending, "not before service (PUB-RED-3)");
        (await SearchAsync("停产")).ShouldNotContain(caseId.ToString());

        app.Clock.MoveTo(new DateOnly(2026, 3, 4));
        officer = await ClientAsync("officer.market");
        await OkAsync(officer, $"/api/cases/{caseId}/service", new { method = "Direct", servedOn = "2026-03-04", recipient = "张伟" });
        await RunAsync();
        var p = (await PublicationOfAsync(caseId))!;
        p.Status.ShouldBe(PublicationStatus.Published);
        p.DueOn.ShouldBe(new DateOnly(2026, 3, 11)); // 7 working days after Monday 2 March
        p.PublishedOn.ShouldBe(new DateOnly(2026, 3, 4));
        p.LateAlertOn.ShouldBeNull();
        p.Sha256.ShouldBe(Publication.Hash(p.PublishedText!));
        p.Facts.ShouldContain("110105********0010");
        p.Facts.ShouldContain("赵**");
        p.Facts.ShouldContain("138****5678");

        var id = p.Id.ToString();
        var anonymous = app.NewClient();
        foreach (var word in new[] { "罚款", "停产", "保质期", "张伟" })
        {
            (await SearchAsync(word)).ShouldContain(id, customMessage: word);
        }

        (await SearchAsync("停业整顿")).ShouldNotContain(id);
        var texts = new List<string>();
        foreach (var url in new[] { "/Public/Decisions?q=%E5%81%9C%E4%BA%A7", $"/Public/Decisions/{id}", $"/api/public/decisions/{id}", "/api/public/decisions?q=罚款", "/api/public/decisions.csv", "/api/public/decisions.atom" })
        {
            using var r = await anonymous.GetAsync(url);
            var body = await r.Content.ReadAsStringAsync();
            r.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {body[..Math.Min(body.Length, 2000)]}");
            texts.Add(body);
        }

        texts[1].ShouldContain("在公开记录日志中核验");
        texts[1].ShouldContain($"/verify?sha256={p.Sha256}");
        texts[1].ShouldContain($"/ledger/proof/event/{p.PublishEventId}");
        texts[4].ShouldContain(id);
        texts[5].ShouldContain(id);
        foreach (var text in texts)
        {
            foreach (var secret in Secrets)
            {
                text.ShouldNotContain(secret);
            }
        }

        await IntegrateLedgerAsync();
        (await anonymous.GetStringAsync($"/verify?sha256={p.Sha256}")).ShouldContain("已验证");
        using (var proof = await anonymous.GetAsync($"/ledger/proof/event/{p.PublishEventId}"))
        {
            proof.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        app.Clock.MoveTo(new DateOnly(2026, 3, 12));
        officer = await ClientAsync("officer.market");
        await OkAsync(officer, $"/api/cases/{caseId}/remedy", new { kind = "Reconsideration", startedOn = "2026-03-05", endedOn = "2026-03-12", result = "Revoked", outcome = "复议机关认为认定事实不清，决定撤销" });
        await RunAsync();
        p = (await PublicationOfAsync(caseId))!;
        p.Status.ShouldBe(PublicationStatus.Withdrawn);
        (p.WithdrawnOn, p.WithdrawalDueOn, p.LateWithdrawalAlertOn).ShouldBe((new DateOnly(2026, 3, 12), new DateOnly(2026, 3, 17), null));
        var page = await anonymous.GetPageAsync($"/Public/Decisions/{id}");
        page.QuerySelector("#withdrawal")!.TextContent.ShouldContain("认定事实不清，决定撤销");
        page.QuerySelector("#facts").ShouldBeNull("the decision text is no longer shown");
        (await SearchAsync("停产")).ShouldNotContain(id);
        await IntegrateLedgerAsync();
        (await anonymous.GetStringAsync($"/verify?sha256={p.WithdrawalSha256}")).ShouldContain("已验证");
    }

    [Fact]
    public async Task PUB_RED_1_PUB_RED_3_MinorsExemptedCasesAndWarnings_AreNeverPublished()
    {
        app.Clock.MoveTo(new DateOnly(2026, 3, 2));
        var (officer, head) = (await ClientAsync("officer.market"), await ClientAsync("head.market"));
        var minor = await DecidedAsync(officer, head, Person("李小明", "110105201001010029"), "销售过期食品，罚款", Fine(500_00), serve: true);
        var warning = await DecidedAsync(officer, head, Person("王芳", IdNumber), "销售过期食品，给予警告", new { kinds = new[] { "Warning" }, fineFen = 0L, level = "Minor" }, serve: true);
        var secret = await DecidedAsync(officer, head, Person("陈刚", IdNumber), "涉及商业秘密的违法行为，罚款", Fine(800_00));
        await RefusedAsync(officer, $"/api/cases/{secret}/publication-exemption", new { reason = "涉及商业秘密" }, HttpStatusCode.Forbidden, null);
        await OkAsync(head, $"/api/cases/{secret}/publication-exemption", new { reason = "主要事实涉及商业秘密" });
        await OkAsync(officer, $"/api/cases/{secret}/service", new { method = "Direct", servedOn = "2026-03-02", recipient = "陈刚" });
        await RunAsync();
        foreach (var (caseId, rule) in new[] { (minor, "PUB-RED-1"), (warning, "PUB-RED-3"), (secret, "PUB-RED-1") })
        {
            var p = (await PublicationOfAsync(caseId))!;
            (p.Status, p.WithheldRule).ShouldBe((PublicationStatus.Withheld, rule));
            (await app.NewClient().GetAsync($"/Public/Decisions/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task GB118_PUB_3_ADecisionNotPublishedWithinSevenWorkingDays_RaisesALateAlert()
    {
        app.Clock.MoveTo(new DateOnly(2026, 3, 2));
        var (officer, head) = (await ClientAsync("officer.market"), await ClientAsync("head.market"));
        var caseId = await DecidedAsync(officer, head, Person("刘洋", IdNumber), "销售过期食品，罚款", Fine(1_000_00));
        await RunAsync();
        app.Clock.MoveTo(new DateOnly(2026, 3, 12));
        await RunAsync();
        var p = (await PublicationOfAsync(caseId))!;
        (p.Status, p.LateAlertOn).ShouldBe((PublicationStatus.Pending, new DateOnly(2026, 3, 12)));
        head = await ClientAsync("head.market");
        using var alerts = JsonDocument.Parse(await head.GetStringAsync("/api/disclosure/alerts"));
        alerts.RootElement.EnumerateArray().ShouldContain(a => a.GetProperty("caseId").GetGuid() == caseId && a.GetProperty("ruleId").GetString() == "GB118-PUB-3");
        (await head.GetStringAsync("/Disclosure/Alerts")).ShouldContain("逾期公开");

        officer = await ClientAsync("officer.market");
        await OkAsync(officer, $"/api/cases/{caseId}/service", new { method = "Direct", servedOn = "2026-03-12", recipient = "刘洋", lateReason = "当事人外出" });
        await RunAsync();
        p = (await PublicationOfAsync(caseId))!;
        (p.Status, p.PublishedOn, p.LateAlertOn).ShouldBe((PublicationStatus.Published, new DateOnly(2026, 3, 12), new DateOnly(2026, 3, 12)));
    }

    private static object Person(string name, string idNumber) => new { kind = "Person", name, idNumber, address = Address, phone = Phone };

    private static object Fine(long fen) => Confiscation(fen);

    private Task RunAsync() => RunPublicationAsync(app);

    private Task<Publication?> PublicationOfAsync(Guid caseId) => PublicationApi.PublicationOfAsync(app, caseId);

    /// <summary>The JSON search's result IDs for a query (as text, to look for one).</summary>
    private async Task<string> SearchAsync(string q) =>
        await app.NewClient().GetStringAsync($"/api/public/decisions?q={Uri.EscapeDataString(q)}&pageSize=100");

    private Task IntegrateLedgerAsync() => PublicationApi.IntegrateLedgerAsync(app);

    private async Task<HttpClient> ClientAsync(string user) => await (await app.SignedInAsync(user)).WithAntiforgeryHeaderAsync();
}
