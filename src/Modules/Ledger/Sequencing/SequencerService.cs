using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sanxiang.Ledger.Sequencing;

/// <summary>Runs the sequencer every Ledger:BatchIntervalMilliseconds; a failed round is logged and retried.</summary>
internal sealed partial class SequencerService(Sequencer sequencer, IOptions<LedgerOptions> options, ILogger<SequencerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunSequencer)
        {
            return;
        }

        var delay = TimeSpan.FromMilliseconds(options.Value.BatchIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be waiting: go again at once.
                if (await sequencer.IntegrateOnceAsync(stoppingToken) >= options.Value.BatchSize)
                {
                    continue;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().Name, e);
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Ledger sequencing round failed ({ExceptionType}); it will be retried")]
    private static partial void LogFailed(ILogger logger, string exceptionType, Exception exception);
}
