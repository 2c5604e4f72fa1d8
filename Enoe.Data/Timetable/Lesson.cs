using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Structure;

namespace Enoe.Data.Timetable;

/// <summary>Which weeks a weekly lesson meets: every week, or only weeks A or weeks B.</summary>
public enum WeekPattern
{
    Every,
    A,
    B,
}

/// <summary>
/// A weekly lesson of the établissement's timetable (cours): a day, a time, one class or one teaching group, a subject,
/// a teacher and a room, every week or on weeks A or B, optionally between two dates. Imported from the school's
/// timetable export (<see cref="TimetableImport"/>); the day's occurrences are computed, never stored.
/// </summary>
public sealed class Lesson
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }

    /// <summary>Monday to Saturday.</summary>
    public DayOfWeek Day { get; set; }
    public TimeOnly StartsAt { get; set; }
    public TimeOnly EndsAt { get; set; }
    public int? SchoolClassId { get; set; }
    public SchoolClass? SchoolClass { get; set; }
    public int? TeachingGroupId { get; set; }
    public TeachingGroup? TeachingGroup { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public int TeacherId { get; set; }
    public Person? Teacher { get; set; }

    /// <summary>The room as the timetable names it (matched with a bookable room by name).</summary>
    public string? Room { get; set; }
    public WeekPattern Weeks { get; set; }

    /// <summary>The first and last days it meets (a term's option, a stage); null: the whole year.</summary>
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    public List<LessonChange> Changes { get; set; } = [];
}

public enum LessonChangeKind
{
    /// <summary>The lesson does not take place (teacher absent, trip, exam).</summary>
    Cancelled,

    /// <summary>The lesson takes place another day or hour (and maybe in another room).</summary>
    Moved,

    /// <summary>Same day and hour, another room.</summary>
    RoomChanged,
}

/// <summary>
/// One occurrence of a lesson changed by the direction or the vie scolaire, with the reason the people concerned read.
/// At most one per lesson and date: a second change replaces the first.
/// </summary>
public sealed class LessonChange
{
    public int Id { get; set; }
    public int LessonId { get; set; }
    public Lesson? Lesson { get; set; }

    /// <summary>The day the lesson was due to meet.</summary>
    public DateOnly Date { get; set; }
    public LessonChangeKind Kind { get; set; }

    /// <summary>Where a moved lesson goes.</summary>
    public DateOnly? NewDate { get; set; }
    public TimeOnly? NewStartsAt { get; set; }
    public TimeOnly? NewEndsAt { get; set; }

    /// <summary>The room it meets in instead (a room change, or a move to another room).</summary>
    public string? NewRoom { get; set; }
    public string Reason { get; set; } = "";
    public int ChangedById { get; set; }
    public DateTime ChangedAt { get; set; }
}

/// <summary>
/// How an établissement's weeks A and B alternate: <see cref="WeekA"/> is the Monday of a week A, and the weeks
/// alternate from there, holiday weeks not counted. An établissement without one starts week A at the rentrée.
/// </summary>
public sealed class TimetableCalendar
{
    public int SchoolId { get; set; }
    public DateOnly WeekA { get; set; }
}
