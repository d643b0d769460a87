using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sanxiang.Ledger.Witnessing;

/// <summary>
/// Pushes new checkpoints to the witnesses every Ledger:BatchIntervalMilliseconds, apart from the sequencer so that
/// a slow or failing witness never holds up sequencing.
/// </summary>
internal sealed partial class WitnessService(LedgerWitnessing witnessing, IOptions<LedgerOptions> options, ILogger<WitnessService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunSequencer || !witnessing.Enabled)
        {
            return;
        }

        var delay = TimeSpan.FromMilliseconds(options.Value.BatchIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await witnessing.PushAsync(stoppingToken);
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

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Ledger witnessing round failed ({ExceptionType}); it will be retried")]
    private static partial void LogFailed(ILogger logger, string exceptionType, Exception exception);
}
