namespace Sanxiang.Web.Tests.Browser;

/// <summary>
/// Issue 15: the Content-Security-Policy works in a real browser — an inline script injected into a page (as a stored
/// script that escaped escaping would be) does not run and the browser reports the violation. The app's own script
/// files still run: MediaBrowserTests uploads through the upload page's module.
/// </summary>
[Trait("Area", "Browser")]
[Collection(BrowserTests.Name)]
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnInjectedInlineScript_IsBlocked_AndReported()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Public/Decisions");
        var outcome = await page.EvaluateAsync<string>(@"() => new Promise(resolve => {
            document.addEventListener('securitypolicyviolation', e => resolve('blocked ' + e.violatedDirective + ' ' + (window.__injected === true)));
            const s = document.createElement('script');
            s.textContent = 'window.__injected = true;';
            document.body.appendChild(s);
            const i = document.createElement('img');
            i.setAttribute('src', 'data:,x');
            i.setAttribute('onerror', 'window.__injected = true');
            setTimeout(() => resolve(window.__injected === true ? 'ran' : 'silent'), 3000);
        })");
        outcome.ShouldStartWith("blocked script-src");
        outcome.ShouldEndWith("False");
        (await page.EvaluateAsync<bool>("() => window.__injected === true")).ShouldBeFalse();
        await page.Context.CloseAsync();
    }
}
