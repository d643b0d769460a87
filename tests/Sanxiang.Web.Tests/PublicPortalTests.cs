using System.Net;
using Sanxiang.Web.Tests.Infrastructure;

namespace Sanxiang.Web.Tests;

/// <summary>The public portal (issue 7) needs no sign-in and uses its own accessible, mobile-first layout.</summary>
public sealed class PublicPortalTests(SanxiangFactory app) : IClassFixture<SanxiangFactory>
{
    [Fact]
    public async Task ThePortalHome_IsPublic_InChinese_WithASkipLink()
    {
        using var r = await app.NewClient().GetAsync("/Public");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await r.Content.ReadAsStringAsync();
        html.ShouldContain("<html lang=\"zh-CN\">");
        html.ShouldContain("行政执法公示");
        html.ShouldContain("跳到主要内容");
    }
}
