using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sanxiang.Web.Tests.Infrastructure;

/// <summary>JSON over the API the way the app reads and writes it (web defaults, enums as strings).</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public const string ProblemJson = "application/problem+json";

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) => client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body) => client.PutAsJsonAsync(url, body, Json);

    public static async Task<T> ReadJsonAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json)) ?? throw new InvalidOperationException("empty JSON body");

    public static async Task<JsonDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    /// <summary>A 422 ProblemDetails naming the rule, its Chinese detail containing the message, the first error on the field.</summary>
    public static async Task ShouldBeRuleProblemAsync(this HttpResponseMessage response, string ruleId, string field, string message)
    {
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(ProblemJson);
        using var document = await response.ReadDocumentAsync();
        var problem = document.RootElement;
        problem.GetProperty("ruleId").GetString().ShouldBe(ruleId);
        problem.GetProperty("detail").GetString()!.ShouldContain(message);
        problem.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe(field);
    }
}
