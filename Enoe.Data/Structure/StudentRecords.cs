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
    ) =>
        await ResolveInSchoolAsync(db, me, studentId, right, ct, schoolOfStaff: false) is var (student, holder, _)
            ? (student, holder)
            : null;

    /// <summary>
    /// <see cref="ResolveAsync"/> with the student's établissement (<see cref="SchoolOfAsync"/>), whose switches
    /// decide whether the service may be reached: for a student or a parent, everything in one round trip, asked once
    /// for the widgets of a dashboard loading together (<see cref="RecordsMemo"/>), since each of them asks.
    /// </summary>
    public static async Task<(int StudentId, Holder As, int? SchoolId)?> ResolveInSchoolAsync(
        EnoeDbContext db,
        int me,
        int? studentId,
        Right? right,
        CancellationToken ct,
        bool schoolOfStaff = true
    )
    {
        if (await FamilyAsync(db, me, studentId, ct) is { } family)
            return (family.StudentId, family.As, family.SchoolId);
        if (studentId is null or 0 || studentId == me)
            return null;
        var id = studentId.Value;
        if (await StaffAsync(db, me, id, right, ct) is not Holder staff)
            return null;
        return (id, staff, schoolOfStaff ? await SchoolOfAsync(db, id, ct) : null);
    }

    /// <summary>
    /// The child <paramref name="studentId"/> if <paramref name="me"/> is their parent, with the child's établissement,
    /// as the memo of the calling flow knows it (<see cref="RecordsMemo"/>); null otherwise, and without a memo (the
    /// caller reads it with the rest of its query then, in one round trip).
    /// </summary>
    internal static async Task<(int StudentId, int? SchoolId)?> RememberedChildAsync(
        EnoeDbContext db,
        int me,
        int studentId,
        CancellationToken ct
    ) =>
        studentId != me
        && RecordsMemo.Current is not null
        && await FamilyAsync(db, me, studentId, ct) is { As: Holder.Parent } child
            ? (child.StudentId, child.SchoolId)
            : null;

    /// <summary>
    /// Whose records <paramref name="me"/> opens as family: themself when enrolled, else their first child by first
    /// name (no <paramref name="studentId"/>, or their own), or the child named; with the student's établissement,
    /// in one round trip, asked once per memo (<see cref="RecordsMemo"/>).
    /// </summary>
    private static Task<RecordsMemo.Family?> FamilyAsync(EnoeDbContext db, int me, int? studentId, CancellationToken ct)
    {
        int? asked = studentId is null or 0 || studentId == me ? null : studentId;
        return RecordsMemo.Current is { } memo
            ? memo.FamilyAsync(me, asked, () => ReadFamilyAsync(db, me, asked, ct))
            : ReadFamilyAsync(db, me, asked, ct);
    }

    private static async Task<RecordsMemo.Family?> ReadFamilyAsync(
        EnoeDbContext db,
        int me,
        int? studentId,
        CancellationToken ct
    )
    {
        var schools = StudentSchools(db); // a query EF inlines in each projection below
        if (studentId is not int id)
        {
            // Themself when enrolled, else their first child by first name.
            var own = await db
                .Users.Where(p => p.Id == me && db.Enrolments.Any(e => e.StudentId == me))
                .Select(p => new
                {
                    Student = p.Id,
                    Rank = 0,
                    Name = "",
                })
                .Concat(
                    db.Guardianships.Where(g => g.ParentId == me)
                        .Select(g => new
                        {
                            Student = g.StudentId,
                            Rank = 1,
                            Name = g.Student!.FirstName,
                        })
                )
                .OrderBy(x => x.Rank)
                .ThenBy(x => x.Name)
                .Select(x => new
                {
                    x.Student,
                    x.Rank,
                    School = schools.Where(m => m.PersonId == x.Student).Select(m => (int?)m.SchoolId).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(ct);
            return own is null ? null : new(own.Student, own.Rank == 0 ? Holder.Student : Holder.Parent, own.School);
        }
        var child = await db
            .Guardianships.Where(g => g.ParentId == me && g.StudentId == id)
            .Select(g => new
            {
                School = schools.Where(m => m.PersonId == g.StudentId).Select(m => (int?)m.SchoolId).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return child is null ? null : new(id, Holder.Parent, child.School);
    }

    /// <summary>Who a member of staff is to a student, where <paramref name="right"/> lets them in.</summary>
    private static async Task<Holder?> StaffAsync(EnoeDbContext db, int me, int id, Right? right, CancellationToken ct)
    {
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
                return (Holder)(int)(mine & functions);
        }
        if (FunctionRights.Allows(r, Holder.FormTutor) && await TutorsAsync(db, me, id, ct))
            return Holder.FormTutor;
        if (FunctionRights.Allows(r, Holder.Teacher) && await TeachesAsync(db, me, id, ct))
            return Holder.Teacher;
        return null;
    }

    /// <summary>
    /// The établissement a student belongs to: the one whose switches decide whether their records may be reached,
    /// whatever the session of the person asking.
    /// </summary>
    public static Task<int?> SchoolOfAsync(EnoeDbContext db, int studentId, CancellationToken ct) =>
        StudentSchools(db).Where(m => m.PersonId == studentId).Select(m => (int?)m.SchoolId).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Students' memberships, the first établissement first: where <see cref="SchoolOfAsync"/> looks, for queries that
    /// read a student's établissement along with something else.
    /// </summary>
    public static IOrderedQueryable<Membership> StudentSchools(EnoeDbContext db) =>
        db.Memberships.Where(m => (m.Profiles & Profile.Student) != 0).OrderBy(m => m.SchoolId);

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
