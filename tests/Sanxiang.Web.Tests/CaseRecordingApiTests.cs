using System.Globalization;
using System.Net;
using Sanxiang.Registry.Contracts;
using Sanxiang.Web.Tests.Infrastructure;
using static Sanxiang.Web.Tests.Infrastructure.CaseApi;

namespace Sanxiang.Web.Tests;

/// <summary>
/// The recording gate over the case API (GB118-REC-2/3): a listed step is refused naming its rule until a record from the
/// Media module is linked to the case step, or the head approves a written exception for the case and step; the
/// agency's list decides which steps are listed. Tests that edit the demo agency's list restore it at the end.
/// </summary>
public sealed class CaseRecordingApiTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string ListUrl = $"/api/registry/agencies/{DemoAgencies.MarketRegulation}/recording-list";

    private static object Seizure => new { kind = "Seizure", items = "过期食品20袋", startedOn = Today, headApproved = true, certificatesShown = true, partyNotified = true, reasonsAndRightsTold = true, partyHeard = true, recordSigned = true };

    private static readonly object Person = new { kind = "Person", name = "赵某某", idNumber = "110105199003070017", address = "安平县城关镇幸福路1号" };

    [Fact]
    public async Task GB118_REC_2_ASeizureWithoutMedia_Gets422_UntilTheHeadApprovesAWrittenException()
    {
        var (officer, head) = (await ClientAsync("officer.market"), await ClientAsync("head.market"));
        var id = await FiledAsync(officer, head, "SJ-CF-001", ["王建国", "李秀英"], Person);
        var before = await CaseRowAsync(app, id);

        var problem = await RefusedAsync(officer, $"/api/cases/{id}/measures", Seizure, HttpStatusCode.UnprocessableEntity, "GB118-REC-2");
        problem.GetProperty("detail").GetString().ShouldBe("查封、扣押须有同步音像记录（GB118-REC-2）：请先上传并关联执法记录仪视频，或经行政机关负责人书面批准例外");
        (await CaseRowAsync(app, id)).ShouldBe(before);

        var exception = new { stepCode = RecordingSteps.SealUpSeizure, reason = "执法记录仪故障送修，现场以照片和笔录记录" };
        await RefusedAsync(officer, $"/api/cases/{id}/recording-exception", exception, HttpStatusCode.Forbidden, null);
        await RefusedAsync(head, $"/api/cases/{id}/recording-exception", new { stepCode = RecordingSteps.SealUpSeizure, reason = "故障" }, HttpStatusCode.UnprocessableEntity, "GB118-REC-2");
        (await CaseRowAsync(app, id)).ShouldBe(before);
        await OkAsync(head, $"/api/cases/{id}/recording-exception", exception);
        await OkAsync(officer, $"/api/cases/{id}/measures", Seizure);

        var view = await ViewAsync(officer, $"/api/cases/{id}");
        view.GetProperty("measures").GetArrayLength().ShouldBe(1);
        view.GetProperty("recordingExceptions")[0].GetProperty("stepCode").GetString().ShouldBe(RecordingSteps.SealUpSeizure);
        view.GetProperty("steps").EnumerateArray().ShouldContain(s => s.GetProperty("action").GetString() == "批准音像记录例外" && s.GetProperty("ruleId").GetString() == "GB118-REC-2");
    }

    [Fact]
    public async Task GB118_REC_2_ASeizureWithItsBodyCameraRecordingLinked_Passes_AndARecordingOfAnotherStepDoesNotCount()
    {
        var (officer, head) = (await ClientAsync("officer.market"), await ClientAsync("head.market"));
        var id = await FiledAsync(officer, head, "SJ-CF-001", ["王建国", "李秀英"], Person);
        var meta = new Dictionary<string, string> { ["filename"] = "扣押现场.mp4", ["filetype"] = "video/mp4", ["caseId"] = id.ToString() };
        await Tus.UploadAsync(officer, Tus.Bytes(20_000, seed: 43), new Dictionary<string, string>(meta) { ["step"] = RecordingSteps.Hearing });
        await RefusedAsync(officer, $"/api/cases/{id}/measures", Seizure, HttpStatusCode.UnprocessableEntity, "GB118-REC-2");

        await Tus.UploadAsync(officer, Tus.Bytes(20_000, seed: 47), new Dictionary<string, string>(meta) { ["step"] = RecordingSteps.SealUpSeizure });
        await OkAsync(officer, $"/api/cases/{id}/measures", Seizure);
        (await ViewAsync(officer, $"/api/cases/{id}")).GetProperty("measures").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task GB118_REC_2_TheExceptions_AreListedForHeadsAndSupervisorsInScope_NotForOfficers()
    {
        var (officer, head, supervisor) = (await ClientAsync("officer.market"), await ClientAsync("head.market"), await ClientAsync("supervisor"));
        var id = await FiledAsync(officer, head, "SJ-CF-001", ["王建国", "李秀英"], Person);
        await OkAsync(head, $"/api/cases/{id}/recording-exception", new { stepCode = RecordingSteps.SealUpSeizure, reason = "现场断电，执法记录仪无法充电，以笔录代替" });

        foreach (var reader in new[] { head, supervisor })
        {
            var rows = await ViewAsync(reader, "/api/cases/recording-exceptions");
            var row = rows.EnumerateArray().Single(r => r.GetProperty("caseId").GetGuid() == id);
            (row.GetProperty("ruleId").GetString(), row.GetProperty("stepLabel").GetString(), row.GetProperty("reason").GetString()).ShouldBe(("GB118-REC-2", "查封、扣押", "现场断电，执法记录仪无法充电，以笔录代替"));
        }

        var otherAgency = await ViewAsync(await ClientAsync("head.urban"), "/api/cases/recording-exceptions");
        otherAgency.EnumerateArray().ShouldNotContain(r => r.GetProperty("caseId").GetGuid() == id);
        using var forbidden = await officer.GetAsync("/api/cases/recording-exceptions");
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await head.GetPageAsync("/Cases/RecordingExceptions");
        page.QuerySelector("#recording-exceptions")!.TextContent.ShouldContain("现场断电");
    }

    [Fact]
    public async Task GB118_REC_3_ServiceByLeaving_Gets422_AndAListWithoutItLetsItPass()
    {
        var (officer, head) = (await ClientAsync("officer.market"), await ClientAsync("head.market"));
        var id = await FiledAsync(officer, head, "SJ-CF-004", ["陈静", "张伟"], Person);
        var fine = new { kinds = new[] { "Fine" }, fineFen = 500_00L, level = "General" };
        await OkAsync(officer, $"/api/cases/{id}/notice", new { penalty = fine, facts = "销售不合格的电热水壶", reasons = "违反《产品质量法》第三十九条", servedOn = Today });
        await OkAsync(officer, $"/api/cases/{id}/statement", new { waived = true, on = Today });
        await OkAsync(officer, $"/api/cases/{id}/decision", new { outcome = "Penalty", penalty = fine, facts = "销售不合格的电热水壶", reasons = "依据《产品质量法》第四十九条" });
        var service = new { method = "LeftAtResidence", servedOn = Today, recipient = "赵某某" };
        (await RefusedAsync(officer, $"/api/cases/{id}/service", service, HttpStatusCode.UnprocessableEntity, "GB118-REC-3")).GetProperty("detail").GetString()!.ShouldStartWith("留置送达须有同步音像记录（GB118-REC-3）");

        try
        {
            using var put = await head.PutJsonAsync(ListUrl, new { steps = new[] { RecordingSteps.SealUpSeizure, RecordingSteps.Hearing, RecordingSteps.ServiceByNotice, RecordingSteps.CompulsoryEnforcement }, inspectionPowers = Array.Empty<string>() });
            put.StatusCode.ShouldBe(HttpStatusCode.NoContent, await put.Content.ReadAsStringAsync());
            await OkAsync(officer, $"/api/cases/{id}/service", service);
        }
        finally
        {
            using var reset = await head.DeleteAsync(ListUrl);
            reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
    }

    [Fact]
    public async Task GB118_REC_3_AnOnSiteInspectionRecord_OfAListedPower_NeedsARecording_OfAnUnlistedPowerDoesNot()
    {
        var (officer, head) = (await ClientAsync("officer.market"), await ClientAsync("head.market"));
        var listed = await FiledAsync(officer, head, "SJ-CF-001", ["王建国", "李秀英"], Person);
        var unlisted = await FiledAsync(officer, head, "SJ-CF-004", ["陈静", "张伟"], Person);
        var record = new { kind = "勘验笔录、现场笔录", description = "现场检查笔录一份", collectedOn = Today, lawfullyObtained = true };
        await OkAsync(officer, $"/api/cases/{listed}/evidence", record); // the default list names no power

        try
        {
            using var put = await head.PutJsonAsync(ListUrl, new { steps = RecordingListFacts.DefaultSteps, inspectionPowers = new[] { "SJ-CF-001" } });
            put.StatusCode.ShouldBe(HttpStatusCode.NoContent, await put.Content.ReadAsStringAsync());
            (await RefusedAsync(officer, $"/api/cases/{listed}/evidence", record, HttpStatusCode.UnprocessableEntity, "GB118-REC-3")).GetProperty("detail").GetString()!.ShouldStartWith("现场检查须有同步音像记录");
            await OkAsync(officer, $"/api/cases/{unlisted}/evidence", record);
        }
        finally
        {
            using var reset = await head.DeleteAsync(ListUrl);
            reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
    }

    private async Task<HttpClient> ClientAsync(string user) => await (await app.SignedInAsync(user)).WithAntiforgeryHeaderAsync();
}
