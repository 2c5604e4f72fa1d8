namespace Enoe.Data.SchoolLife;

/// <summary>Where a student stands at the roll call: present (unmarked), absent or late.</summary>
public enum Presence
{
    Present,
    Absent,
    Late,
}

/// <summary>One student of a roll call, as marked so far.</summary>
public sealed record RollCallStudent(int Id, string Name, Presence Mark, int? MinutesLate);

/// <summary>A lesson's roll call on a day: the class or group list, as marked so far.</summary>
public sealed record RollCallSheet(
    int LessonId,
    DateOnly Date,
    TimeOnly StartsAt,
    TimeOnly EndsAt,
    string Subject,
    string Audience,
    string? Room,
    IReadOnlyList<RollCallStudent> Students,
    bool Completed
);

/// <summary>An absence or lateness as the vie scolaire, the family or the student read it.</summary>
public sealed record AbsenceView(
    int Id,
    int StudentId,
    string Student,
    string? Class,
    AttendanceKind Kind,
    DateOnly Date,
    TimeOnly StartsAt,
    TimeOnly EndsAt,
    string? Subject,
    int? MinutesLate,
    JustificationStatus Justification,
    string? Motive,
    bool Admissible,
    string? Comment,
    int? FileId,
    string? FileName,
    string? DecisionComment,
    string? Note,
    int Version
);

/// <summary>
/// A lesson begun today whose roll call was not finished: not taken at all, or <paramref name="Begun"/> (a mark given,
/// "Appel terminé" not pressed).
/// </summary>
public sealed record MissingRollCall(
    int LessonId,
    TimeOnly StartsAt,
    string Audience,
    string Subject,
    string Teacher,
    bool Begun = false
);

/// <summary>The vie scolaire's day: its absences and lateness, and the roll calls not taken yet.</summary>
public sealed record SchoolLifeDay(
    DateOnly Date,
    IReadOnlyList<AbsenceView> Absences,
    IReadOnlyList<MissingRollCall> MissingRollCalls
);

/// <summary>Counts over a period, for the conseil de classe.</summary>
public sealed record AttendanceCounts(int AbsentHalfDays, int UnjustifiedHalfDays, int Lateness);

/// <summary>One student's line of the counts.</summary>
public sealed record StudentCounts(int StudentId, string Name, string? Class, AttendanceCounts Counts);

/// <summary>
/// A student's absences and lateness, newest first, with their counts, and whether the reader justifies.
/// </summary>
public sealed record StudentAttendance(
    int StudentId,
    string Name,
    IReadOnlyList<AbsenceView> Items,
    AttendanceCounts Counts,
    bool CanJustify,
    bool CanRecord,
    IReadOnlyList<MotiveView> Motives
);

/// <summary>Which part of a day the vie scolaire records an absence for.</summary>
public enum DayPart
{
    Morning,
    Afternoon,
    WholeDay,
}

/// <summary>
/// An absence a family reported to the vie scolaire (by phone, at the desk), with the motive if given.
/// </summary>
public sealed record ReportedAbsence(int StudentId, DateOnly Date, DayPart Part, int? MotiveId, string? Note);

/// <summary>An absence chosen for a justification, with the version its reader saw.</summary>
public readonly record struct AbsenceVersion(int Id, int Version);
