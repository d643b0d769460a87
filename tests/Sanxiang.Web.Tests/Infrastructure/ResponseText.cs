using System.Text;
using System.Text.Json;

namespace Sanxiang.Web.Tests.Infrastructure;

public static class ResponseText
{
    /// <summary>
    /// The body as a person would read it: JSON escapes non-ASCII (\u5b89…), so JSON bodies are parsed and
    /// their names and values joined; other bodies are returned as text.
    /// </summary>
    public static async Task<string> ReadableAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        if (!mediaType.Contains("json", StringComparison.Ordinal) || text.Length == 0)
        {
            return text;
        }

        using var doc = JsonDocument.Parse(text);
        var sb = new StringBuilder();
        Walk(doc.RootElement, sb);
        return sb.ToString();
    }

    /// <summary>The JSON body without members that differ per request (traceId), for comparing two answers.</summary>
    public static async Task<string> ComparableAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0 || !(response.Content.Headers.ContentType?.MediaType ?? string.Empty).Contains("json", StringComparison.Ordinal))
        {
            return text;
        }

        using var doc = JsonDocument.Parse(text);
        return string.Join('|', doc.RootElement.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value.GetRawText()}"));
    }

    private static void Walk(JsonElement e, StringBuilder sb)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    sb.Append(p.Name).Append(' ');
                    Walk(p.Value, sb);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, sb);
                }

                break;
            case JsonValueKind.String:
                sb.Append(e.GetString()).Append(' ');
                break;
            default:
                sb.Append(e.GetRawText()).Append(' ');
                break;
        }
    }
}
