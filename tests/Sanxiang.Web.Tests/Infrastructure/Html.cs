using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Sanxiang.Web.Tests.Infrastructure;

/// <summary>Reads server-rendered pages with AngleSharp.</summary>
public static class Html
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return await new HtmlParser().ParseDocumentAsync(text);
    }

    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        ((int)response.StatusCode).ShouldBe(200, $"GET {url}");
        return await ParseAsync(response);
    }

    public static string AntiforgeryToken(this IDocument page, string formSelector = "form[method=post]")
    {
        var input = page.QuerySelector($"{formSelector} input[name={AntiforgeryField}]")
            ?? throw new InvalidOperationException($"no {AntiforgeryField} in {formSelector}");
        return input.GetAttribute("value") ?? string.Empty;
    }

    /// <summary>Fetches the page, then posts its form with the antiforgery token and the given fields.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, IReadOnlyDictionary<string, string> fields)
    {
        var page = await client.GetPageAsync(url);
        var values = new Dictionary<string, string>(fields, StringComparer.Ordinal) { [AntiforgeryField] = page.AntiforgeryToken() };
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Takes the antiforgery token from a signed-in page (the sign-out form on every page) and sends it with
    /// every later request, as a page's script would for an upload to the API.
    /// </summary>
    public static async Task<HttpClient> WithAntiforgeryHeaderAsync(this HttpClient client)
    {
        var page = await client.GetPageAsync("/");
        client.DefaultRequestHeaders.Remove("RequestVerificationToken"); // a new sign-in has a new token
        client.DefaultRequestHeaders.Add("RequestVerificationToken", page.AntiforgeryToken());
        return client;
    }

    public static string? ErrorText(this IDocument page) => page.QuerySelector("[role=alert]")?.TextContent.Trim();
}
