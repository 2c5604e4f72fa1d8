// Published through IEventBus (Events/EventBus.cs): ids only, subscribers reload through the service.
namespace Enoe.Data.Notifications;

/// <summary>
/// Notifications became visible to these people: written and deliverable at once, or held by the quiet window (or
/// the parents' delay) and now released. Their bells, feeds and the widgets of those categories reload.
/// </summary>
public sealed record NotificationsDelivered(int[] RecipientIds, NotificationCategory[] Categories, bool Held = false)
{
    public bool Reaches(int personId) => RecipientIds.Contains(personId);

    public bool Reaches(int personId, NotificationCategory category) =>
        Categories.Contains(category) && RecipientIds.Contains(personId);
}

/// <summary>The person read notifications (in one tab): their bells in other tabs count again.</summary>
public sealed record NotificationsRead(int PersonId);
