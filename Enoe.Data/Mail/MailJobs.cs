using Enoe.Data.Common;
using Enoe.Data.Jobs;
using Enoe.Data.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enoe.Data.Mail;

/// <summary>
/// What the mail worker does at each tick: the day's digest once its hour has come, the "at once" e-mails of what
/// became visible, then the outbox. Digests and "at once" run on one instance at a time (<see cref="JobLeases"/>);
/// the outbox's rows are claimed one batch at a time, so every instance may send.
/// </summary>
public sealed class MailJobs(
    IDbContextFactory<EnoeDbContext> dbFactory,
    DigestBuilder builder,
    OutboxDelivery delivery,
    JobLeases leases,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<MailJobs>? logger = null
)
{
    public const string DigestJob = "mail-digest";
    public const string AtOnceJob = "mail-at-once";

    /// <summary>How far back a digest looks: a week's, and a day's margin for the weekly one.</summary>
    public static readonly TimeSpan DigestLookBack = TimeSpan.FromDays(8);

    /// <summary>How far back "at once" looks: longer than a weekend's window, through which it waits.</summary>
    public static readonly TimeSpan AtOnceLookBack = TimeSpan.FromDays(3);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task RunAsync(CancellationToken ct = default)
    {
        if (!options.Value.Enabled)
            return;
        await DigestAsync(ct);
        await AtOnceAsync(ct);
        await delivery.SendDueAsync(ct);
        await ForgetOldAsync(ct);
    }

    /// <summary>How long a sent (or given up) e-mail is kept: its body names children and their marks.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    /// <summary>Deletes the outbox's rows done with for <see cref="KeptFor"/>.</summary>
    private async Task ForgetOldAsync(CancellationToken ct)
    {
        var before = Now - KeptFor;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Set<OutboxMessage>().Where(o => o.SentAt < before || o.GivenUpAt < before).ExecuteDeleteAsync(ct);
    }

    /// <summary>The latest digest day whose hour (Paris time) has come, and that hour in UTC.</summary>
    public (DateOnly Day, DateTime At) DueDay(DateTime utc)
    {
        var local = SchoolTime.ToLocal(utc);
        var day = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) < options.Value.DailyAt)
            day = day.AddDays(-1);
        return (day, DateTime.SpecifyKind(SchoolTime.ToUtc(day.ToDateTime(options.Value.DailyAt)), DateTimeKind.Utc));
    }

    /// <summary>
    /// The due day's digests: what became visible up to its hour. Done once the day's digests are all queued; while an
    /// établissement's quiet window holds some people back, it runs again at each tick until the window ends (what
    /// became visible after the hour waits for the next day's).
    /// </summary>
    public async Task<DigestOutcome?> DigestAsync(CancellationToken ct = default)
    {
        var (day, at) = DueDay(Now);
        var holder = $"{JobLeases.ThisInstance}/digest";
        var previous = await LastCompletedAsync(DigestJob, ct);
        if (!await leases.TryTakeAsync(DigestJob, holder, TimeSpan.FromMinutes(10), at, ct))
            return null;
        var weekly = day.DayOfWeek == options.Value.WeeklyOn;
        var date = day.ToString("dddd d MMMM", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
        var scope = new DigestScope(
            at - DigestLookBack,
            at,
            f => f == MailFrequency.Daily || weekly && f == MailFrequency.Weekly,
            _ => MailMessages.FormatDigest_Subject(date),
            $"daily:{day:yyyy-MM-dd}"
        );
        var outcome = await RunAsync(DigestJob, holder, scope, ct);
        await leases.CompleteAsync(DigestJob, holder, outcome?.Held == false ? Now : previous ?? Epoch, ct);
        return outcome;
    }

    /// <summary>
    /// One e-mail per person for what became visible since the last run, in the categories they want at once; while a
    /// quiet window holds some back, the next run starts from the same point.
    /// </summary>
    public async Task<DigestOutcome?> AtOnceAsync(CancellationToken ct = default)
    {
        var now = Now;
        var holder = $"{JobLeases.ThisInstance}/at-once";
        if (!await leases.TryTakeAsync(AtOnceJob, holder, TimeSpan.FromMinutes(5), now, ct))
            return null;
        var last = await LastCompletedAsync(AtOnceJob, ct);
        var since = last is DateTime done && done > now - AtOnceLookBack ? done : now - AtOnceLookBack;
        var scope = new DigestScope(
            since,
            now,
            f => f == MailFrequency.AtOnce,
            items => MailMessages.FormatAtOnce_Subject(Summary(items)),
            null
        );
        var outcome = await RunAsync(AtOnceJob, holder, scope, ct);
        await leases.CompleteAsync(AtOnceJob, holder, outcome?.Held == false ? now : since, ct);
        return outcome;
    }

    private async Task<DigestOutcome?> RunAsync(string job, string holder, DigestScope scope, CancellationToken ct)
    {
        try
        {
            var outcome = await builder.BuildAsync(scope, ct);
            logger?.LogInformation(
                "Job {Job}: {Mails} e-mails queued for {Notifications} notifications",
                job,
                outcome.Mails,
                outcome.Notifications
            );
            return outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Nothing was marked (one transaction): the next tick does it again.
            logger?.LogError(e, "Job {Job} failed ({Holder}); tried again at the next tick", job, holder);
            return null;
        }
    }

    private static string Summary(IReadOnlyList<PendingNotification> items) =>
        string.Join(
            ", ",
            items
                .GroupBy(i => NotificationKinds.CategoryOf(i.Kind))
                .OrderBy(g => g.Key)
                .Select(g => DigestText.Count(g.Key, g.Count()))
        );

    private static readonly DateTime Epoch = DateTime.SpecifyKind(DateTime.UnixEpoch, DateTimeKind.Utc);

    private async Task<DateTime?> LastCompletedAsync(string job, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<JobLease>()
            .Where(l => l.Name == job)
            .Select(l => l.LastCompletedAt)
            .FirstOrDefaultAsync(ct);
    }
}
