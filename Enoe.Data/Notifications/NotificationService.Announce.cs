using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Notifications;

/// <summary>
/// What a delivery tells the open tabs: each recipient's new unread count and the lines their feed gains, read once
/// for all of them (two statements whatever the audience), so a tab updates its bell and its feed without a read.
/// </summary>
public sealed partial class NotificationService
{
    /// <summary>
    /// After commit: the recipients of what is visible now get it live (held ones when released), and those who had
    /// what was <paramref name="removed"/> lose it.
    /// </summary>
    public async Task AnnounceAsync(IReadOnlyCollection<NewNotification> items, RemovedNotifications? removed = null)
    {
        if (await DeliveryOfAsync(items, removed: removed) is { } delivered)
            await events.PublishAsync(delivered);
    }

    /// <summary>
    /// After commit: publishes <paramref name="change"/> with the delivery of <paramref name="items"/> inside it
    /// (<paramref name="carrying"/> puts it there), one event rather than two, so that a recipient's tab renders the
    /// change, its bell and its feed once. The change is made: its event goes even if counting the notifications
    /// throws, and as it is when nothing is visible yet.
    /// </summary>
    public async Task PublishCarryingAsync<TEvent>(
        TEvent change,
        IReadOnlyCollection<NewNotification> items,
        Func<TEvent, NotificationsDelivered, TEvent> carrying,
        RemovedNotifications? removed = null
    )
        where TEvent : notnull
    {
        NotificationsDelivered? delivered = null;
        try
        {
            delivered = await DeliveryOfAsync(items, removed: removed);
        }
        finally
        {
            await events.PublishAsync(delivered is null ? change : carrying(change, delivered));
        }
    }

    /// <summary>
    /// What <see cref="AnnounceAsync"/> publishes, for a publisher that sends it inside its own event (a mémo's, a
    /// carnet entry's, marks'); null when nothing is visible yet nor <paramref name="removed"/>.
    /// <paramref name="held"/>: released by the quiet window.
    /// </summary>
    public async Task<NotificationsDelivered?> DeliveryOfAsync(
        IReadOnlyCollection<NewNotification> items,
        bool held = false,
        RemovedNotifications? removed = null
    )
    {
        var now = Now;
        var visible = items.Where(i => i.VisibleAt <= now).ToList();
        if (visible.Count == 0 && removed is null)
            return null;
        int[] people = [.. visible.Select(i => i.RecipientId).Concat(removed?.RecipientIds ?? []).Distinct()];
        NotificationCategory[] categories =
        [
            .. visible.Select(i => NotificationKinds.CategoryOf(i.Kind)).Concat(removed?.Categories ?? []).Distinct(),
        ];
        var told = new NotificationsDelivered(people, categories, held) { Removed = removed?.Sources };
        try
        {
            return await WithWhatTabsShowAsync(told, visible, now);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // What is written is committed: the tabs read it themselves rather than hear nothing.
            return told;
        }
    }

    private async Task<NotificationsDelivered> WithWhatTabsShowAsync(
        NotificationsDelivered delivered,
        List<NewNotification> visible,
        DateTime now
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var people = delivered.RecipientIds;
        var counted = await db.Set<Notification>()
            .Where(n => people.Contains(n.RecipientId) && n.ReadAt == null && n.VisibleAt <= now)
            .GroupBy(n => n.RecipientId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        // Those a removal left with none are counted too (at 0), else their bells would read it again.
        var unread = people.ToDictionary(p => p, p => counted.GetValueOrDefault(p));
        var children = visible.Where(FromAChild).Select(i => i.ChildId!.Value).Distinct().ToList();
        var names =
            children.Count == 0
                ? []
                : await db.Set<Person>()
                    .Where(p => children.Contains(p.Id))
                    .ToDictionaryAsync(p => p.Id, p => p.FirstName);

        // One line per distinct face (a mémo's 2,000 copies are one), each recipient pointing at theirs.
        var lines = new List<NotificationView>();
        var index = new Dictionary<NotificationView, int>();
        var of = new Dictionary<int, List<int>>();
        foreach (var item in visible)
        {
            var line = new NotificationView(
                0, // the row's id is not read back: the line opens by its source
                item.Kind,
                Cut(item.Title, TitleMax),
                item.Link,
                item.ChildId,
                FromAChild(item) ? names.GetValueOrDefault(item.ChildId!.Value) : null,
                DateTime.SpecifyKind(item.VisibleAt, DateTimeKind.Utc),
                false,
                item.Source
            );
            if (!index.TryGetValue(line, out var at))
            {
                index[line] = at = lines.Count;
                lines.Add(line);
            }
            (of.TryGetValue(item.RecipientId, out var mine) ? mine : of[item.RecipientId] = []).Add(at);
        }
        return delivered with
        {
            Unread = unread,
            Lines = lines,
            LinesOf = of.ToDictionary(p => p.Key, p => p.Value.ToArray()),
        };
    }

    /// <summary>As the feed names it: a parent's line about their child, not a student's own.</summary>
    private static bool FromAChild(NewNotification item) => item.ChildId is int c && c != item.RecipientId;
}
