using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sanxiang.Disclosure.Badges;

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
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateOnStart();
        services.AddSingleton<BadgeSigner>();
        services.AddScoped<BadgeIssuer>();
        return services;
    }

    /// <summary>Adds the module's Razor Pages (compiled into this assembly) to the host's MVC application parts.</summary>
    public static IMvcBuilder AddDisclosurePages(this IMvcBuilder mvc) => mvc.AddApplicationPart(typeof(DisclosureModule).Assembly);

    public static IEndpointRouteBuilder MapDisclosureModule(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public").AllowAnonymous().WithTags("Public disclosure");
        api.MapBadgeEndpoints();
        app.MapGroup("/api/badges").RequireAuthorization().WithTags("Officer badges").MapBadgeIssuing();
        return app;
    }
}
