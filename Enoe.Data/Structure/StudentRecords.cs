using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Structure;

/// <summary>
/// Whose records a person opens, decided once for every service: their own (a student), a child (a parent; the first
/// when none is named), or, where the service's right (<see cref="FunctionRights"/>) allows it, a student they teach,
/// a student of a class they are professeur principal of, or any student of an établissement where their function
/// holds the right.
/// </summary>
public static class StudentRecords
{
    /// <summary>
    /// The student and who the person is to them (<see cref="Holder.Student"/>, <see cref="Holder.Parent"/>,
    /// <see cref="Holder.Teacher"/>, <see cref="Holder.FormTutor"/> or their staff functions there); null when
    /// <paramref name="right"/> (families only when null) does not let them in.
    /// </summary>
    public static async Task<(int StudentId, Holder As)?> ResolveAsync(
        EnoeDbContext db,
        int me,
        int? studentId,
        Right? right,
        CancellationToken ct
    )
    {
        if (studentId is null or 0 || studentId == me)
        {
            if (await db.Enrolments.AnyAsync(e => e.StudentId == me, ct))
                return (me, Holder.Student);
            var child = await db
                .Guardianships.Where(g => g.ParentId == me)
                .OrderBy(g => g.Student!.FirstName)
                .Select(g => (int?)g.StudentId)
                .FirstOrDefaultAsync(ct);
            return child is int c ? (c, Holder.Parent) : null;
        }
        var id = studentId.Value;
        if (await db.Guardianships.AnyAsync(g => g.ParentId == me && g.StudentId == id, ct))
            return (id, Holder.Parent);
        if (right is not Right r)
            return null;
        var functions = FunctionRights.Functions(r);
        if (functions != StaffFunction.None)
        {
            var mine = await db
                .Memberships.Where(m =>
                    m.PersonId == me
                    && (m.Functions & functions) != 0
                    && db.Memberships.Any(s =>
                        s.PersonId == id && s.SchoolId == m.SchoolId && (s.Profiles & Profile.Student) != 0
                    )
                )
                .Select(m => m.Functions)
                .FirstOrDefaultAsync(ct);
            if (mine != StaffFunction.None)
                return (id, (Holder)(int)(mine & functions));
        }
        if (FunctionRights.Allows(r, Holder.FormTutor) && await TutorsAsync(db, me, id, ct))
            return (id, Holder.FormTutor);
        if (FunctionRights.Allows(r, Holder.Teacher) && await TeachesAsync(db, me, id, ct))
            return (id, Holder.Teacher);
        return null;
    }

    /// <summary>
    /// The établissement a student belongs to: the one whose switches decide whether their records may be reached,
    /// whatever the session of the person asking.
    /// </summary>
    public static Task<int?> SchoolOfAsync(EnoeDbContext db, int studentId, CancellationToken ct) =>
        db
            .Memberships.Where(m => m.PersonId == studentId && (m.Profiles & Profile.Student) != 0)
            .OrderBy(m => m.SchoolId)
            .Select(m => (int?)m.SchoolId)
            .FirstOrDefaultAsync(ct);

    /// <summary>Whether the teacher is a professeur principal of the student's class.</summary>
    public static Task<bool> TutorsAsync(EnoeDbContext db, int teacherId, int studentId, CancellationToken ct) =>
        db.Set<FormTutor>()
            .AnyAsync(
                t =>
                    t.TeacherId == teacherId
                    && db.Enrolments.Any(e => e.StudentId == studentId && e.SchoolClassId == t.SchoolClassId),
                ct
            );

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
