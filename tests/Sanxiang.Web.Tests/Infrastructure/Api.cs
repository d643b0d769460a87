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
}
