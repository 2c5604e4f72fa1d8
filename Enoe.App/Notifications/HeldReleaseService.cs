using Enoe.Data.Notifications;

namespace Enoe.App.Notifications;

/// <summary>
/// Releases what the quiet window held, on time: sleeps until the next held notification becomes visible (07:00 on a
/// weekday morning, a parent's marks a day later), at most a minute so that one written meanwhile is not missed, then
/// announces it (<see cref="HeldReleases"/>: one instance at a time, from where the last run stopped).
/// </summary>
public sealed class HeldReleaseService(HeldReleases releases, TimeProvider time, ILogger<HeldReleaseService> log)
    : BackgroundService
{
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // off the start-up path
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await releases.ReleaseDueAsync(stoppingToken);
                var now = time.GetUtcNow().UtcDateTime;
                var next = await releases.NextAsync(stoppingToken);
                var sleep = next is DateTime due && due - now < MaxSleep ? due - now : MaxSleep;
                await Task.Delay(sleep < TimeSpan.Zero ? TimeSpan.Zero : sleep, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Releasing held notifications failed; trying again in a minute");
                await Task.Delay(MaxSleep, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
