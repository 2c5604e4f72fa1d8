using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Structure;

/// <summary>Why a person may open a student's records (devoirs, marks, booklet).</summary>
public enum StudentAccess
{
    Self,
    Parent,
    Teacher,
    Direction,
}

/// <summary>
/// Whose records a person opens, decided once for every service: their own (a student), a child
/// (a parent; the first when none is named), or, where the service allows it, a student they
/// teach or any student of an établissement they direct.
/// </summary>
public static class StudentRecords
{
    public static async Task<(int StudentId, StudentAccess Access)?> ResolveAsync(
        EnoeDbContext db,
        int me,
        int? studentId,
        bool teachers,
        bool direction,
        CancellationToken ct
    )
    {
        if (studentId is null or 0 || studentId == me)
        {
            if (await db.Enrolments.AnyAsync(e => e.StudentId == me, ct))
                return (me, StudentAccess.Self);
            var child = await db
                .Guardianships.Where(g => g.ParentId == me)
                .OrderBy(g => g.Student!.FirstName)
                .Select(g => (int?)g.StudentId)
                .FirstOrDefaultAsync(ct);
            return child is int c ? (c, StudentAccess.Parent) : null;
        }
        var id = studentId.Value;
        if (await db.Guardianships.AnyAsync(g => g.ParentId == me && g.StudentId == id, ct))
            return (id, StudentAccess.Parent);
        if (teachers && await TeachesAsync(db, me, id, ct))
            return (id, StudentAccess.Teacher);
        if (
            direction
            && await db.Memberships.AnyAsync(
                m =>
                    m.PersonId == me
                    && (m.Profiles & Profile.Direction) != 0
                    && db.Memberships.Any(s =>
                        s.PersonId == id && s.SchoolId == m.SchoolId && (s.Profiles & Profile.Student) != 0
                    ),
                ct
            )
        )
            return (id, StudentAccess.Direction);
        return null;
    }

    /// <summary>Whether the teacher teaches one of the student's classes or groups (any subject).</summary>
    public static Task<bool> TeachesAsync(EnoeDbContext db, int teacherId, int studentId, CancellationToken ct) =>
        db.TeachingAssignments.AnyAsync(
            t =>
                t.TeacherId == teacherId
                && (
                    (
                        t.SchoolClassId != null
                        && db.Enrolments.Any(e => e.StudentId == studentId && e.SchoolClassId == t.SchoolClassId)
                    )
                    || (
                        t.TeachingGroupId != null
                        && db.GroupEnrolments.Any(e =>
                            e.StudentId == studentId && e.TeachingGroupId == t.TeachingGroupId
                        )
                    )
                ),
            ct
        );
}
