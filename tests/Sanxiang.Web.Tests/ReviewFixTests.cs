using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Sanxiang.Registry.Contracts;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>The application with the security stamp rechecked on every request (the production default is a minute).</summary>
public sealed class EveryRequestStampFactory : SanxiangFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:StampValidationSeconds", "0");
    }
}

/// <summary>Sessions: a second factor survives the periodic revalidation (SEC-AUTH-1), and signing out ends the session.</summary>
public sealed class SessionTests(EveryRequestStampFactory app) : IClassFixture<EveryRequestStampFactory>
{
    [Fact]
    public async Task AnAdministratorSignedInWithTotp_StaysSignedIn_WhenTheSessionIsRevalidated_SECAUTH1()
    {
        var (client, _) = await app.SignedInWithTwoFactorAsync("admin");
        for (var i = 0; i < 3; i++)
        {
            using var me = await client.GetAsync("/api/me");
            me.StatusCode.ShouldBe(HttpStatusCode.OK, $"request {i + 1} after revalidation");
        }

        using var page = await client.GetAsync("/Registry/Officers");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SigningOut_EndsTheSession()
    {
        var client = await app.SignedInAsync("officer.market");
        var home = await client.GetPageAsync("/");
        using (var signOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { [Html.AntiforgeryField] = home.AntiforgeryToken() })))
        {
            signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var after = await client.GetAsync("/api/me");
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

/// <summary>Uploads to the API from a browser session need the antiforgery token; API keys do not.</summary>
public sealed class UploadForgeryTests(NoTwoFactorFactory app) : IClassFixture<NoTwoFactorFactory>
{
    private const string Csv = "权力编码,权力名称,权力类别,法律依据,条款,执法领域,生效日期\nSJ-CF-990,对某违法行为的处罚,行政处罚,《某法》,第一条,市场秩序,2024-01-01\n";

    [Fact]
    public async Task ACookieUpload_WithoutTheToken_IsRefused_AndNothingIsImported()
    {
        var head = await app.SignedInAsync("head.market");
        using var response = await head.PostAsync($"/api/registry/powers/import?agencyId={DemoAgencies.MarketRegulation}", Upload());
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("防伪");
        using var list = await head.GetAsync("/api/registry/powers?search=SJ-CF-990");
        (await list.Content.ReadAsStringAsync()).ShouldContain("\"total\":0");
    }

    [Fact]
    public async Task ACookieUpload_WithTheToken_IsImported()
    {
        var head = await (await app.SignedInAsync("head.market")).WithAntiforgeryHeaderAsync();
        using var response = await head.PostAsync($"/api/registry/powers/import?agencyId={DemoAgencies.MarketRegulation}", Upload());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task FrameworkErrors_AreChineseProblemDetails()
    {
        var anonymous = app.NewClient();
        using var unauthorized = await anonymous.GetAsync("/api/registry/officers");
        unauthorized.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unauthorized.Content.Headers.ContentType?.MediaType.ShouldBe(Api.ProblemJson);
        (await unauthorized.Content.ReadAsStringAsync()).ShouldContain("请先登录");

        var head = await app.SignedInAsync("head.market");
        using var notFound = await head.GetAsync("/api/nothing-here");
        (await notFound.Content.ReadAsStringAsync()).ShouldContain("未找到");
        using var method = await head.DeleteAsync("/api/registry/officers");
        method.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await method.Content.ReadAsStringAsync()).ShouldContain("不支持");
    }

    private static MultipartFormDataContent Upload()
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "powers.csv" } };
    }
}
