using Enoe.Data.People;

namespace Enoe.Data.Notifications;

/// <summary>
/// One line of a person's "Fil d'actualités": something a service did for them (a mémo, homework, marks...). Written
/// once per recipient in one statement (<see cref="NotificationService.NotifyAsync"/>); it shows from
/// <see cref="VisibleAt"/> on (the quiet window's end, or the parents' delay for marks) and is read when the person
/// opens the thing it names.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public int RecipientId { get; set; }
    public Person? Recipient { get; set; }
    public int SchoolId { get; set; }

    /// <summary>For a parent: the child it is about; for a student: themself. Null for the personnel's own.</summary>
    public int? ChildId { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>The thing's own words (the mémo's subject, the assessment's title): the kind gives the verb.</summary>
    public string Title { get; set; } = "";

    /// <summary>Where opening it leads, a path of ENOE ("/memos/12").</summary>
    public string Link { get; set; } = "";

    /// <summary>What it is about ("memo:12"): opening that thing marks its notifications read.</summary>
    public string Source { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime VisibleAt { get; set; }
    public DateTime? ReadAt { get; set; }

    /// <summary>When an e-mail (at once or in a digest) carried it; null until then.</summary>
    public DateTime? EmailedAt { get; set; }
}

/// <summary>What happened. Stored as its number: append, never renumber.</summary>
public enum NotificationKind
{
    MemoReceived = 0,
    HomeworkSet = 1,
    HomeworkChanged = 2,
    MarksPublished = 3,
    SkillsAssessed = 4,
    CopyReturned = 5,
    AssignmentDueTomorrow = 6,
    BookingApproved = 7,
    BookingRefused = 8,
    NewsPublished = 9,
    LessonCancelled = 10,
    LessonMoved = 11,
    RoomChanged = 12,
    AbsenceRecorded = 13,
    LatenessRecorded = 14,
    JustificationAccepted = 15,
    JustificationRefused = 16,
}

/// <summary>The families of kinds a person filters their feed by and sets their e-mail preferences for.</summary>
public enum NotificationCategory
{
    Memos,
    Homework,
    Marks,
    Assignments,
    Bookings,
    News,
    Timetable,
    SchoolLife,
}

public static class NotificationKinds
{
    public static NotificationCategory CategoryOf(NotificationKind kind) =>
        kind switch
        {
            NotificationKind.MemoReceived => NotificationCategory.Memos,
            NotificationKind.HomeworkSet or NotificationKind.HomeworkChanged => NotificationCategory.Homework,
            NotificationKind.MarksPublished or NotificationKind.SkillsAssessed => NotificationCategory.Marks,
            NotificationKind.CopyReturned or NotificationKind.AssignmentDueTomorrow => NotificationCategory.Assignments,
            NotificationKind.BookingApproved or NotificationKind.BookingRefused => NotificationCategory.Bookings,
            NotificationKind.NewsPublished => NotificationCategory.News,
            NotificationKind.LessonCancelled or NotificationKind.LessonMoved or NotificationKind.RoomChanged =>
                NotificationCategory.Timetable,
            _ => NotificationCategory.SchoolLife,
        };

    /// <summary>The kinds of a category, for queries.</summary>
    public static NotificationKind[] Of(NotificationCategory category) =>
        [.. Enum.GetValues<NotificationKind>().Where(k => CategoryOf(k) == category)];
}

/// <summary>
/// A notification to write: <see cref="NotificationService.NotifyAsync"/> stores many in one statement.
/// </summary>
public sealed record NewNotification(
    int RecipientId,
    int SchoolId,
    int? ChildId,
    NotificationKind Kind,
    string Title,
    string Link,
    string Source,
    DateTime VisibleAt
);
