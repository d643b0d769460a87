using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sanxiang.Cases.Contracts;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Media.Features;
using Sanxiang.Media.Persistence;
using Sanxiang.Media.Storage;
using Sanxiang.Media.Uploads;

namespace Sanxiang.Media;

/// <summary>The Media module: audio-video records (音像记录) — resumable ingest, content-addressed storage, playback, retention.</summary>
public static class MediaModule
{
    public static IServiceCollection AddMediaModule(this IServiceCollection services)
    {
        services.AddDbContext<MediaDbContext>((sp, o) =>
        {
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Configure(o);
            o.UseQueryTrackingBehavior(QueryTrackingBehavior.TrackAll);
        });
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section)
            .Validate(o => o.Store is "Local" or "S3", "Media:Store must be Local or S3")
            .Validate(o => o.Store != "S3" || !string.IsNullOrWhiteSpace(o.S3.Bucket), "Media:S3:Bucket is required when Media:Store is S3")
            .Validate(o => o.RetentionMonths.Values.All(m => m >= MediaOptions.MinimumRetentionMonths), "REC-RET-1: every Media:RetentionMonths value must be at least 6")
            .ValidateOnStart();
        services.AddSingleton<IObjectStore>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<MediaOptions>>().Value;
            return o.Store == "S3" ? S3ObjectStore.Create(o.S3) : new LocalObjectStore(Path.Combine(MediaRoot(sp, o), "objects"));
        });
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<MediaOptions>>().Value;
            // A national-crypto deployment (a Ledger hashed with SM3) gets SM3 of every record too.
            var sm3Ledger = string.Equals(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Ledger:HashSuite"], "sm3", StringComparison.OrdinalIgnoreCase);
            return new UploadStore(o.StagingPath ?? Path.Combine(MediaRoot(sp, o), "staging"), o.ComputeSm3 || sm3Ledger);
        });
        services.AddScoped<IModuleMigrator, MediaMigrator>();
        services.AddScoped<IOutboxSource, ModuleOutboxSource<MediaDbContext>>();
        services.AddScoped<MediaProbe>();
        services.AddScoped<MediaCommands>();
        services.AddScoped<MediaQueries>();
        services.RemoveAll<ICaseRecordings>();
        services.AddScoped<ICaseRecordings, CaseRecordings>();
        services.AddHostedService<MediaMaintenance>();
        return services;
    }

    private static string MediaRoot(IServiceProvider sp, MediaOptions o) =>
        string.IsNullOrWhiteSpace(o.Root) ? Sanxiang.Kernel.Hosting.DataRoot.PathFor(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), "Media:Root", "media") : Path.GetFullPath(o.Root);

    /// <summary>Adds the module's Razor Pages (compiled into this assembly) to the host's MVC application parts.</summary>
    public static IMvcBuilder AddMediaPages(this IMvcBuilder mvc) => mvc.AddApplicationPart(typeof(MediaModule).Assembly);

    /// <summary>
    /// tus 1.0 core: behind proxies that only pass GET and POST, a client sends POST with
    /// <c>X-HTTP-Method-Override: PATCH|DELETE</c>. Honoured on the upload resources only, before routing.
    /// </summary>
    public static IApplicationBuilder UseMediaUploadMethodOverride(this IApplicationBuilder app) => app.Use(TusEndpoints.MethodOverride);

    public static IEndpointRouteBuilder MapMediaModule(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/api/media").RequireAuthorization().WithTags("Media");
        TusEndpoints.Map(media);
        MediaEndpoints.Map(media);
        return app;
    }
}
