using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Documents.Tabular;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Features;
using Sanxiang.Registry.Features.Officers;
using Sanxiang.Registry.Features.Powers;
using Sanxiang.Registry.Features.Tabular;

namespace Sanxiang.Registry.Tests;

/// <summary>The HTTP shape of the import and export endpoints, on a minimal host over the same SQLite database.</summary>
public sealed class ImportExportEndpointTests : RegistryDbTest
{
    private const string Powers = "权力编码,权力名称,权力类别,法律依据,条款,执法领域,生效日期\n"
        + "CF-001,对销售不合格产品的处罚,行政处罚,《中华人民共和国产品质量法》,第四十九条,市场监管,2024-01-01\n";

    private async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped(_ => NewContext());
        builder.Services.AddScoped<OfficerImport>().AddScoped<OfficerExport>().AddScoped<PowerImport>().AddScoped<PowerExport>();
        builder.Services.AddSingleton<IAccessScopeProvider>(new FixedScope(Writer));
        var app = builder.Build();
        ImportExportEndpoints.MapImportExport(app.MapGroup("/api/registry"));
        await app.StartAsync();
        return app;
    }

    private static MultipartFormDataContent Upload(string text, string fileName)
    {
        var file = new StreamContent(Utf8(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    [Fact]
    public async Task ImportThenExport_OverHttp()
    {
        await using var app = await StartAsync();
        var client = app.GetTestClient();

        var imported = await client.PostAsync($"/api/registry/powers/import?agencyId={AgencyA}", Upload(Powers, "powers.csv"));

        imported.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await imported.Content.ReadFromJsonAsync<ImportResult>())!.Imported.ShouldBe(1);
        var exported = await client.GetAsync($"/api/registry/powers/export?agencyId={AgencyA}&format=xlsx");
        exported.StatusCode.ShouldBe(HttpStatusCode.OK);
        exported.Content.Headers.ContentType!.MediaType.ShouldBe(TabularFormats.XlsxContentType);
        exported.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull().ShouldMatch(@"^powers-\d{8}\.xlsx$");
        var csv = await client.GetAsync("/api/registry/officers/export");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
    }

    [Fact]
    public async Task RejectedImport_Is422_WithTheErrors()
    {
        await using var app = await StartAsync();
        var client = app.GetTestClient();

        var response = await client.PostAsync($"/api/registry/powers/import?agencyId={AgencyA}", Upload(Powers + "CF-001,重复,行政处罚,某法,第一条,市场监管,2024-01-01\n", "powers.csv"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = problem.RootElement.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("line").GetInt32().ShouldBe(3);
        error.GetProperty("column").GetString().ShouldBe("权力编码");
        await using var db = NewContext();
        (await db.Powers.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task MissingFileOrUnknownFormat_Is422()
    {
        await using var app = await StartAsync();
        var client = app.GetTestClient();

        (await client.PostAsync($"/api/registry/officers/import?agencyId={AgencyA}", new MultipartFormDataContent { { new StringContent("x"), "other" } }))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await client.GetAsync("/api/registry/powers/export?format=pdf")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    private sealed class FixedScope(AccessScope scope) : IAccessScopeProvider
    {
        public Task<AccessScope> GetAsync(CancellationToken ct = default) => Task.FromResult(scope);
    }
}
