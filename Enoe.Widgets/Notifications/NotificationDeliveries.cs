using Enoe.Data.Assignments;
using Enoe.Data.Grades;
using Enoe.Data.Logbook;
using Enoe.Data.Memos;
using Enoe.Data.Notifications;
using Enoe.Data.Timetable;
using Enoe.Widgets.Common;

namespace Enoe.Widgets.Notifications;

public static class NotificationDeliveries
{
    /// <summary>
    /// Calls <paramref name="handler"/> for every delivery of notifications: those published on their own, and those
    /// that travel inside the event of what they tell (a mémo, a carnet entry's homework, marks published, a lesson
    /// moved, a copy returned), so that a tab hears it once and renders its widgets, bell and feed together. Dispose
    /// the result to stop listening.
    /// </summary>
    public static IDisposable SubscribeToDeliveries(
        this LiveEvents events,
        Func<NotificationsDelivered, Task> handler
    ) =>
        new Subscriptions(
            events.Subscribe(handler),
            events.Carried<MemoSent>(e => e.Delivered, handler),
            events.Carried<LogbookChanged>(e => e.Delivered, handler),
            events.Carried<GradesChanged>(e => e.Delivered, handler),
            events.Carried<LessonChanged>(e => e.Delivered, handler),
            events.Carried<AssignmentChanged>(e => e.Delivered, handler)
        );

    /// <summary>The delivery <paramref name="inside"/> an event of another kind, when it carries one.</summary>
    private static IDisposable Carried<TEvent>(
        this LiveEvents events,
        Func<TEvent, NotificationsDelivered?> inside,
        Func<NotificationsDelivered, Task> handler
    )
        where TEvent : notnull =>
        events.Subscribe<TEvent>(e => inside(e) is { } delivered ? handler(delivered) : Task.CompletedTask);
}
