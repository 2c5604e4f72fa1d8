using Enoe.App.AcademyDirectory;
using Enoe.Data.Jobs;
using Enoe.Data.Privacy;
using Microsoft.Extensions.Options;

namespace Enoe.App.Components.Privacy;

/// <summary>
/// Runs the retention job each night at <see cref="PrivacyOptions.RetentionSchedule"/> (académie time), on one
/// instance only: the others find the lease taken or the night's run done.
/// </summary>
public sealed class NightlyRetention(RetentionJob job, IOptions<PrivacyOptions> options, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (NightlySync.ParseSchedule(options.Value.RetentionSchedule) is not { } at)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            await Task.Delay(NightlySync.NextRun(now, at) - now, time, stoppingToken);
            // Failures are logged by the lease's runner; the next night takes the job up again.
            await job.RunNightlyAsync(JobLeases.ThisInstance, stoppingToken);
        }
    }
}
