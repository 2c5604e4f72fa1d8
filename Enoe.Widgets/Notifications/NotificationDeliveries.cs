using Enoe.Data.Memos;
using Enoe.Data.Notifications;
using Enoe.Widgets.Common;

namespace Enoe.Widgets.Notifications;

public static class NotificationDeliveries
{
    /// <summary>
    /// Calls <paramref name="handler"/> for every delivery of notifications: those published on their own, and a
    /// mémo's, which travels inside its <see cref="MemoSent"/> so that a tab hears the mémo once and renders its
    /// badge, widgets, bell and feed together. Dispose the result to stop listening.
    /// </summary>
    public static IDisposable SubscribeToDeliveries(
        this LiveEvents events,
        Func<NotificationsDelivered, Task> handler
    ) =>
        new BothSubscriptions(
            events.Subscribe(handler),
            events.Subscribe<MemoSent>(e => e.Delivered is { } delivered ? handler(delivered) : Task.CompletedTask)
        );
}
