// Published through IEventBus (Events/EventBus.cs).
namespace Enoe.Data.Assignments;

/// <summary>
/// A devoir was set or deleted (<paramref name="StudentId"/> null: its whole class or group is concerned), or one
/// student's work was handed in or returned (<paramref name="StudentId"/>: only that student, their parents and the
/// devoir's teachers are). A devoir set or deleted names its établissement, teacher and class or group, so that a tab
/// it does not concern does nothing; a hand-in or return names the établissement only.
/// </summary>
public sealed record AssignmentChanged(int AssignmentId, int? StudentId)
{
    public int SchoolId { get; init; }
    public int TeacherId { get; init; }
    public int? SchoolClassId { get; init; }
    public int? TeachingGroupId { get; init; }

    /// <summary>The devoir was deleted (set by mistake).</summary>
    public bool Deleted { get; init; }

    /// <summary>
    /// The devoir just set, as its students' lists show it (nothing handed in yet): their tabs add it without reading
    /// the database, after checking it is set to their class or group. Null on every other change, and when the
    /// devoir could not be read back (its class's tabs then read again).
    /// </summary>
    public AssignmentListItem? Set { get; init; }

    /// <summary>
    /// A copy returned: its notifications (the student's, their parents'), delivered with it rather than as an event
    /// of their own, so that the student's tab renders its devoirs, bell and feed once (<c>NotificationDeliveries</c>).
    /// </summary>
    public Notifications.NotificationsDelivered? Delivered { get; init; }

    /// <summary>Whether a learner with these classes and groups is among those the devoir is set to.</summary>
    public bool IsSetTo(LearnerAudience learner) =>
        (SchoolClassId is int c && learner.Classes.Contains(c))
        || (TeachingGroupId is int g && learner.Groups.Contains(g));
}

/// <summary>A student (oneself, or a parent's child) and the classes and groups they are enrolled in.</summary>
public sealed record LearnerAudience(int StudentId, int[] Classes, int[] Groups);

/// <summary>A learner's audience and the devoirs they have due: what "Devoirs à rendre" opens with.</summary>
public sealed record LearnerDue(LearnerAudience Audience, IReadOnlyList<AssignmentListItem> Items);
