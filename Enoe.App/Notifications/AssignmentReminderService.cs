using Enoe.Data.Assignments;

namespace Enoe.App.Notifications;

/// <summary>
/// Looks every quarter of an hour whether today's reminders of devoirs due tomorrow are to be sent (from 17:00, once a
/// day across instances: <see cref="AssignmentReminders"/>).
/// </summary>
public sealed class AssignmentReminderService(
    AssignmentReminders reminders,
    TimeProvider time,
    ILogger<AssignmentReminderService> log
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // off the start-up path
        using var quarter = new PeriodicTimer(TimeSpan.FromMinutes(15), time);
        do
        {
            try
            {
                await reminders.RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Reminding devoirs due tomorrow failed; trying again in a quarter of an hour");
            }
        } while (await quarter.WaitForNextTickAsync(stoppingToken));
    }
}
