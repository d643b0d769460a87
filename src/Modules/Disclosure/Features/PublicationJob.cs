using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sanxiang.Disclosure.Features;

/// <summary>Runs the publication pipeline every Disclosure:PublishIntervalSeconds (0: off).</summary>
internal sealed partial class PublicationJob(IServiceScopeFactory scopes, IOptions<DisclosureOptions> options, ILogger<PublicationJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.PublishIntervalSeconds;
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var r = await scope.ServiceProvider.GetRequiredService<PublicationPipeline>().RunAsync(stoppingToken);
                if (r.Published + r.Withdrawn + r.Alerts > 0)
                {
                    Ran(logger, r.Published, r.Withdrawn, r.Alerts);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Publication pipeline: {Published} published, {Withdrawn} withdrawn, {Alerts} late alerts")]
    private static partial void Ran(ILogger logger, int published, int withdrawn, int alerts);

    [LoggerMessage(Level = LogLevel.Error, Message = "The publication pipeline failed")]
    private static partial void Failed(ILogger logger, Exception e);
}
