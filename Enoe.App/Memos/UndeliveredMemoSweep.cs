using Enoe.Data.Memos;

namespace Enoe.App.Memos;

/// <summary>
/// Delivers the mémos a crash or a database outage left stored but undelivered (<see
/// cref="MemoService.DeliverAsync"/>), at start-up and then every <see cref="Period"/>; and lets the deliveries in
/// flight finish when the host stops. Every instance sweeps: a mémo is delivered once however many try (its row is
/// taken before its copies are written).
/// </summary>
public sealed class UndeliveredMemoSweep(MemoService memos, TimeProvider time, ILogger<UndeliveredMemoSweep> log)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // off the start-up path
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                // Older than a period: a delivery started a moment ago is still running on its own.
                if (await memos.DeliverLeftoversAsync(Period, ct: stoppingToken) is > 0 and var delivered)
                    log.LogWarning("Delivered {Count} mémos left undelivered", delivered);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Delivering undelivered mémos failed; trying again in {Period}", Period);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // A mémo whose delivery is cut short stays undelivered until the next start: let the running ones end.
        await memos.WhenDeliveredAsync().WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
