using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Cases.Persistence;
using Sanxiang.Web.Tests.Infrastructure;
using static Sanxiang.Web.Tests.Infrastructure.CaseApi;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The twelve standard documents issued from real cases: numbered per agency, year and kind; every PDF keeps its
/// Chinese text through pdftotext; every .docx opens in LibreOffice; the hash of each goes to the outbox (and so
/// the Ledger) with the case's event; an issued document never changes; an archived case issues nothing.
/// </summary>
public sealed class CaseDocumentTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    [Fact]
    public async Task EveryDocumentKind_IsIssuedNumbered_AndReadableAsPdfAndDocx()
    {
        var officer = await ClientAsync("officer.market");
        var head = await ClientAsync("head.market");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var d = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var docs = new List<(Guid Case, Guid Doc, string Kind)>();

        async Task IssueAsync(Guid id, string kind)
        {
            using var r = await officer.PostJsonAsync($"/api/cases/{id}/documents", new { kind });
            r.StatusCode.ShouldBe(HttpStatusCode.Created, $"{kind}: {await r.Content.ReadAsStringAsync()}");
            docs.Add((id, (await r.ReadDocumentAsync()).RootElement.GetProperty("id").GetGuid(), kind));
        }

        // A: a large fine with a hearing right.
        var a = await FiledAsync(officer, head, "SJ-CF-001", ["王建国", "李秀英"], new { kind = "Person", name = "赵某某", idNumber = "110105199003070017", address = "安平县城关镇幸福路1号" });
        await OkAsync(officer, $"/api/cases/{a}/notice", new { penalty = new { kinds = new[] { "Fine" }, fineFen = 60_000_00L, level = "Minor" }, facts = "销售超过保质期的食品20袋", reasons = "违反《食品安全法》第三十四条第十项", servedOn = d });
        await OkAsync(officer, $"/api/cases/{a}/hearing-request", new { on = d });
        var presiding = await OfficerIdAsync(officer, "赵磊");
        await OkAsync(officer, $"/api/cases/{a}/hearing-schedule", new { noticeServedOn = d, hearingOn = today.AddDays(21).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), presidingOfficerId = presiding });
        foreach (var kind in new[] { "FilingApproval", "InspectionRecord", "InquiryRecord", "PriorNotice", "HearingRightsNotice", "HearingNotice" })
        {
            await IssueAsync(a, kind);
        }

        // B: an organisation, with evidence preservation and a seizure, a fine, the decision and its service.
        var b = await FiledAsync(officer, head, "SJ-CF-004", ["陈静", "张伟"], new { kind = "Organisation", name = "安平县某某电器商行", creditCode = "91330000MA27U0TJ0W", legalRepresentative = "孙某", address = "安平县人民路88号" });
        var steps = new { headApproved = true, certificatesShown = true, partyNotified = true, reasonsAndRightsTold = true, partyHeard = true, recordSigned = true };
        await OkAsync(officer, $"/api/cases/{b}/measures", new { kind = "EvidencePreservation", items = "电热水壶样品2台", startedOn = d, steps.headApproved, steps.certificatesShown, steps.partyNotified, steps.reasonsAndRightsTold, steps.partyHeard, steps.recordSigned });
        await OkAsync(head, $"/api/cases/{b}/recording-exception", new { stepCode = "seal-up-seizure", reason = "执法记录仪故障送修，现场以照片和笔录记录" }); // GB118-REC-2, no Media module yet
        await OkAsync(officer, $"/api/cases/{b}/measures", new { kind = "Seizure", items = "不合格电热水壶12台；包装箱3个", startedOn = d, steps.headApproved, steps.certificatesShown, steps.partyNotified, steps.reasonsAndRightsTold, steps.partyHeard, steps.recordSigned });
        await IssueAsync(b, "PreservationNotice");
        await IssueAsync(b, "SeizureDecision");
        var fine = new { kinds = new[] { "Fine" }, fineFen = 5_000_00L, level = "General" };
        await OkAsync(officer, $"/api/cases/{b}/notice", new { penalty = fine, facts = "销售经检验不合格的电热水壶12台", reasons = "违反《产品质量法》第三十九条", servedOn = d });
        await OkAsync(officer, $"/api/cases/{b}/statement", new { waived = true, on = d });
        await OkAsync(officer, $"/api/cases/{b}/decision", new { outcome = "Penalty", penalty = fine, facts = "销售经检验不合格的电热水壶12台", reasons = "依据《产品质量法》第四十九条" });
        await OkAsync(officer, $"/api/cases/{b}/service", new { method = "Direct", servedOn = d, recipient = "孙某" });
        await IssueAsync(b, "PenaltyDecision");
        await IssueAsync(b, "ServiceReceipt");

        // C: no penalty, closed and archived.
        var c = await FiledAsync(officer, head, "SJ-CF-004", ["陈静", "张伟"], new { kind = "Person", name = "钱某某", idNumber = "110105199003070017", address = "安平县解放路12号" });
        await OkAsync(officer, $"/api/cases/{c}/decision", new { outcome = "NoPenalty", ground = "FirstMinorViolation", facts = "初次违法，危害后果轻微并已及时改正", reasons = "已对当事人进行教育" });
        await IssueAsync(c, "NoPenaltyDecision");
        await OkAsync(officer, $"/api/cases/{c}/closing", new { summary = "不予行政处罚，已教育" });
        await IssueAsync(c, "ClosingApproval");
        await OkAsync(head, $"/api/cases/{c}/approve-closing", new { });
        await OkAsync(officer, $"/api/cases/{c}/archive", new { });
        using (var refused = await officer.PostJsonAsync($"/api/cases/{c}/documents", new { kind = "ClosingApproval" }))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("GB118-REC-4");
        }

        using (var early = await officer.PostJsonAsync($"/api/cases/{a}/documents", new { kind = "PenaltyDecision" }))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await early.Content.ReadAsStringAsync()).ShouldContain("CASE-DOC");
        }

        docs.Select(x => x.Kind).Distinct().Count().ShouldBe(12);

        // The head reads them all: officer.market (王建国) is on case A's team only, and a document carries the party's
        // personal data in full, so it is for the team, heads, reviewers and supervisors (SEC-PI-1, PartyDataTests).
        var reader = head;
        using var dir = new TempDir();
        var rows = new List<(string Title, string Number, string Sha, string DocxFile)>();
        foreach (var (caseId, docId, kind) in docs)
        {
            var list = JsonDocument.Parse(await officer.GetStringAsync($"/api/cases/{caseId}/documents")).RootElement.EnumerateArray().Single(x => x.GetProperty("id").GetGuid() == docId);
            var (title, number, sha) = (list.GetProperty("title").GetString()!, list.GetProperty("number").GetString()!, list.GetProperty("sha256").GetString()!);
            number.ShouldMatch(@"^安平市监.+〔\d{4}〕\d+号$");
            var html = await reader.GetStringAsync($"/api/cases/{caseId}/documents/{docId}.html");
            html.ShouldContain(title);
            html.ShouldContain("<svg");
            var text = await ToolAsync("pdftotext", ["-enc", "UTF-8", await SaveAsync(dir, $"{docId}.pdf", await reader.GetByteArrayAsync($"/api/cases/{caseId}/documents/{docId}.pdf")), "-"]);
            Squash(text).ShouldContain(Squash(title), customMessage: kind);
            Squash(text).ShouldContain(Squash(number), customMessage: kind);
            rows.Add((title, number, sha, await SaveAsync(dir, $"{kind}.docx", await reader.GetByteArrayAsync($"/api/cases/{caseId}/documents/{docId}.docx"))));
        }

        var profile = new Uri(Path.Combine(dir.Path, "lo-profile")).AbsoluteUri;
        await ToolAsync("soffice", [$"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", Path.Combine(dir.Path, "txt"), .. rows.Select(r => r.DocxFile)], 300);
        foreach (var r in rows)
        {
            var txt = Path.Combine(dir.Path, "txt", Path.GetFileNameWithoutExtension(r.DocxFile) + ".txt");
            File.Exists(txt).ShouldBeTrue($"LibreOffice could not open {r.DocxFile}");
            Squash(await File.ReadAllTextAsync(txt)).ShouldContain(Squash(r.Title));
        }

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var payloads = await db.Outbox.AsNoTracking().Where(m => m.EventType == "cases.document.issued").Select(m => m.Payload).ToListAsync();
        var stored = await db.Documents.AsNoTracking().ToListAsync();
        foreach (var r in rows)
        {
            var doc = stored.Single(x => x.Sha256 == r.Sha);
            doc.Document().Verification!.Url.ShouldEndWith($"/verify?sha256={r.Sha}");
            Sanxiang.Cases.Domain.Documents.IssuedDocument.HashOf(doc.Document()).ShouldBe(r.Sha, "an issued document renders again unchanged");
            payloads.ShouldContain(p => p.Contains(r.Sha, StringComparison.Ordinal), $"no outbox event carries {r.Title}'s hash");
        }

        // The QR code's page: the Ledger entry that commits to the document's hash, verified against the signed checkpoint.
        var sequencer = app.Services.GetRequiredService<Sanxiang.Ledger.Sequencing.Sequencer>();
        while (await sequencer.IntegrateOnceAsync() > 0)
        {
        }

        var anonymous = app.NewClient();
        foreach (var r in rows.Take(3))
        {
            var page = await anonymous.GetStringAsync($"/verify?sha256={r.Sha}");
            page.ShouldContain("已验证", customMessage: r.Title);
        }

        var forged = await anonymous.GetStringAsync($"/verify?sha256={new string('0', 64)}");
        forged.ShouldContain("未在日志中找到该文书");
    }

    private static string Squash(string s) => new([.. s.Where(ch => !char.IsWhiteSpace(ch))]);

    private async Task<HttpClient> ClientAsync(string user) => await (await app.SignedInAsync(user)).WithAntiforgeryHeaderAsync();

    private static async Task<string> SaveAsync(TempDir dir, string name, byte[] bytes)
    {
        var path = Path.Combine(dir.Path, name);
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    private static Task<string> ToolAsync(string file, IEnumerable<string> args, int timeoutSeconds = 120) => ExternalTools.RunAsync(file, args, timeoutSeconds);

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("sanxiang-casedocs-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
