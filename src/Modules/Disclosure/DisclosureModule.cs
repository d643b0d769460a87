using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Documents.Tabular;

namespace Sanxiang.Disclosure;

/// <summary>
/// The Disclosure module: the public portal (行政执法公示, GB118-PUB-1..5) — before enforcement (agencies, officers,
/// powers, benchmarks, procedures, guides, remedies), during it (officer and document verification), after it
/// (published decisions and withdrawals), and the annual statistics. Its pages live under /Public and need no sign-in;
/// they show only what the law says to publish.
/// </summary>
public static class DisclosureModule
{
    public static IServiceCollection AddDisclosureModule(this IServiceCollection services)
    {
        services.AddScoped<Features.AnnualReports>();
        return services;
    }

    /// <summary>Adds the module's Razor Pages (compiled into this assembly) to the host's MVC application parts.</summary>
    public static IMvcBuilder AddDisclosurePages(this IMvcBuilder mvc) => mvc.AddApplicationPart(typeof(DisclosureModule).Assembly);

    public static IEndpointRouteBuilder MapDisclosureModule(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public").AllowAnonymous().WithTags("Public disclosure");
        api.MapGet("/reports/{year:int}.{format}", async (int year, string format, Features.AnnualReports reports, CancellationToken ct) =>
        {
            var kind = format switch { "csv" => (TabularFormat?)TabularFormat.Csv, "xlsx" => TabularFormat.Xlsx, _ => null };
            var report = kind is null ? null : await reports.ForYearAsync(year, ct);
            return report is null
                ? Results.Problem(title: "未找到", detail: "该年度统计尚未公布（每年1月1日起公布上一年度），或格式不是 csv/xlsx", statusCode: StatusCodes.Status404NotFound)
                : Results.File(
                    Features.AnnualReports.Download(report, kind!.Value),
                    kind == TabularFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    $"{year}年度行政执法统计.{format}");
        });
        return app;
    }
}
