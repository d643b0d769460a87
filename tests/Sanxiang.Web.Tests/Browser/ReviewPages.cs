using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sanxiang.Reviews.Contracts;

namespace Sanxiang.Web.Tests.Browser;

/// <summary>The legal-review pages as the case team, the legal unit and the reviewer use them.</summary>
public sealed class ReviewPages(IPage page)
{
    /// <summary>送审 from the case (the form is prefilled from the prior notice); returns the review's ID, or the error text when refused.</summary>
    public async Task<(Guid? ReviewId, string Errors)> SubmitAsync(Guid caseId, string? report, string? discretion, decimal? fineYuan = null, bool expectRefusal = false)
    {
        await page.GotoAsync($"/Cases/Details/{caseId}");
        await page.Locator("#actions a", new() { HasText = "送法制审核" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/Reviews/Submit/{caseId}$"));
        if (fineYuan is { } fine)
        {
            await page.Locator("[name='Form.FineYuan']").FillAsync(fine.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await page.Locator("[name='Form.InvestigationReport']").FillAsync(report ?? string.Empty);
        await page.Locator("[name='Form.DiscretionReasoning']").FillAsync(discretion ?? string.Empty);
        await page.Locator("#submit-review").ClickAsync();
        if (expectRefusal)
        {
            await page.Locator("#errors").WaitForAsync();
            return (null, await page.Locator("#errors").InnerTextAsync());
        }

        await page.WaitForURLAsync(new Regex("/Reviews/Details/"));
        return (Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]), string.Empty);
    }

    public async Task AssignAsync(Guid reviewId, string reviewer)
    {
        await page.GotoAsync($"/Reviews/Details/{reviewId}");
        await page.Locator("#assign-form label.check", new() { HasText = reviewer }).Locator("input").CheckAsync();
        await page.Locator("#assign").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/Reviews/Details/{reviewId}$"));
    }

    /// <summary>Concludes: every checklist item satisfied but the given problems, the outcome and the opinion.</summary>
    public async Task ConcludeAsync(Guid reviewId, ReviewOutcome outcome, string opinion, params (ChecklistItem Item, string Note)[] problems)
    {
        await page.GotoAsync($"/Reviews/Details/{reviewId}");
        foreach (var (item, note) in problems)
        {
            var set = page.Locator("#conclude-form fieldset.finding", new() { Has = page.Locator($"input[data-item='{item}']") });
            await set.Locator("input[value='false']").CheckAsync();
            await set.Locator("input[type=text]").FillAsync(note);
        }

        await page.Locator("#outcome").SelectOptionAsync(outcome.ToString());
        await page.Locator("#opinion").FillAsync(opinion);
        await page.Locator("#conclude").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/Reviews/Details/{reviewId}$"));
    }

    public async Task<string> StatusAsync(Guid reviewId)
    {
        await page.GotoAsync($"/Reviews/Details/{reviewId}");
        return await page.Locator("#status").InnerTextAsync();
    }
}
