using Enoe.Data.People;
using Enoe.Data.Storage;
using Enoe.Data.Timetable;

namespace Enoe.Data.SchoolLife;

public enum AttendanceKind
{
    Absence,
    Lateness,
}

/// <summary>
/// Where a justification stands: none given, given and waiting for the vie scolaire, accepted, refused.
/// </summary>
public enum JustificationStatus
{
    None,
    Pending,
    Accepted,
    Refused,
}

/// <summary>
/// A student absent from (or late to) a lesson, recorded by its teacher at the roll call, or absent for a half-day as
/// the family told the vie scolaire (no lesson then). Families justify it online; the vie scolaire accepts or refuses
/// the justification.
/// </summary>
public sealed class Absence
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int StudentId { get; set; }
    public Person? Student { get; set; }
    public AttendanceKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly StartsAt { get; set; }
    public TimeOnly EndsAt { get; set; }

    /// <summary>The lesson of the roll call; null for what the vie scolaire recorded for a half-day.</summary>
    public int? LessonId { get; set; }
    public Lesson? Lesson { get; set; }

    /// <summary>For a lateness, how late.</summary>
    public int? MinutesLate { get; set; }
    public int RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }

    /// <summary>What the vie scolaire noted when recording it (a parent's call).</summary>
    public string? Note { get; set; }

    public JustificationStatus Justification { get; set; }

    /// <summary>The motive chosen from the établissement's list.</summary>
    public int? MotiveId { get; set; }
    public AbsenceMotive? Motive { get; set; }
    public string? JustificationComment { get; set; }
    public int? JustificationFileId { get; set; }
    public StoredFile? JustificationFile { get; set; }
    public int? JustifiedById { get; set; }
    public DateTime? JustifiedAt { get; set; }
    public int? DecidedById { get; set; }
    public DateTime? DecidedAt { get; set; }

    /// <summary>Why the vie scolaire refused the justification (the family reads it).</summary>
    public string? DecisionComment { get; set; }

    /// <summary>Optimistic concurrency: a justification and a decision never overwrite each other silently.</summary>
    public int Version { get; set; }
}

/// <summary>
/// The roll call of one lesson on one day was taken (even with nobody absent): the vie scolaire sees which are missing.
/// </summary>
public sealed class RollCall
{
    public int LessonId { get; set; }
    public Lesson? Lesson { get; set; }
    public DateOnly Date { get; set; }
    public int TakenById { get; set; }
    public DateTime TakenAt { get; set; }
    public bool Completed { get; set; }
}
