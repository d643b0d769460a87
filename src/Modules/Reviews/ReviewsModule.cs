using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Reviews.Features;
using Sanxiang.Reviews.Persistence;

namespace Sanxiang.Reviews;

/// <summary>The Reviews module: legal review of major enforcement decisions (法制审核), the decision gate's input.</summary>
public static class ReviewsModule
{
    public static IServiceCollection AddReviewsModule(this IServiceCollection services)
    {
        services.AddDbContext<ReviewsDbContext>((sp, o) =>
        {
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Configure(o);
            o.UseQueryTrackingBehavior(QueryTrackingBehavior.TrackAll);
        });
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section);
        services.AddScoped<IModuleMigrator, ReviewsMigrator>();
        services.AddScoped<IOutboxSource, ModuleOutboxSource<ReviewsDbContext>>();
        services.AddScoped<ReviewNumbering>();
        services.AddScoped<ReviewDocuments>();
        services.AddScoped<ReviewCommands>();
        services.AddScoped<ReviewQueries>();
        services.AddScoped<IReviewGate, ReviewGate>();
        services.AddScoped<IDemoDataSeeder, Demo.ReviewsDemoData>();
        services.AddHostedService<OverdueReviewCheck>();
        return services;
    }

    /// <summary>Adds the module's Razor Pages (compiled into this assembly) to the host's MVC application parts.</summary>
    public static IMvcBuilder AddReviewsPages(this IMvcBuilder mvc) => mvc.AddApplicationPart(typeof(ReviewsModule).Assembly);

    public static IEndpointRouteBuilder MapReviewsModule(this IEndpointRouteBuilder app)
    {
        ReviewEndpoints.Map(app.MapGroup("/api/reviews").RequireAuthorization().WithTags("Reviews"));
        return app;
    }
}
