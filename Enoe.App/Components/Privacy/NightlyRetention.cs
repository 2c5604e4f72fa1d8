using Enoe.App.AcademyDirectory;
using Enoe.Data.Jobs;
using Enoe.Data.Privacy;
using Microsoft.Extensions.Options;

namespace Enoe.App.Components.Privacy;

/// <summary>
/// Runs the retention job each night at <see cref="PrivacyOptions.RetentionSchedule"/> (académie time), on one
/// instance only: the others find the lease taken or the night's run done.
/// </summary>
public sealed class NightlyRetention(
    RetentionJob job,
    IOptions<PrivacyOptions> options,
    TimeProvider time,
    ILogger<NightlyRetention> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (NightlySync.ParseSchedule(options.Value.RetentionSchedule) is not { } at)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            await Task.Delay(NightlySync.NextRun(now, at) - now, time, stoppingToken);
            try
            {
                await job.RunNightlyAsync(JobLeases.ThisInstance, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The retention job failed; it runs again tomorrow night");
            }
        }
    }
}
