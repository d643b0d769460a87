using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sanxiang.Kernel.Paging;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Kernel.Security;
using Sanxiang.Registry.Contracts;
using Sanxiang.Registry.Demo;
using Sanxiang.Registry.Features;
using Sanxiang.Registry.Features.Agencies;
using Sanxiang.Registry.Features.Calendar;
using Sanxiang.Registry.Features.Officers;
using Sanxiang.Registry.Features.Powers;
using Sanxiang.Registry.Features.RecordingLists;
using Sanxiang.Registry.Features.ReviewCatalogs;
using Sanxiang.Registry.Persistence;

namespace Sanxiang.Registry;

/// <summary>The Registry module: agencies, officers and certificates, powers and discretion benchmarks, review catalogs, recording-required lists, the working-day calendar.</summary>
public static class RegistryModule
{
    public static IServiceCollection AddRegistryModule(this IServiceCollection services)
    {
        services.AddDbContext<RegistryDbContext>((sp, o) =>
        {
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Configure(o);
            o.UseQueryTrackingBehavior(QueryTrackingBehavior.TrackAll);
        });
        services.AddScoped<IModuleMigrator, RegistryMigrator>();
        services.AddScoped<IOutboxSource, ModuleOutboxSource<RegistryDbContext>>();
        services.AddScoped<IDemoDataSeeder, RegistryDemoData>();
        services.AddScoped<IAgencyDirectory, AgencyDirectory>();
        services.AddScoped<IRegistryOverview, RegistryOverview>();
        services.AddScoped<IEnforcementDirectory, Features.Directory.EnforcementDirectory>();
        services.AddScoped<IPublicRegistry, Features.Directory.PublicRegistry>();
        services.AddScoped<AgencyFeatures>();
        services.AddScoped<OfficerFeatures>();
        services.AddScoped<PowerFeatures>();
        services.AddScoped<OfficerImport>();
        services.AddScoped<OfficerExport>();
        services.AddScoped<PowerImport>();
        services.AddScoped<PowerExport>();
        services.AddScoped<ReviewCatalogFeatures>();
        services.AddScoped<IReviewCatalogs, ReviewCatalogDirectory>();
        services.AddScoped<RecordingListFeatures>();
        services.AddScoped<IRecordingLists, RecordingListDirectory>();

        // The working-day calendar: one in-memory table per process (IWorkingDayCalendar), loaded at start-up by
        // the reference-data step and reloaded after each change (docs/decisions/0008).
        services.AddSingleton<WorkingDayCalendar>();
        services.AddSingleton<IWorkingDayCalendar>(sp => sp.GetRequiredService<WorkingDayCalendar>());
        services.AddScoped<IReferenceDataLoader, CalendarReferenceData>();
        services.AddScoped<CalendarFeatures>();
        return services;
    }

    /// <summary>Adds the module's Razor Pages (compiled into this assembly) to the host's MVC application parts.</summary>
    public static IMvcBuilder AddRegistryPages(this IMvcBuilder mvc) => mvc.AddApplicationPart(typeof(RegistryModule).Assembly);

    public static IEndpointRouteBuilder MapRegistryModule(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/registry").RequireAuthorization().WithTags("Registry");

        api.MapGet("/agencies", async (string? search, AgencyFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await f.ListAsync(await s.GetAsync(ct), search, ct)));
        api.MapGet("/agencies/{id:guid}", async (Guid id, AgencyFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await f.GetAsync(await s.GetAsync(ct), id, ct)));
        api.MapPost("/agencies", async (AgencyInput input, AgencyFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            var id = await f.CreateAsync(await s.GetAsync(ct), input, ct);
            return TypedResults.Created($"/api/registry/agencies/{id}", new { id });
        });
        api.MapPut("/agencies/{id:guid}", async (Guid id, AgencyInput input, AgencyFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await f.UpdateAsync(await s.GetAsync(ct), id, input, ct);
            return TypedResults.NoContent();
        });

        api.MapGet("/officers", async ([AsParameters] ListArgs args, Guid? agencyId, CertificateStatus? status, OfficerFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await f.SearchAsync(await s.GetAsync(ct), args.ToQuery(), agencyId, status, ct)));
        api.MapGet("/officers/{id:guid}", async (Guid id, OfficerFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await f.GetAsync(await s.GetAsync(ct), id, ct)));
        api.MapPost("/officers", async (OfficerInput input, OfficerFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            var id = await f.RegisterAsync(await s.GetAsync(ct), input, ct);
            return TypedResults.Created($"/api/registry/officers/{id}", new { id });
        });
        api.MapPut("/officers/{id:guid}", async (Guid id, OfficerInput input, OfficerFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await f.UpdateAsync(await s.GetAsync(ct), id, input, ct);
            return TypedResults.NoContent();
        });
        api.MapPost("/officers/{id:guid}/status", async (Guid id, StatusInput input, OfficerFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await f.ChangeStatusAsync(await s.GetAsync(ct), id, input.Status, ct);
            return TypedResults.NoContent();
        });
        api.MapPost("/officers/{id:guid}/training", async (Guid id, TrainingInput input, OfficerFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await f.RecordTrainingAsync(await s.GetAsync(ct), id, input.Year, input.Hours, ct);
            return TypedResults.NoContent();
        });

        api.MapGet("/powers", async ([AsParameters] ListArgs args, Guid? agencyId, PowerCategory? category, PowerFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await f.SearchAsync(await s.GetAsync(ct), args.ToQuery(), agencyId, category, ct)));
        api.MapGet("/powers/{id:guid}", async (Guid id, PowerFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
            TypedResults.Ok(await f.GetAsync(await s.GetAsync(ct), id, ct)));
        api.MapPost("/powers", async (PowerInput input, PowerFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            var id = await f.CreateAsync(await s.GetAsync(ct), input, ct);
            return TypedResults.Created($"/api/registry/powers/{id}", new { id });
        });
        api.MapPost("/powers/{id:guid}/versions", async (Guid id, PowerRevision input, PowerFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await f.ReviseAsync(await s.GetAsync(ct), id, input, ct);
            return TypedResults.NoContent();
        });
        api.MapPut("/powers/{id:guid}/benchmark", async (Guid id, IReadOnlyList<BenchmarkLevelRow> levels, PowerFeatures f, IAccessScopeProvider s, CancellationToken ct) =>
        {
            await f.SetBenchmarkAsync(await s.GetAsync(ct), id, levels, ct);
            return TypedResults.NoContent();
        });

        ImportExportEndpoints.MapImportExport(api);
        CalendarEndpoints.MapCalendar(api);
        ReviewCatalogEndpoints.MapReviewCatalogs(api);
        RecordingListEndpoints.MapRecordingLists(api);
        return app;
    }

    internal sealed record StatusInput(CertificateStatus Status);

    internal sealed record TrainingInput(int Year, int Hours);

    internal sealed record ListArgs(string? Search, string? Sort, bool? Desc, int? Page, int? PageSize)
    {
        public ListQuery ToQuery() => new(Search, Sort, Desc ?? false, Page ?? 1, PageSize ?? 20);
    }
}
