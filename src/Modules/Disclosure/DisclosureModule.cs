using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sanxiang.Disclosure.Features;
using Sanxiang.Disclosure.Persistence;
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
        services.AddDbContext<DisclosureDbContext>((sp, o) =>
        {
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Configure(o);
            o.UseQueryTrackingBehavior(QueryTrackingBehavior.TrackAll);
        });
        services.AddOptions<DisclosureOptions>().BindConfiguration(DisclosureOptions.Section);
        services.AddScoped<IModuleMigrator, DisclosureMigrator>();
        services.AddScoped<IOutboxSource, ModuleOutboxSource<DisclosureDbContext>>();
        services.AddScoped<PublicationPipeline>();
        services.AddScoped<PublicDecisionQueries>();
        services.AddHostedService<PublicationJob>();
        return services;
    }

    /// <summary>Adds the module's Razor Pages (compiled into this assembly) to the host's MVC application parts.</summary>
    public static IMvcBuilder AddDisclosurePages(this IMvcBuilder mvc) => mvc.AddApplicationPart(typeof(DisclosureModule).Assembly);

    public static IEndpointRouteBuilder MapDisclosureModule(this IEndpointRouteBuilder app)
    {
        PublicEndpoints.Map(app.MapGroup("/api/public").AllowAnonymous().WithTags("Public disclosure"));
        PublicEndpoints.MapAlerts(app.MapGroup("/api/disclosure").RequireAuthorization().WithTags("Disclosure"));
        return app;
    }
}
