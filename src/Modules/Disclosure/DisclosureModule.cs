using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sanxiang.Disclosure.Badges;
using Sanxiang.Disclosure.Features;
using Sanxiang.Disclosure.Persistence;
using Sanxiang.Documents.Tabular;
using Sanxiang.Kernel.Persistence;

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
        services.AddMemoryCache();
        services.AddScoped<AnnualReports>();
        services.AddDbContext<DisclosureDbContext>((sp, o) =>
        {
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Configure(o);
            o.UseQueryTrackingBehavior(QueryTrackingBehavior.TrackAll);
        });
        services.AddOptions<DisclosureOptions>().BindConfiguration(DisclosureOptions.Section);
        services.AddScoped<IModuleMigrator, DisclosureMigrator>();
        services.AddScoped<IOutboxSource, ModuleOutboxSource<DisclosureDbContext>>();
        services.AddScoped<DecisionIndex>();
        services.AddScoped<PublicationPipeline>();
        services.AddScoped<Sanxiang.Cases.Contracts.IPublicationPreview, PublicationPreviews>();
        services.AddScoped<PublicDecisionQueries>();
        services.AddHostedService<PublicationJob>();
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateOnStart();
        services.AddPublicSite();
        services.AddSingleton<BadgeSigner>();
        services.AddScoped<BadgeIssuer>();
        return services;
    }

    /// <summary>The public site's rate limit and output cache (ADR 0019); after authentication, before authorization.</summary>
    public static IApplicationBuilder UseDisclosurePublicSite(this IApplicationBuilder app) => app.UsePublicSite();

    /// <summary>Adds the module's Razor Pages (compiled into this assembly) to the host's MVC application parts.</summary>
    public static IMvcBuilder AddDisclosurePages(this IMvcBuilder mvc) => mvc.AddApplicationPart(typeof(DisclosureModule).Assembly);

    public static IEndpointRouteBuilder MapDisclosureModule(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public").AllowAnonymous().WithTags("Public disclosure");
        api.MapGet("/reports/{year:int}.{format}", async (int year, string format, AnnualReports reports, CancellationToken ct) =>
        {
            var kind = format switch { "csv" => (TabularFormat?)TabularFormat.Csv, "xlsx" => TabularFormat.Xlsx, _ => null };
            var report = kind is null ? null : await reports.ForYearAsync(year, ct);
            return report is null
                ? Results.Problem(title: "未找到", detail: "该年度统计尚未公布（每年1月1日起公布上一年度），或格式不是 csv/xlsx", statusCode: StatusCodes.Status404NotFound)
                : Results.File(
                    AnnualReports.Download(report, kind!.Value),
                    kind == TabularFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    $"{year}年度行政执法统计.{format}");
        });
        PublicEndpoints.Map(api);
        PublicEndpoints.MapAlerts(app.MapGroup("/api/disclosure").RequireAuthorization().WithTags("Disclosure"));
        api.MapBadgeEndpoints();
        app.MapGroup("/api/badges").RequireAuthorization().WithTags("Officer badges").MapBadgeIssuing();
        return app;
    }
}
