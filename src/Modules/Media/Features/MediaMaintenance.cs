using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sanxiang.Media.Features;

/// <summary>
/// The Media module's periodic work: the daily scrub (re-hash every stored object, alert on a missing or altered one)
/// and the daily retention sweep (REC-RET-1 deletions with tombstones, expired unfinished uploads). Intervals in
/// <see cref="MediaOptions"/>; 0 turns a job off.
/// </summary>
internal sealed partial class MediaMaintenance(IServiceScopeFactory scopes, IOptions<MediaOptions> options, ILogger<MediaMaintenance> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            Loop(options.Value.ScrubHours, Scrub, stoppingToken),
            Loop(options.Value.RetentionSweepHours, Sweep, stoppingToken));

    private async Task Scrub(MediaCommands commands, CancellationToken ct)
    {
        var (count, alerts) = await commands.ScrubAsync(ct);
        if (alerts > 0)
        {
            ScrubAlerts(logger, count, alerts);
        }
    }

    private async Task Sweep(MediaCommands commands, CancellationToken ct)
    {
        var deleted = await commands.SweepRetentionAsync(ct);
        var expired = await commands.SweepUploadsAsync(ct);
        Swept(logger, deleted, expired);
    }

    private async Task Loop(int hours, Func<MediaCommands, CancellationToken, Task> job, CancellationToken ct)
    {
        if (hours <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromHours(hours));
        try
        {
            // First run a little after start-up, not during it.
            await Task.Delay(TimeSpan.FromMinutes(1), ct);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await job(scope.ServiceProvider.GetRequiredService<MediaCommands>(), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Failed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Media scrub: {Checked} objects checked, {Alerts} missing or altered")]
    private static partial void ScrubAlerts(ILogger logger, int @checked, int alerts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Media retention: {Deleted} records deleted by policy, {Expired} expired uploads removed")]
    private static partial void Swept(ILogger logger, int deleted, int expired);

    [LoggerMessage(Level = LogLevel.Error, Message = "A media maintenance job failed")]
    private static partial void Failed(ILogger logger, Exception e);
}
