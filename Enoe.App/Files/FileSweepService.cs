using Enoe.Data.Jobs;
using Enoe.Data.Storage;

namespace Enoe.App.Files;

/// <summary>
/// Removes what a crash left behind in the file store (half uploads, files no row points to),
/// in the background once the app has started and then every day, so start-up never waits on a
/// walk through every stored file. Instances sharing the files take turns: one sweep a day in all
/// (<see cref="JobLeases"/>), and a sweep that died is run again at the next instance's attempt.
/// </summary>
public sealed class FileSweepService(FileStore files, JobLeases leases, TimeProvider time) : BackgroundService
{
    public const string JobName = "file-sweep";

    /// <summary>Longer than a walk through every stored file; renewed while it runs.</summary>
    private static readonly TimeSpan LeaseHold = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // off the start-up path
        using var daily = new PeriodicTimer(TimeSpan.FromDays(1), time);
        do
        {
            // Done less than 20 hours ago (by this instance or another): skipped. Failures are logged by the runner.
            await leases.RunOnceAsync(
                JobName,
                LeaseHold,
                time.GetUtcNow().UtcDateTime.AddHours(-20),
                files.SweepAsync,
                stoppingToken
            );
        } while (await daily.WaitForNextTickAsync(stoppingToken));
    }
}
