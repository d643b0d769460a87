using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sanxiang.Reviews.Features;

/// <summary>Options of the Reviews module (section Reviews).</summary>
internal sealed class ReviewOptions
{
    public const string Section = "Reviews";

    /// <summary>How often the overdue check runs (minutes); 0 turns the background check off.</summary>
    public int OverdueCheckMinutes { get; set; } = 60;
}

/// <summary>Raises the overdue alert (GB118-REV-1 review period) on open reviews past their deadline, periodically.</summary>
internal sealed partial class OverdueReviewCheck(IServiceScopeFactory scopes, IOptions<ReviewOptions> options, ILogger<OverdueReviewCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.OverdueCheckMinutes;
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var raised = await scope.ServiceProvider.GetRequiredService<ReviewCommands>().RaiseOverdueAlertsAsync(stoppingToken);
                if (raised > 0)
                {
                    Raised(logger, raised);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Legal reviews past their deadline: {Count} overdue alerts raised")]
    private static partial void Raised(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The overdue-review check failed")]
    private static partial void Failed(ILogger logger, Exception e);
}
