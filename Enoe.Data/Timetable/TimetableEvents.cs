// Published through IEventBus (Events/EventBus.cs): ids only, subscribers reload through the service.
namespace Enoe.Data.Timetable;

/// <summary>
/// A lesson's occurrence was changed (or the change undone) on <paramref name="Date"/> (and <paramref name="NewDate"/>
/// for a move, <paramref name="EarlierNewDate"/> where an earlier move had taken it): the timetables of its class or
/// group and teacher show it.
/// </summary>
public sealed record LessonChanged(
    int SchoolId,
    int LessonId,
    int? ClassId,
    int? GroupId,
    int TeacherId,
    DateOnly Date,
    DateOnly? NewDate,
    DateOnly? EarlierNewDate = null
)
{
    /// <summary>Whether the change shows on a day from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool Touches(DateOnly from, DateOnly to) =>
        new[] { (DateOnly?)Date, NewDate, EarlierNewDate }.Any(d => d >= from && d <= to);

    /// <summary>
    /// The change's notifications (its students', their parents', its teacher's; or their removal when undone),
    /// delivered with it rather than as an event of their own: a student's tab hears one event and renders its day,
    /// bell and feed once (<c>NotificationDeliveries</c>).
    /// </summary>
    public Notifications.NotificationsDelivered? Delivered { get; init; }
}

/// <summary>An établissement's timetable was imported again or its weeks A/B moved: every view of it reloads.</summary>
public sealed record TimetableImported(int SchoolId);
