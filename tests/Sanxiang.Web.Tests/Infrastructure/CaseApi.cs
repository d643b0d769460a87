using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Cases.Persistence;

namespace Sanxiang.Web.Tests.Infrastructure;

/// <summary>The case API as the case tests drive it: a step that must pass, a step that must be refused, the case view, a bank file, the stored row.</summary>
public static class CaseApi
{
    /// <summary>Posts a case action that must succeed (204).</summary>
    public static async Task OkAsync(HttpClient client, string url, object body)
    {
        using var r = await client.PostJsonAsync(url, body);
        r.StatusCode.ShouldBe(HttpStatusCode.NoContent, $"{url}: {await r.Content.ReadAsStringAsync()}");
    }

    /// <summary>Posts a case action that must be refused with a ProblemDetails of this status naming this rule (not checked when null); returns the problem.</summary>
    public static async Task<JsonElement> RefusedAsync(HttpClient client, string url, object body, HttpStatusCode status, string? ruleId)
    {
        using var r = await client.PostJsonAsync(url, body);
        var text = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(status, $"{url}: {text}");
        r.Content.Headers.ContentType?.MediaType.ShouldBe(Api.ProblemJson);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        if (ruleId is not null)
        {
            problem.GetProperty("ruleId").GetString().ShouldBe(ruleId, text);
        }

        return problem;
    }

    public static async Task<JsonElement> ViewAsync(HttpClient client, string url)
    {
        using var r = await client.GetAsync(url);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await r.ReadDocumentAsync()).RootElement.Clone();
    }

    /// <summary>Uploads a bank statement (CSV) to the payment import.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "bank.csv");
        return await client.PostAsync("/api/cases/payments/import", content);
    }

    public static async Task<Guid> OfficerIdAsync(HttpClient client, string name) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/registry/officers?search={Uri.EscapeDataString(name)}")).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();

    /// <summary>The case as stored (version, stage, sub-state): equal before and after a refused step.</summary>
    public static async Task<string> CaseRowAsync(SanxiangFactory app, Guid id)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == id);
        return $"{c.Version}|{c.Stage}|{c.DetailsJson}";
    }

    /// <summary>A case filed by the head on the power with this code, with one piece of lawful evidence (物证).</summary>
    public static async Task<Guid> FiledAsync(HttpClient officer, HttpClient head, string power, string[] team, object party)
    {
        var powerId = JsonDocument.Parse(await officer.GetStringAsync($"/api/registry/powers?search={power}")).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
        var ids = new List<Guid>();
        foreach (var name in team)
        {
            ids.Add(await OfficerIdAsync(officer, name));
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        using var r = await officer.PostJsonAsync("/api/cases", new { powerId, party, summary = "群众举报", actOn = today.AddDays(-5), discoveredOn = today.AddDays(-1), officerIds = ids });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var id = (await r.ReadDocumentAsync()).RootElement.GetProperty("id").GetGuid();
        await OkAsync(officer, $"/api/cases/{id}/request-filing", new { });
        await OkAsync(head, $"/api/cases/{id}/approve-filing", new { });
        await OkAsync(officer, $"/api/cases/{id}/evidence", new { kind = "物证", description = "现场照片六张", collectedOn = today, lawfullyObtained = true });
        return id;
    }
}
