using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Structure;

/// <summary>
/// Something that belongs to one class or one teaching group, in a subject: a carnet entry, a devoir, an assessment.
/// </summary>
public interface IClassContent
{
    int? SchoolClassId { get; }
    int? TeachingGroupId { get; }
    int SubjectId { get; }
}

/// <summary>
/// Who writes and who reads class content, as composable queries: the rule "a teacher writes only
/// for the classes and groups they teach, in the subject they teach there" lives here once.
/// </summary>
public static class ClassContent
{
    /// <summary>Content this teacher (or a co-teacher of the same class and subject) is responsible for.</summary>
    public static IQueryable<T> TaughtBy<T>(this IQueryable<T> items, EnoeDbContext db, int teacherId)
        where T : class, IClassContent =>
        // In the subjects the teacher teaches first, which the index on the subject finds (a subject belongs to one
        // établissement), then the class or group: tested on each row alone, it read every row of the académie.
        items.Where(a =>
            db.TeachingAssignments.Where(t => t.TeacherId == teacherId).Select(t => t.SubjectId).Contains(a.SubjectId)
            && db.TeachingAssignments.Any(t =>
                t.TeacherId == teacherId
                && t.SubjectId == a.SubjectId
                && (
                    (a.SchoolClassId != null && t.SchoolClassId == a.SchoolClassId)
                    || (a.TeachingGroupId != null && t.TeachingGroupId == a.TeachingGroupId)
                )
            )
        );

    /// <summary>Content of a student's classes and groups.</summary>
    public static IQueryable<T> SetTo<T>(this IQueryable<T> items, EnoeDbContext db, int studentId)
        where T : class, IClassContent =>
        // "In the student's classes or groups", not "a class exists where the student is enrolled": SQLite finds
        // the rows of each class and group through their index, instead of reading every one to test it.
        items.Where(a =>
            db.Enrolments.Where(e => e.StudentId == studentId)
                .Select(e => (int?)e.SchoolClassId)
                .Contains(a.SchoolClassId)
            || db.GroupEnrolments.Where(e => e.StudentId == studentId)
                .Select(e => (int?)e.TeachingGroupId)
                .Contains(a.TeachingGroupId)
        );

    /// <summary>The students of a class, or of a teaching group.</summary>
    public static IQueryable<int> Students(EnoeDbContext db, int? classId, int? groupId) =>
        classId is int c
            ? db.Enrolments.Where(e => e.SchoolClassId == c).Select(e => e.StudentId)
            : db.GroupEnrolments.Where(e => e.TeachingGroupId == groupId).Select(e => e.StudentId);

    /// <summary>
    /// The établissement of a class or group when this teacher teaches that subject there; otherwise null.
    /// </summary>
    public static Task<int?> TaughtSchoolAsync(
        EnoeDbContext db,
        int teacherId,
        int? classId,
        int? groupId,
        int subjectId,
        CancellationToken ct
    ) =>
        db
            .TeachingAssignments.Where(t =>
                t.TeacherId == teacherId
                && t.SubjectId == subjectId
                && (
                    (classId != null && t.SchoolClassId == classId) || (groupId != null && t.TeachingGroupId == groupId)
                )
            )
            .Select(t => (int?)t.Subject!.SchoolId)
            .FirstOrDefaultAsync(ct);
}
