using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Cases.Persistence;
using Sanxiang.Host.Auth;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>
/// SEC-PI-1 (with APL-50; docs/decisions/0012): a party's personal data in full only for the case team (users
/// linked to an officer on the current team), the agency's heads and reviewers, and supervisors. Another officer
/// of the same agency sees the case masked — in the API, the case page, the lists and the Act forms — cannot find
/// the person by searching their name, and cannot download the case's documents (404).
/// </summary>
public sealed class PartyDataTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    private const string IdNumber = "110105199003070017";
    private const string MaskedIdNumber = "1101**********0017";
    private const string Address = "安平县城关镇幸福路1号";
    private const string Phone = "13800000000";

    [Fact]
    public async Task TheTeamOfficer_SeesThePartyInFull_AnotherOfficerOfTheAgency_SeesItMasked_SEC_PI_1()
    {
        var team = await ClientAsync("officer.market");
        var id = await OpenClueAsync(team, "张三丰");

        var full = await PartyAsync(team, id);
        full.GetProperty("name").GetString().ShouldBe("张三丰");
        full.GetProperty("identifier").GetString().ShouldBe(IdNumber);
        full.GetProperty("address").GetString().ShouldBe(Address);
        full.GetProperty("phone").GetString().ShouldBe(Phone);
        full.GetProperty("masked").GetBoolean().ShouldBeFalse();
        (await RowAsync(team, id)).GetProperty("partyName").GetString().ShouldBe("张三丰");
        JsonText(await team.GetStringAsync($"/api/cases/{id}")).ShouldContain($"张三丰在{Address}", customMessage: "the team's view holds what the colleagues' must not");
        (await team.GetPageAsync($"/Cases/Details/{id}")).Body!.OuterHtml.ShouldContain(Phone);

        foreach (var colleague in new[] { await OfficerOfTheMarketAsync("officer.chen", "陈静"), await OfficerOfTheMarketAsync("officer.unlinked", null) })
        {
            var other = await ClientAsync(colleague);
            var masked = await PartyAsync(other, id);
            masked.GetProperty("name").GetString().ShouldBe("张**", colleague);
            masked.GetProperty("identifier").GetString().ShouldBe(MaskedIdNumber);
            masked.GetProperty("address").GetString().ShouldBe("***");
            masked.GetProperty("phone").GetString().ShouldBe("***");
            masked.GetProperty("masked").GetBoolean().ShouldBeTrue();
            ShouldHoldNoPersonalData(JsonText(await other.GetStringAsync($"/api/cases/{id}")), "张三丰", $"{colleague}: API case view");

            var row = await RowAsync(other, id);
            row.GetProperty("partyName").GetString().ShouldBe("张**");
            row.GetProperty("partyMasked").GetBoolean().ShouldBeTrue();
            ShouldHoldNoPersonalData(JsonText(await other.GetStringAsync("/api/cases/?pageSize=200")), "张三丰", $"{colleague}: API list");

            var page = await other.GetPageAsync($"/Cases/Details/{id}");
            page.QuerySelector("#party-masked").ShouldNotBeNull();
            page.QuerySelector("#party")!.ParentElement!.TextContent.ShouldContain("张**");
            ShouldHoldNoPersonalData(page.Body!.OuterHtml, "张三丰", $"{colleague}: case page");
            var list = await other.GetPageAsync("/Cases");
            list.QuerySelector($"#cases a[href='/Cases/Details/{id}']")!.Closest("tr")!.TextContent.ShouldContain("张**");
            ShouldHoldNoPersonalData(list.Body!.OuterHtml, "张三丰", $"{colleague}: case list page");
        }
    }

    [Fact]
    public async Task TheHeadTheReviewerAndASupervisor_SeeThePartyInFull_SEC_PI_1()
    {
        var id = await OpenClueAsync(await ClientAsync("officer.market"), "李四海");
        foreach (var user in new[] { "head.market", "reviewer.market", "supervisor" })
        {
            var client = await ClientAsync(user);
            var party = await PartyAsync(client, id);
            party.GetProperty("name").GetString().ShouldBe("李四海", user);
            party.GetProperty("identifier").GetString().ShouldBe(IdNumber, user);
            party.GetProperty("address").GetString().ShouldBe(Address, user);
            party.GetProperty("phone").GetString().ShouldBe(Phone, user);
            party.GetProperty("masked").GetBoolean().ShouldBeFalse(user);
            (await RowAsync(client, id)).GetProperty("partyName").GetString().ShouldBe("李四海", user);
            (await client.GetPageAsync($"/Cases/Details/{id}")).Body!.TextContent.ShouldContain(Address, customMessage: user);
        }
    }

    [Fact]
    public async Task SearchingAName_FindsOnlyCasesWhosePartyTheCallerSeesInFull_SEC_PI_1()
    {
        var team = await ClientAsync("officer.market");
        var id = await OpenClueAsync(team, "王五岳");
        var number = (await RowAsync(team, id)).GetProperty("number").GetString()!;
        var other = await ClientAsync(await OfficerOfTheMarketAsync("officer.zhang", "张伟"));

        foreach (var search in new[] { "王五岳", "五岳", "王五" })
        {
            (await TotalAsync(team, search)).ShouldBe(1, $"the team finds {search}");
            (await TotalAsync(await ClientAsync("head.market"), search)).ShouldBe(1, $"the head finds {search}");
            (await TotalAsync(await ClientAsync("supervisor"), search)).ShouldBe(1, $"a supervisor finds {search}");
            (await TotalAsync(other, search)).ShouldBe(0, $"a colleague off the team must not learn that {search} is a party");
            var page = await other.GetPageAsync($"/Cases?search={Uri.EscapeDataString(search)}");
            page.QuerySelectorAll("#cases tbody tr").Length.ShouldBe(0);
        }

        (await TotalAsync(other, number)).ShouldBe(1, "the case number is no personal data: the colleague finds the case by it, masked");
        (await RowAsync(other, id)).GetProperty("partyName").GetString().ShouldBe("王**");
    }

    [Fact]
    public async Task TheCaseDocuments_AreForTheTeamHeadsReviewersAndSupervisors_AndNotFoundForAnotherOfficer_SEC_PI_1()
    {
        var team = await ClientAsync("officer.market");
        var id = await OpenClueAsync(team, "赵六合");
        (await team.PostJsonAsync($"/api/cases/{id}/request-filing", new { })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var issued = await team.PostJsonAsync($"/api/cases/{id}/documents", new { kind = "FilingApproval" });
        issued.StatusCode.ShouldBe(HttpStatusCode.Created);
        var doc = (await issued.ReadDocumentAsync()).RootElement.GetProperty("id").GetGuid();

        foreach (var user in new[] { "officer.market", "head.market", "reviewer.market", "supervisor" })
        {
            (await (await ClientAsync(user)).GetStringAsync($"/api/cases/{id}/documents/{doc}.html")).ShouldContain(IdNumber, customMessage: user);
        }

        var other = await ClientAsync(await OfficerOfTheMarketAsync("officer.yang", "杨帆"));
        foreach (var format in new[] { "html", "pdf", "docx" })
        {
            using var refused = await other.GetAsync($"/api/cases/{id}/documents/{doc}.{format}");
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound, format);
            ShouldHoldNoPersonalData(JsonText(await refused.Content.ReadAsStringAsync()), "赵六合", format);
        }

        var listed = JsonDocument.Parse(await other.GetStringAsync($"/api/cases/{id}/documents")).RootElement;
        listed.GetArrayLength().ShouldBe(1, "the list (title, number, hash) holds no personal data");
        var page = await other.GetPageAsync($"/Cases/Details/{id}");
        page.QuerySelectorAll($"#documents a[href^='/api/cases/{id}/documents/']").Length.ShouldBe(0);
        page.QuerySelector("#documents-withheld").ShouldNotBeNull();
    }

    [Fact]
    public async Task AColleagueOffTheTeam_SeesTheRecipientMasked_AndTheActFormsCopyNoMaskedText_SEC_PI_1()
    {
        Guid overdue, notified;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            var shop = db.Cases.AsNoTracking().Where(c => c.PartyName == "安平县某某日用品商行");
            overdue = await shop.Where(c => c.Stage == Sanxiang.Cases.Contracts.CaseStage.Served).Select(c => c.Id).SingleAsync();
            notified = await shop.Where(c => c.Stage == Sanxiang.Cases.Contracts.CaseStage.Notified).Select(c => c.Id).SingleAsync();
        }

        // The demo's overdue fine was served on 孙某, the shop's legal representative; 王建国 (officer.market) is not on its team.
        var officer = await ClientAsync("officer.market");
        var view = JsonDocument.Parse(await officer.GetStringAsync($"/api/cases/{overdue}")).RootElement;
        view.GetProperty("party").GetProperty("name").GetString().ShouldBe("安平县某某日用品商行", "an organisation's name is public (PUB-RED-2)");
        view.GetProperty("party").GetProperty("legalRepresentative").GetString().ShouldBe("孙*");
        view.GetProperty("service").GetProperty("recipient").GetString().ShouldBe("孙*");
        ShouldHoldNoPersonalData(JsonText(view.GetRawText()), "孙某", "the demo's overdue case as officer.market", address: "安平县城关镇人民路88号", idNumber: null, phone: null);

        // A form must never carry a masked text into a new record: the service form is not filled with the party,
        // the decision form not with the notice's facts; the team (here the head) gets both.
        (await FormTextAsync(officer, overdue, "service")).ShouldBeEmpty();
        (await FormTextAsync(officer, notified, "decision")).ShouldBeEmpty();
        var head = await ClientAsync("head.market");
        (await FormTextAsync(head, overdue, "service")).ShouldBe("安平县某某日用品商行");
        (await FormTextAsync(head, notified, "decision")).ShouldBe("销售经检验不合格的电热水壶12台");
    }

    [Fact]
    public async Task TheDemoOfficerLogins_AreLinkedToTheirOfficers_AndOfficerMarketIsOnTheDemoCasesItOpens()
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SanxiangUser>>();
        var directory = scope.ServiceProvider.GetRequiredService<IEnforcementDirectory>();
        var market = (await users.FindByNameAsync("officer.market"))!.OfficerId ?? throw new ShouldAssertException("officer.market is not linked to an officer");
        var urban = (await users.FindByNameAsync("officer.urban"))!.OfficerId ?? throw new ShouldAssertException("officer.urban is not linked to an officer");
        var linked = (await directory.OfficersAsync([market, urban])).ToDictionary(o => o.Id);
        (linked[market].Name, linked[market].AgencyId).ShouldBe(("王建国", DemoAgencies.MarketRegulation));
        (linked[urban].Name, linked[urban].AgencyId).ShouldBe(("周强", DemoAgencies.UrbanManagement));

        var me = JsonDocument.Parse(await (await ClientAsync("officer.market")).GetStringAsync("/api/me")).RootElement;
        me.GetProperty("officerId").GetGuid().ShouldBe(market);

        // The demo clue and the on-the-spot fine of 钱某某 have 王建国 on their teams; the archived case of 钱某某 does not.
        var rows = JsonDocument.Parse(await (await ClientAsync("officer.market")).GetStringAsync("/api/cases/?pageSize=200")).RootElement.GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("partyName").GetString()!.StartsWith('钱')).ToList();
        rows.Count(r => r.GetProperty("partyName").GetString() == "钱某某").ShouldBe(2);
        rows.Count(r => r.GetProperty("partyName").GetString() == "钱**").ShouldBe(1);
    }

    [Fact]
    public async Task Migration0003_FillsTheTeamOfExistingCases_AsTheAggregateDoes()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var before = await db.Cases.AsNoTracking().Where(c => c.Number != string.Empty).Select(c => new { c.Id, c.TeamOfficers }).ToListAsync();
        before.ShouldNotBeEmpty();
        before.ShouldAllBe(c => c.TeamOfficers.Length > 0);

        var script = MigrationRunner.Discover(typeof(CasesMigrator).Assembly, CasesDbContext.Module, app.Provider).Single(m => m.Version == 3).Sql;
        await db.Database.ExecuteSqlRawAsync("UPDATE cases_cases SET \"TeamOfficers\" = ''");
        await db.Database.ExecuteSqlRawAsync(script[script.IndexOf("UPDATE", StringComparison.Ordinal)..]);

        var after = await db.Cases.AsNoTracking().Select(c => new { c.Id, c.TeamOfficers }).ToDictionaryAsync(c => c.Id, c => c.TeamOfficers);
        foreach (var c in before)
        {
            after[c.Id].Split(' ').Order(StringComparer.Ordinal).ShouldBe(c.TeamOfficers.Split(' ').Order(StringComparer.Ordinal), c.Id.ToString());
        }
    }

    /// <summary>Every string value of a JSON document, decoded: the API escapes Chinese characters as \uXXXX, so raw JSON cannot be searched for a name.</summary>
    private static string JsonText(string json)
    {
        static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => [e.GetString()!],
            JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
            JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
            _ => [],
        };

        using var doc = JsonDocument.Parse(json);
        var text = string.Join('\n', Strings(doc.RootElement));
        text.ShouldNotBeEmpty();
        return text;
    }

    private static void ShouldHoldNoPersonalData(string text, string name, string where, string address = Address, string? idNumber = IdNumber, string? phone = Phone)
    {
        text.ShouldNotContain(name, customMessage: where);
        text.ShouldNotContain(address, customMessage: where);
        if (idNumber is not null)
        {
            text.ShouldNotContain(idNumber, customMessage: where);
        }

        if (phone is not null)
        {
            text.ShouldNotContain(phone, customMessage: where);
        }
    }

    private static async Task<string> FormTextAsync(HttpClient client, Guid id, string action)
    {
        var field = (await client.GetPageAsync($"/Cases/Act/{id}/{action}")).QuerySelector("[name='Form.Text']")!;
        return (field.LocalName == "textarea" ? field.TextContent : field.GetAttribute("value") ?? string.Empty).Trim();
    }

    private async Task<HttpClient> ClientAsync(string user) => await (await app.SignedInAsync(user)).WithAntiforgeryHeaderAsync();

    /// <summary>A new officer login of the market agency, linked to the named Registry officer (or to none).</summary>
    private async Task<string> OfficerOfTheMarketAsync(string userName, string? officer)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SanxiangUser>>();
        if (await users.FindByNameAsync(userName) is null)
        {
            var officers = await scope.ServiceProvider.GetRequiredService<IEnforcementDirectory>().OfficersOfAgencyAsync(DemoAgencies.MarketRegulation);
            var user = new SanxiangUser { Id = Guid.CreateVersion7(), UserName = userName, DisplayName = officer ?? "未关联", AgencyId = DemoAgencies.MarketRegulation, OfficerId = officers.SingleOrDefault(o => o.Name == officer)?.Id, LockoutEnabled = true };
            (await users.CreateAsync(user, SignIn.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Officer)).Succeeded.ShouldBeTrue();
        }

        return userName;
    }

    /// <summary>A clue of a natural person, on the team of 王建国 (officer.market) and 李秀英.</summary>
    private static async Task<Guid> OpenClueAsync(HttpClient owner, string name)
    {
        var power = JsonDocument.Parse(await owner.GetStringAsync("/api/registry/powers?search=SJ-CF-001")).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
        Guid[] team = [await OfficerIdAsync(owner, "王建国"), await OfficerIdAsync(owner, "李秀英")];
        using var r = await owner.PostJsonAsync("/api/cases", new
        {
            powerId = power,
            party = new { kind = "Person", name, idNumber = IdNumber, address = Address, phone = Phone },
            summary = $"{name}在{Address}销售超过保质期的食品，联系电话{Phone}",
            actOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-5),
            discoveredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1),
            officerIds = team,
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.ReadDocumentAsync()).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<Guid> OfficerIdAsync(HttpClient client, string name) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/registry/officers?search={Uri.EscapeDataString(name)}")).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();

    private static async Task<JsonElement> PartyAsync(HttpClient client, Guid id) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/cases/{id}")).RootElement.GetProperty("party").Clone();

    private static async Task<JsonElement> RowAsync(HttpClient client, Guid id) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/cases/?pageSize=200")).RootElement.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id).Clone();

    private static async Task<int> TotalAsync(HttpClient client, string search) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/cases/?pageSize=200&search={Uri.EscapeDataString(search)}")).RootElement.GetProperty("total").GetInt32();
}
