using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Timetable;

/// <summary>
/// Whose lessons a timetable shows, and whether the reader may see them: a student their classes and groups, a parent
/// their children's, a teacher their own lessons everywhere; the personnel of an établissement (teachers, staff,
/// admins) any class, group, teacher, room or student of it. <see cref="SchoolId"/> is the établissement whose switch
/// decides (null: each lesson's own).
/// </summary>
internal sealed record TimetableScope(IQueryable<Lesson> Lessons, string Title, int? SchoolId)
{
    /// <param name="titled">Whether the title is shown (a week's page), or not (a widget's days): a child's name is
    /// then not read.</param>
    public static async Task<Result<TimetableScope>> ResolveAsync(
        EnoeDbContext db,
        CurrentUser user,
        TimetableOf of,
        bool titled,
        CancellationToken ct
    )
    {
        var me = user.PersonId;
        var lessons = db.Set<Lesson>();
        switch (of.Kind)
        {
            case TimetableKind.Mine:
            case TimetableKind.Student when of.Id == me:
            case TimetableKind.Teacher when of.Id == me:
                return Result<TimetableScope>.Ok(new(Learning(db, lessons, me, me), user.DisplayName, null));
            case TimetableKind.Student:
                // Untitled ("Ma journée"), a parent's child the widgets loading with it resolved costs nothing more.
                if (!titled && await StudentRecords.RememberedChildAsync(db, me, of.Id, ct) is (_, var childSchool))
                    return Result<TimetableScope>.Ok(new(Learning(db, lessons, of.Id, -1), "", childSchool));
                var student = await db
                    .Users.Where(p => p.Id == of.Id)
                    .Select(p => new
                    {
                        p.FirstName,
                        p.LastName,
                        Child = db.Guardianships.Any(g => g.ParentId == me && g.StudentId == p.Id),
                        School = StudentRecords
                            .StudentSchools(db)
                            .Where(m => m.PersonId == p.Id)
                            .Select(m => (int?)m.SchoolId)
                            .FirstOrDefault(),
                    })
                    .FirstOrDefaultAsync(ct);
                if (student is null)
                    return Result.NotFound();
                if (!student.Child && !await PersonnelAsync(db, me, student.School, ct))
                    return Result.Forbidden();
                var name = student.FirstName + " " + student.LastName;
                return Result<TimetableScope>.Ok(new(Learning(db, lessons, of.Id, -1), name, student.School));
            case TimetableKind.Class:
                return await AudienceAsync(
                    db,
                    me,
                    db.Classes.Where(c => c.Id == of.Id)
                        .Select(c => new Named { Name = c.Name, SchoolId = c.SchoolId }),
                    Audiences.StudentsOf(db, of.Id, null),
                    lessons.Where(l => l.SchoolClassId == of.Id),
                    ct
                );
            case TimetableKind.Group:
                return await AudienceAsync(
                    db,
                    me,
                    db.Groups.Where(g => g.Id == of.Id).Select(g => new Named { Name = g.Name, SchoolId = g.SchoolId }),
                    Audiences.StudentsOf(db, null, of.Id),
                    lessons.Where(l => l.TeachingGroupId == of.Id),
                    ct
                );
            case TimetableKind.Teacher:
                if (!await PersonnelAsync(db, me, user.SchoolId, ct))
                    return Result.Forbidden();
                // Only a teacher of this établissement: no one else's name is read through this page.
                var teacher = await db
                    .Memberships.Where(m =>
                        m.PersonId == of.Id && m.SchoolId == user.SchoolId && (m.Profiles & Profile.Teacher) != 0
                    )
                    .Select(m => m.Person!.FirstName + " " + m.Person.LastName)
                    .FirstOrDefaultAsync(ct);
                if (teacher is null)
                    return Result.NotFound();
                var school = user.SchoolId;
                return Result<TimetableScope>.Ok(
                    new(lessons.Where(l => l.TeacherId == of.Id && l.SchoolId == school), teacher, school)
                );
            case TimetableKind.Room when !string.IsNullOrWhiteSpace(of.Room):
                if (!await PersonnelAsync(db, me, user.SchoolId, ct))
                    return Result.Forbidden();
                var (room, here) = (of.Room.Trim(), user.SchoolId);
                return Result<TimetableScope>.Ok(
                    new(
                        lessons.Where(l =>
                            l.SchoolId == here && (l.Room == room || l.Changes.Any(c => c.NewRoom == room))
                        ),
                        room,
                        here
                    )
                );
            default:
                return Result.NotFound();
        }
    }

    /// <summary>A class or a group, as its query reads it (members set, so the query composes on).</summary>
    private sealed class Named
    {
        public required string Name { get; init; }
        public int SchoolId { get; init; }
    }

    /// <summary>
    /// A class's or a group's timetable (<paramref name="named"/>: its name and établissement): for the personnel of
    /// its établissement, and for its students and their parents (<paramref name="students"/>).
    /// </summary>
    private static async Task<Result<TimetableScope>> AudienceAsync(
        EnoeDbContext db,
        int me,
        IQueryable<Named> named,
        IQueryable<int> students,
        IQueryable<Lesson> lessons,
        CancellationToken ct
    )
    {
        var learners = Audiences.Learners(db, me, null);
        var found = await named
            .Select(n => new
            {
                n.Name,
                n.SchoolId,
                Mine = students.Any(s => learners.Contains(s)),
            })
            .FirstOrDefaultAsync(ct);
        if (found is null)
            return Result.NotFound();
        if (!found.Mine && !await PersonnelAsync(db, me, found.SchoolId, ct))
            return Result.Forbidden();
        return Result<TimetableScope>.Ok(new(lessons, found.Name, found.SchoolId));
    }

    /// <summary>
    /// The lessons a learner sits in, and (for a teacher) those <paramref name="teacherId"/> teaches.
    /// </summary>
    private static IQueryable<Lesson> Learning(EnoeDbContext db, IQueryable<Lesson> lessons, int learner, int teacherId)
    {
        // Through the learner's classes and groups (their indexes), not an EXISTS run for every lesson.
        var classes = db.Enrolments.Where(e => e.StudentId == learner).Select(e => (int?)e.SchoolClassId);
        var groups = db.GroupEnrolments.Where(e => e.StudentId == learner).Select(e => (int?)e.TeachingGroupId);
        return lessons.Where(l =>
            l.TeacherId == teacherId || classes.Contains(l.SchoolClassId) || groups.Contains(l.TeachingGroupId)
        );
    }

    /// <summary>Whether the person works in the établissement (teacher, staff, admin), read now.</summary>
    public static Task<bool> PersonnelAsync(EnoeDbContext db, int personId, int? schoolId, CancellationToken ct) =>
        schoolId is null
            ? Task.FromResult(false)
            : db.Memberships.AnyAsync(
                m => m.PersonId == personId && m.SchoolId == schoolId && (m.Profiles & Profile.Personnel) != 0,
                ct
            );
}
