using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sanxiang.Cases.Domain;
using Sanxiang.Cases.Features;
using Sanxiang.Cases.Persistence;
using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Cases;

/// <summary>The Cases module: penalty cases from clue to archive, with the law's rules enforced.</summary>
public static class CasesModule
{
    public static IServiceCollection AddCasesModule(this IServiceCollection services)
    {
        services.AddOptions<CaseRuleOptions>().BindConfiguration(CaseRuleOptions.Section).ValidateOnStart();
        services.AddDbContext<CasesDbContext>((sp, o) =>
        {
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Configure(o);
            o.UseQueryTrackingBehavior(QueryTrackingBehavior.TrackAll);
        });
        services.AddScoped<IModuleMigrator, CasesMigrator>();
        services.AddScoped<IOutboxSource, ModuleOutboxSource<CasesDbContext>>();
        services.AddScoped<Numbering>();
        services.AddScoped<CaseCommands>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<PaymentImport>();
        services.AddScoped<DocumentFeatures>();
        services.AddScoped<Contracts.ICaseReviewFacts, CaseReviewFacts>();
        services.AddScoped<Contracts.ICaseLookup, CaseLookup>();
        services.AddScoped<Contracts.ICaseStatistics, CaseStatistics>();
        services.AddScoped<Contracts.ICaseDecisionFeed, CaseDecisionFeed>();
        services.AddOptions<Contracts.CaseDocumentOptions>().BindConfiguration(Contracts.CaseDocumentOptions.Section);
        services.AddScoped<IDemoDataSeeder, Demo.CasesDemoData>();
        return services;
    }

    /// <summary>Adds the module's Razor Pages (compiled into this assembly) to the host's MVC application parts.</summary>
    public static IMvcBuilder AddCasesPages(this IMvcBuilder mvc) => mvc.AddApplicationPart(typeof(CasesModule).Assembly);

    public static IEndpointRouteBuilder MapCasesModule(this IEndpointRouteBuilder app)
    {
        CaseEndpoints.Map(app.MapGroup("/api/cases").RequireAuthorization().WithTags("Cases"));
        return app;
    }
}
