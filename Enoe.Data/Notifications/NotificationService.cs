using Enoe.Data.Database;
using Enoe.Data.Events;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Notifications;

/// <summary>
/// The notification centre: services write what concerns people (<see cref="NotifyAsync"/>, one statement however many
/// recipients), people read their own feed, count and mark it read. Nobody reads another's notifications: every read
/// filters on the asking person.
/// </summary>
public sealed partial class NotificationService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    IEventBus events,
    QuietHoursService quietHours,
    TimeProvider clock
)
{
    public const int TitleMax = 200;
    public const int LinkMax = 300;
    public const int SourceMax = 64;
    public const int PageSize = 20;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// When something written now for families of <paramref name="schoolId"/> may reach them (the quiet window's end).
    /// </summary>
    public async Task<DateTime> ReleaseAtAsync(int schoolId, CancellationToken ct = default) =>
        (await quietHours.WindowAsync(schoolId, ct)).ReleaseAt(Now);

    /// <summary>The person's unread notifications that have reached them.</summary>
    public async Task<int> UnreadCountAsync(int personId, CancellationToken ct = default)
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await UnreadCount.For(db)(db, personId, now, ct);
    }

    /// <summary>
    /// The bell's badge, on every page and dashboard: compiled (<see cref="CompiledPerModel{TQuery}"/>).
    /// </summary>
    private static readonly CompiledPerModel<
        Func<EnoeDbContext, int, DateTime, CancellationToken, Task<int>>
    > UnreadCount = new(() =>
        EF.CompileAsyncQuery(
            (EnoeDbContext db, int personId, DateTime now, CancellationToken ct) =>
                db.Set<Notification>().Count(n => n.RecipientId == personId && n.ReadAt == null && n.VisibleAt <= now)
        )
    );

    /// <summary>
    /// One page of the person's feed, newest first, filtered by child and category; held notifications are not in it.
    /// </summary>
    public async Task<NotificationPage> FeedAsync(
        CurrentUser user,
        NotificationFilter filter,
        int page = 0,
        CancellationToken ct = default
    )
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<Notification>().Where(n => n.RecipientId == user.PersonId && n.VisibleAt <= now);
        if (filter.ChildId is int child)
            query = query.Where(n => n.ChildId == child);
        if (filter.Category is NotificationCategory category)
        {
            var kinds = NotificationKinds.Of(category);
            query = query.Where(n => kinds.Contains(n.Kind));
        }
        if (filter.UnreadOnly)
            query = query.Where(n => n.ReadAt == null);
        var rows = await query
            .OrderByDescending(n => n.VisibleAt)
            .ThenByDescending(n => n.Id)
            .Skip(Math.Max(0, page) * PageSize)
            .Take(PageSize + 1)
            .Select(n => new NotificationView(
                n.Id,
                n.Kind,
                n.Title,
                n.Link,
                n.ChildId,
                n.ChildId == null || n.ChildId == user.PersonId
                    ? null
                    : db.Set<Person>().Where(p => p.Id == n.ChildId).Select(p => p.FirstName).FirstOrDefault(),
                n.VisibleAt,
                n.ReadAt != null,
                n.Source
            ))
            .ToListAsync(ct);
        return new(rows.Take(PageSize).ToList(), rows.Count > PageSize);
    }

    /// <summary>
    /// Opens one of the person's notifications: marks it (and the others about the same thing) read and answers where
    /// it leads; null when it is not theirs (an id that came back from the browser is never trusted).
    /// </summary>
    public async Task<string?> OpenAsync(CurrentUser user, NotificationView line, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Set<Notification>()
            .Where(n => n.RecipientId == user.PersonId)
            // A line a live delivery added has no id: its source (and the person) find it.
            .Where(n => line.Id != 0 ? n.Id == line.Id : n.Source == line.Source)
            .Select(n => new { n.Link, n.Source })
            .FirstOrDefaultAsync(ct);
        if (found is null)
            return null;
        await MarkSourceReadAsync(user.PersonId, found.Source, ct);
        return found.Link;
    }

    /// <summary>The person opened <paramref name="source"/> ("memo:12"): its notifications are read.</summary>
    public async Task MarkSourceReadAsync(int personId, string source, CancellationToken ct = default)
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.Set<Notification>()
            .Where(n => n.RecipientId == personId && n.Source == source && n.ReadAt == null && n.VisibleAt <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), ct);
        if (changed > 0)
            await events.PublishAsync(new NotificationsRead(personId));
    }

    /// <summary>"Tout marquer comme lu" (for one child, or all).</summary>
    public async Task<int> MarkAllReadAsync(CurrentUser user, int? childId = null, CancellationToken ct = default)
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.Set<Notification>()
            .Where(n => n.RecipientId == user.PersonId && n.ReadAt == null && n.VisibleAt <= now)
            .Where(n => childId == null || n.ChildId == childId)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), ct);
        if (changed > 0)
            await events.PublishAsync(new NotificationsRead(user.PersonId));
        return changed;
    }
}

public sealed record NotificationFilter(
    int? ChildId = null,
    NotificationCategory? Category = null,
    bool UnreadOnly = false
);

public sealed record NotificationView(
    long Id,
    NotificationKind Kind,
    string Title,
    string Link,
    int? ChildId,
    string? ChildFirstName,
    DateTime VisibleAt,
    bool Read,
    string Source = ""
);

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, bool HasMore);
