using System.Globalization;
using Enoe.Data.Common;
using Enoe.Data.Directory;
using Enoe.Data.Jobs;
using Microsoft.Extensions.Options;

namespace Enoe.App.AcademyDirectory;

/// <summary>
/// Once a night (<see cref="DirectoryOptions.Schedule"/>, académie time): syncs the directory when one is configured,
/// then deletes the accounts whose legal delay has run out — that part runs even once the directory is gone, since
/// the deletions it scheduled are still owed. One instance among several runs it (<see cref="JobLeases"/>).
/// </summary>
public sealed class NightlySync(
    DirectorySync sync,
    DirectoryPurge purge,
    IOptions<DirectoryOptions> options,
    JobLeases leases,
    TimeProvider time,
    ILogger<NightlySync> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (ParseSchedule(options.Value.Schedule) is not { } at)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            await Task.Delay(NextRun(now, at) - now, time, stoppingToken);
            await RunOnceAsync(stoppingToken);
        }
    }

    public const string JobName = "directory-sync";

    /// <summary>Longer than a sync of the whole académie; renewed while it runs.</summary>
    public static readonly TimeSpan LeaseHold = TimeSpan.FromHours(1);

    /// <summary>
    /// The night's work, unless another instance runs it or it ran in the last 20 hours; a failure is logged and
    /// tried again at the next attempt, never thrown.
    /// </summary>
    public Task<JobOutcome> RunOnceAsync(CancellationToken ct) =>
        leases.RunOnceAsync(
            JobName,
            LeaseHold,
            time.GetUtcNow().UtcDateTime.AddHours(-20),
            async token =>
            {
                if (options.Value.IsConfigured)
                    await sync.RunAsync(dryRun: false, token); // logs its own summary line
                var deleted = await purge.DeleteDueAsync(token);
                if (deleted > 0)
                    logger.LogInformation("Deleted {Count} accounts whose deletion was due", deleted);
            },
            ct
        );

    /// <summary>
    /// <c>HH:mm</c>; empty means "no schedule". Anything else stops the app at start-up, not at 2 a.m.
    /// </summary>
    public static TimeOnly? ParseSchedule(string? schedule) =>
        string.IsNullOrWhiteSpace(schedule) ? null
        : TimeOnly.TryParseExact(
            schedule.Trim(),
            ["HH:mm", "H:mm"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var at
        )
            ? at
        : throw new InvalidOperationException(
            $"{DirectoryOptions.Section}:Schedule must be HH:mm (e.g. 02:30) or empty, not \"{schedule}\"."
        );

    /// <summary>
    /// The next moment after <paramref name="now"/> when the académie's clock reads <paramref name="at"/>. On the night
    /// clocks go forward, a time that does not exist runs an hour later; on the night they go back, it runs once.
    /// </summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at)
    {
        var today = DateOnly.FromDateTime(SchoolTime.ToLocal(now.UtcDateTime));
        for (var day = today; ; day = day.AddDays(1))
        {
            var local = day.ToDateTime(at);
            if (SchoolTime.Zone.IsInvalidTime(local))
                local = local.AddHours(1);
            var utc = new DateTimeOffset(SchoolTime.ToUtc(local), TimeSpan.Zero);
            if (utc > now)
                return utc;
        }
    }
}
