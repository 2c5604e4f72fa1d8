using Enoe.Data.Events;
using Enoe.Data.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Notifications;

/// <summary>
/// What the quiet window (or the parents' delay for marks) held appears by itself when its time comes: each run
/// announces the notifications that became visible since the last one, with what the tabs show of them (counts and
/// lines, as when written), so the recipients' open tabs update their bell and feed, and reload mémos, marks and
/// homework. One instance runs it at a time (<see cref="JobLeases"/>), and the last run's time
/// is where the next one starts, so nothing is announced twice or skipped when an instance dies.
/// </summary>
public sealed class HeldReleases(
    IDbContextFactory<EnoeDbContext> dbFactory,
    IEventBus events,
    NotificationService notifications,
    JobLeases leases,
    TimeProvider clock
)
{
    public const string Job = "notification-release";

    /// <summary>
    /// Recipients per event: a release to a whole académie's families is published in slices (each event carries its
    /// recipients' counts and lines, a few hundred KB at most through Redis).
    /// </summary>
    internal const int Slice = 1_000;

    /// <summary>A first run (or one after a long stop) looks back this far.</summary>
    private static readonly TimeSpan LookBack = TimeSpan.FromHours(12);

    /// <summary>Announces what became visible since the last run; false when another instance is doing it.</summary>
    public async Task<bool> ReleaseDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await leases.TryTakeAsync(Job, JobLeases.ThisInstance, TimeSpan.FromMinutes(2), now, ct))
            return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var last = await db.Set<JobLease>().Where(l => l.Name == Job).Select(l => l.LastCompletedAt).FirstAsync(ct);
        var since = last is DateTime done && done > now - LookBack ? done : now - LookBack;
        // Held only: what was visible when written was announced then; unread: a late run brings back no line read.
        var released = db.Set<Notification>()
            .Where(n => n.VisibleAt > since && n.VisibleAt <= now && n.VisibleAt > n.CreatedAt && n.ReadAt == null);
        // The recipients first (numbers), then their lines a slice at a time: a release to a whole académie's
        // families never holds every line in memory at once.
        var recipients = await released.Select(n => n.RecipientId).Distinct().OrderBy(r => r).ToListAsync(ct);
        foreach (var slice in recipients.Chunk(Slice))
        {
            var lines = await released
                .Where(n => slice.Contains(n.RecipientId))
                .OrderByDescending(n => n.VisibleAt) // as feeds list them, newest first
                .ThenByDescending(n => n.Id)
                .Select(n => new NewNotification(
                    n.RecipientId,
                    n.SchoolId,
                    n.ChildId,
                    n.Kind,
                    n.Title,
                    n.Link,
                    n.Source,
                    n.VisibleAt
                ))
                .ToListAsync(ct);
            if (await notifications.DeliveryOfAsync(lines, held: true) is { } delivered)
                await events.PublishAsync(delivered);
        }
        await leases.CompleteAsync(Job, JobLeases.ThisInstance, now, ct);
        return true;
    }

    /// <summary>When the next held notification becomes visible; null when none waits.</summary>
    public async Task<DateTime?> NextAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Notification>().Where(n => n.VisibleAt > now).MinAsync(n => (DateTime?)n.VisibleAt, ct);
    }
}
