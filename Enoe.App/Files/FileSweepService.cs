using Enoe.Data.Storage;

namespace Enoe.App.Files;

/// <summary>
/// Removes what a crash left behind in the file store (half uploads, files no row points to),
/// in the background once the app has started and then every day, so start-up never waits on a
/// walk through every stored file.
/// </summary>
public sealed class FileSweepService(FileStore files, ILogger<FileSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // off the start-up path
        using var daily = new PeriodicTimer(TimeSpan.FromDays(1));
        do
        {
            try
            {
                await files.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The file store sweep failed; it will run again tomorrow");
            }
        } while (await daily.WaitForNextTickAsync(stoppingToken));
    }
}
