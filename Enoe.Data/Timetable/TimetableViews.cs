namespace Enoe.Data.Timetable;

/// <summary>Whose timetable is asked for.</summary>
public enum TimetableKind
{
    /// <summary>The reader's own: a student's classes and groups, a teacher's lessons in every établissement.</summary>
    Mine,

    /// <summary>A student's (a parent's child; for the personnel, any student of their établissement).</summary>
    Student,
    Class,
    Group,
    Teacher,
    Room,
}

/// <summary>A timetable to read: whose, by id (a person, a class, a group) or, for a room, its name.</summary>
public readonly record struct TimetableOf(TimetableKind Kind, int Id = 0, string? Room = null)
{
    public static readonly TimetableOf Mine = new(TimetableKind.Mine);

    /// <summary>A parent's child when one is chosen, else the reader's own.</summary>
    public static TimetableOf MineOr(int? childId) => childId is int child ? new(TimetableKind.Student, child) : Mine;
}

/// <summary>How an occurrence stands against the weekly timetable.</summary>
public enum LessonStatus
{
    AsPlanned,
    Cancelled,

    /// <summary>Moved from here to <see cref="LessonView.MovedTo"/>: shown struck through where it was.</summary>
    MovedAway,

    /// <summary>Moved here from <see cref="LessonView.MovedFrom"/>.</summary>
    MovedHere,
    RoomChanged,
}

/// <summary>One lesson on one day, as the reader's week shows it.</summary>
public sealed record LessonView(
    int LessonId,
    int SchoolId,
    DateOnly Date,
    TimeOnly StartsAt,
    TimeOnly EndsAt,
    string Subject,
    int SubjectId,
    string Audience,
    int? ClassId,
    int? GroupId,
    int TeacherId,
    string Teacher,
    string? Room,
    WeekPattern Weeks,
    LessonStatus Status,
    string? Reason = null,
    string? PlannedRoom = null,
    DateOnly? MovedFrom = null,
    DateTime? MovedTo = null
)
{
    /// <summary>Whether the lesson takes place at this time (a cancelled or moved-away one does not).</summary>
    public bool TakesPlace => Status is not (LessonStatus.Cancelled or LessonStatus.MovedAway);
}

/// <summary>A day of the timetable: its lessons by start, or the holiday it falls in.</summary>
public sealed record TimetableDay(DateOnly Date, string? Holiday, IReadOnlyList<LessonView> Lessons);

/// <summary>
/// A week of someone's timetable, Monday to Friday (Saturday too when a lesson meets then); <see cref="Kind"/> is
/// week A or B where the timetable has such lessons.
/// </summary>
public sealed record TimetableWeek(
    DateOnly Monday,
    WeekPattern? Kind,
    string Title,
    IReadOnlyList<TimetableDay> Days,
    TimetableAudience Audience
);

/// <summary>
/// Whose lessons a timetable shows, to tell which live changes concern it: its établissements and the classes, groups
/// and teachers of its lessons (a room's timetable hears every change of its établissement).
/// </summary>
public sealed record TimetableAudience(
    IReadOnlyList<int> Schools,
    IReadOnlyList<int> Classes,
    IReadOnlyList<int> Groups,
    IReadOnlyList<int> Teachers,
    bool Everything = false
)
{
    // Lists, not sets: a widget hands its value from the prerendered page to its circuit as JSON.
    public static readonly TimetableAudience None = new([], [], [], []);

    public bool Concerns(LessonChanged change) =>
        Schools.Contains(change.SchoolId)
        && (
            Everything
            || (change.ClassId is int c && Classes.Contains(c))
            || (change.GroupId is int g && Groups.Contains(g))
            || Teachers.Contains(change.TeacherId)
        );

    public bool Concerns(TimetableImported import) => Schools.Contains(import.SchoolId);
}

/// <summary>Some days of a timetable ("Ma journée"), and whose they are.</summary>
public sealed record TimetableDays(IReadOnlyList<TimetableDay> Days, TimetableAudience Audience)
{
    public static readonly TimetableDays None = new([], TimetableAudience.None);
}

/// <summary>
/// A change to one occurrence of a lesson, as the direction or the vie scolaire writes it. A move onto other lessons
/// of its class or group, teacher or room is written only <see cref="Confirmed"/>: else the service answers a
/// conflict whose value lists them.
/// </summary>
public sealed record LessonChangeDraft(
    int LessonId,
    DateOnly Date,
    LessonChangeKind Kind,
    string Reason,
    string? NewRoom = null,
    DateOnly? NewDate = null,
    TimeOnly? NewStartsAt = null,
    TimeOnly? NewEndsAt = null,
    bool Confirmed = false
);
