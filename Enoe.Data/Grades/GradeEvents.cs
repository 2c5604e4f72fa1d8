// Published through IEventBus (Events/EventBus.cs): ids, subscribers reload through the service.
namespace Enoe.Data.Grades;

/// <summary>Marks of an assessment changed or were published: open reports and widgets reload.</summary>
public sealed record GradesChanged(int AssessmentId, int SchoolId)
{
    /// <summary>
    /// The notifications the published marks became, delivered with them rather than as an event of their own: a
    /// student's tab hears both at once and reloads its marks, bell and feed in one render
    /// (<c>NotificationDeliveries</c>).
    /// </summary>
    public Notifications.NotificationsDelivered? Delivered { get; init; }
}
