// Published through IEventBus (Events/EventBus.cs).
namespace Enoe.Data.Logbook;

/// <summary>The carnet de bord of a class or group changed.</summary>
public sealed record LogbookChanged(int EntryId, int SchoolId, int? SchoolClassId, int? TeachingGroupId)
{
    /// <summary>
    /// The entry as its class's students and parents now read it, without anyone's "done" tick (<c>Deleted</c> when
    /// it left them): their open tabs show it from the event alone, after checking the class or group is theirs.
    /// Null only where a publisher does not know it (readers then read again).
    /// </summary>
    public LogbookEntryView? Entry { get; init; }

    /// <summary>
    /// The notifications its new homework became, delivered with it rather than as an event of their own: a student's
    /// tab hears both at once and shows the entry, the bell and the feed in one render (<c>NotificationDeliveries</c>).
    /// </summary>
    public Notifications.NotificationsDelivered? Delivered { get; init; }
}
