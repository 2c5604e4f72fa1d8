using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Notifications;

/// <summary>
/// Notifications deleted with what they told (an absence undone, marks withdrawn, a lesson put back): the people who
/// had seen them are told too, else an open bell counts, and a feed shows, a line that no longer exists.
/// </summary>
public sealed partial class NotificationService
{
    /// <summary>
    /// Deletes the notifications about <paramref name="source"/> inside the caller's transaction and answers who had
    /// them already (null: nobody; held ones reached no tab), for the delivery announced once committed.
    /// </summary>
    public static async Task<RemovedNotifications?> RemoveAsync(
        EnoeDbContext db,
        string source,
        DateTime now,
        CancellationToken ct
    )
    {
        var reached = await db.Set<Notification>()
            .Where(n => n.Source == source && n.VisibleAt <= now)
            .Select(n => new { n.RecipientId, n.Kind })
            .Distinct()
            .ToListAsync(ct);
        await db.Set<Notification>().Where(n => n.Source == source).ExecuteDeleteAsync(ct);
        return reached.Count == 0
            ? null
            : new(
                [source],
                [.. reached.Select(r => r.RecipientId).Distinct()],
                [.. reached.Select(r => NotificationKinds.CategoryOf(r.Kind)).Distinct()]
            );
    }

    /// <summary>
    /// Replaces the notifications about <paramref name="source"/> with <paramref name="items"/> (none: they are
    /// removed), in one transaction, and announces both: an absence marked then undone leaves nothing behind, in the
    /// database nor in an open tab.
    /// </summary>
    public async Task ReplaceAsync(
        string source,
        IReadOnlyCollection<NewNotification> items,
        CancellationToken ct = default
    ) => await AnnounceAsync(items, await WriteReplacingAsync(source, items, ct));

    /// <summary>
    /// <see cref="ReplaceAsync"/> told inside <paramref name="change"/>'s event (<see cref="PublishCarryingAsync"/>):
    /// one event for the tabs that hear both. <paramref name="items"/> are read once the change is committed (none:
    /// its notifications go); the change is made, so its event goes even if reading or writing them fails.
    /// </summary>
    public async Task ReplaceCarryingAsync<TEvent>(
        TEvent change,
        string source,
        Func<Task<List<NewNotification>>> items,
        Func<TEvent, NotificationsDelivered, TEvent> carrying,
        CancellationToken ct = default
    )
        where TEvent : notnull
    {
        List<NewNotification> written;
        RemovedNotifications? removed;
        try
        {
            written = await items();
            removed = await WriteReplacingAsync(source, written, ct);
        }
        catch
        {
            await events.PublishAsync(change);
            throw;
        }
        await PublishCarryingAsync(change, written, carrying, removed);
    }

    private async Task<RemovedNotifications?> WriteReplacingAsync(
        string source,
        IReadOnlyCollection<NewNotification> items,
        CancellationToken ct
    )
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var removed = await RemoveAsync(db, source, now, ct);
        await WriteAsync(db, items, now, ct);
        await tx.CommitAsync(ct);
        return removed;
    }
}

/// <summary>Notifications deleted that had reached these people: their tabs drop them.</summary>
public sealed record RemovedNotifications(string[] Sources, int[] RecipientIds, NotificationCategory[] Categories);
