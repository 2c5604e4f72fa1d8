using Enoe.Data.Mail;
using Microsoft.Extensions.Options;

namespace Enoe.App.Components.Mail;

/// <summary>
/// Every minute: the digest once its hour has come, "at once" e-mails, the outbox (<see cref="MailJobs"/>). Off when
/// no SMTP server is configured.
/// </summary>
public sealed class MailWorker(MailJobs jobs, IOptions<MailOptions> options, TimeProvider time, ILogger<MailWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            log.LogInformation("Mail is off: Enoe:Mail:Host and Enoe:PublicUrl are not both set");
            return;
        }
        await Task.Yield(); // off the start-up path
        using var tick = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                await jobs.RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Mail run failed; the next minute tries again");
            }
        } while (await tick.WaitForNextTickAsync(stoppingToken));
    }
}
