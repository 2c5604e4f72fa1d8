// Published through IEventBus (Events/EventBus.cs).
namespace Enoe.Data.Memos;

/// <summary>
/// A mémo reached these people. It carries what their open tabs show of it (its line in the Mémos widget, each
/// recipient's new unread count), so that two thousand tabs update without two thousand queries; anything else
/// (the inbox page) reloads through the service.
/// </summary>
public sealed record MemoSent(int MemoId, MemoListItem Summary, IReadOnlyDictionary<int, int> UnreadByRecipient)
{
    /// <summary>
    /// The notifications the mémo became, delivered with it rather than as an event of their own: a tab hears both at
    /// once and shows its badge, Mémos widget, bell and feed in one render (<c>NotificationDeliveries</c>).
    /// </summary>
    public Notifications.NotificationsDelivered? Delivered { get; init; }

    public bool Reaches(int personId) => UnreadByRecipient.ContainsKey(personId);
}

/// <summary>A person read or moved mémos: their unread count may have changed (their other tabs follow).</summary>
public sealed record MemoRead(int PersonId);
