using Enoe.Data.Events;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Widgets.Common;

namespace Enoe.Widgets.Memos;

/// <summary>
/// One per tab (scoped: one per circuit, one per prerendered request): the person's unread mémos, shared by the
/// navigation badge and the Mémos widget. A mémo sent to them updates it from the event alone (the sender read every
/// recipient's count once, in two statements), or reloads it once when that count missed another mémo sent at the same
/// moment; a mémo read in another tab reloads it once for the whole tab.
/// The components showing it (<see cref="Show"/>) re-render in one batch when it changes.
/// </summary>
public sealed class UnreadMemos(
    MemoService memos,
    LiveEvents events,
    PrerenderedValues prerendered,
    RenderTogether renders
) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile UnreadInbox? _inbox;
    private CurrentUser? _user;
    private int _take; // the longest list a component asked for
    private long _version; // bumped by every event: a load that crossed one reads again
    private IDisposable? _sent,
        _read,
        _released;

    /// <summary>A component showing this state: re-rendered with the tab's other changes when it changes.</summary>
    public RenderTogether.View Show(Func<Action, Task> invoke, Action render) => renders.Add(invoke, render, this);

    /// <summary>The last known state, for rendering; null until loaded.</summary>
    public UnreadInbox? Current => _inbox;

    /// <summary>
    /// Loads the unread count and at least <paramref name="take"/> newest unread mémos, unless already known; with
    /// <paramref name="live"/> (an interactive circuit), keeps them up to date from then on.
    /// </summary>
    public async Task LoadAsync(CurrentUser user, int take, bool live)
    {
        if (live)
            Listen(user.PersonId);
        await _loading.WaitAsync();
        try
        {
            var sameTab = _user is { } known && known.PersonId == user.PersonId && known.SchoolId == user.SchoolId;
            if (sameTab && _inbox is not null && _take >= take)
                return;
            _user = user;
            _take = Math.Max(sameTab ? _take : 0, take);
            await ReloadLockedAsync(user);
        }
        finally
        {
            _loading.Release();
        }
    }

    private void Listen(int me)
    {
        lock (_gate)
        {
            _sent ??= events.Subscribe<MemoSent>(e =>
                e.UnreadByRecipient.TryGetValue(me, out var n) ? Sent(e, n) : Done
            );
            _read ??= events.Subscribe<MemoRead>(e => e.PersonId == me ? ReloadAsync() : Done);
            // A mémo the quiet window held reaches them when it ends, through its notification.
            _released ??= events.Subscribe<Enoe.Data.Notifications.NotificationsDelivered>(e =>
                e.Reaches(me, Enoe.Data.Notifications.NotificationCategory.Memos) && e.Held ? ReloadAsync() : Done
            );
        }
    }

    private static Task Done => Task.CompletedTask;

    private Task Sent(MemoSent e, int unread)
    {
        bool missed;
        lock (_gate)
        {
            _version++;
            if (_inbox is not { Open: true } inbox)
                return Done; // not loaded yet (the load under way reads again), or no mémos here
            // A count no higher than the one shown missed a mémo this tab knows of: two mémos delivered at once, each
            // counted without the other's copy. The tab then reads its inbox again, once for all its components.
            missed = unread <= inbox.Count;
            if (!missed)
            {
                var latest = inbox.Latest.Where(m => m.Id != e.MemoId).Append(e.Summary);
                _inbox = inbox with
                {
                    Count = unread,
                    Latest = [.. latest.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Take(_take)],
                };
            }
        }
        if (missed)
            return ReloadAsync();
        renders.Refresh(this);
        return Done;
    }

    private async Task ReloadAsync()
    {
        lock (_gate)
            _version++;
        await _loading.WaitAsync();
        try
        {
            if (_user is not { } user)
                return;
            await ReloadLockedAsync(user);
        }
        finally
        {
            _loading.Release();
        }
        renders.Refresh(this);
    }

    /// <summary>Reads through the service; again (twice at most) when an event came meanwhile.</summary>
    private async Task ReloadLockedAsync(CurrentUser user)
    {
        for (var attempt = 0; ; attempt++)
        {
            long version;
            lock (_gate)
                version = _version;
            var (take, inbox) = await ReadAsync(user, _take);
            lock (_gate)
            {
                if (version != _version && attempt < 2)
                    continue;
                (_take, _inbox) = (take, inbox);
                return;
            }
        }
    }

    /// <summary>
    /// The tab's first read, in its circuit, takes what its prerendered page read (the badge's count and the widget's
    /// list, as many mémos as it covered); every later read asks the service.
    /// </summary>
    private async Task<(int Take, UnreadInbox Inbox)> ReadAsync(CurrentUser user, int take)
    {
        var read = await prerendered.TakeOrLoadAsync(
            "shell:unread",
            async () => new Read(take, await memos.UnreadAsync(user, take))
        );
        return read.Take >= take ? (read.Take, read.Inbox) : (take, await memos.UnreadAsync(user, take));
    }

    /// <summary>An inbox read, and how many of the newest mémos it lists at most.</summary>
    private sealed record Read(int Take, UnreadInbox Inbox);

    public void Dispose()
    {
        lock (_gate)
        {
            _sent?.Dispose();
            _read?.Dispose();
            _released?.Dispose();
        }
    }
}
