using Enoe.Data.Privacy;

namespace Enoe.App.Components.Privacy;

/// <summary>
/// Builds data exports as they are asked for (woken at once on this instance, and every minute for asks made on
/// another). A failure is logged and the worker goes on.
/// </summary>
public sealed class DataExportWorker(
    DataExportBuilder builder,
    DataExportSignal signal,
    ILogger<DataExportWorker> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await builder.BuildNextAsync(stoppingToken)) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The data export worker failed; it tries again in a minute");
            }
            await signal.WaitAsync(TimeSpan.FromMinutes(1), stoppingToken);
        }
    }
}
