using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sanxiang.Kernel.Persistence;
using Sanxiang.Ledger.Features;
using Sanxiang.Ledger.Persistence;
using Sanxiang.Ledger.Sequencing;
using Sanxiang.Ledger.Witnessing;

namespace Sanxiang.Ledger;

/// <summary>The Ledger module: a publicly verifiable Merkle log of every domain event (RFC 6962, C2SP tlog-tiles).</summary>
public static class LedgerModule
{
    public static IServiceCollection AddLedgerModule(this IServiceCollection services)
    {
        services.AddOptions<LedgerOptions>().BindConfiguration(LedgerOptions.Section).ValidateOnStart();
        services.AddDbContext<LedgerDbContext>((sp, o) => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Configure(o));
        services.AddScoped<IModuleMigrator, LedgerMigrator>();
        services.AddScoped<IReferenceDataLoader, AttachmentIndexBackfill>();
        services.AddSingleton<LedgerKeys>();
        services.AddSingleton<StoredHashCache>();
        services.AddSingleton<Sequencer>();
        services.AddScoped<ProofCheck>();
        services.AddHostedService<SequencerService>();
        services.AddHttpClient(LedgerWitnessing.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<LedgerWitnessing>();
        services.AddHostedService<WitnessService>();
        return services;
    }

    /// <summary>Adds the public verification page (/verify) to the host's Razor Pages.</summary>
    public static IMvcBuilder AddLedgerPages(this IMvcBuilder mvc) => mvc.AddApplicationPart(typeof(LedgerModule).Assembly);

    public static IEndpointRouteBuilder MapLedgerModule(this IEndpointRouteBuilder app)
    {
        LogEndpoints.Map(app);
        ProofEndpoints.Map(app);
        return app;
    }
}
