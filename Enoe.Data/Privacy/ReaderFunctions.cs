using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Privacy;

/// <summary>
/// The reader's function as the access log keeps it: a code the page words in the reader's language, and after a
/// "|" the data that goes with it (a teacher's subjects, a staff member's title). Kept as it was when they read.
/// </summary>
public static class ReaderFunctions
{
    public const string Direction = "direction";
    public const string Cpe = "cpe";
    public const string Librarian = "librarian";
    public const string Office = "office";
    public const string Agent = "agent";
    public const string Teacher = "teacher";
    public const string SchoolAdmin = "schooladmin";
    public const string AcademyAdmin = "academyadmin";
    public const string Staff = "staff";

    /// <summary>
    /// For each student, their établissement (the session's when they have none) and the reader's function there:
    /// a teacher of two établissements, or the direction of one, reads as what they are where the student is. A few
    /// queries whatever the number of students.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, (int? SchoolId, string Function)>> OfAsync(
        EnoeDbContext db,
        CurrentUser reader,
        IReadOnlyCollection<int> studentIds,
        CancellationToken ct
    )
    {
        var me = reader.PersonId;
        var schoolOf = await db
            .Memberships.Where(m => studentIds.Contains(m.PersonId) && (m.Profiles & Profile.Student) != 0)
            .GroupBy(m => m.PersonId)
            .Select(g => new { Student = g.Key, School = g.Min(m => m.SchoolId) })
            .ToDictionaryAsync(x => x.Student, x => (int?)x.School, ct);
        int? SchoolOf(int student) => schoolOf.GetValueOrDefault(student) ?? reader.SchoolId;
        var schools = studentIds.Select(SchoolOf).OfType<int>().Distinct().ToList();
        var memberships = await db
            .Memberships.Where(m => m.PersonId == me && schools.Contains(m.SchoolId))
            .Select(m => new
            {
                m.SchoolId,
                m.Profiles,
                m.Functions,
                m.Function,
            })
            .ToDictionaryAsync(m => m.SchoolId, ct);
        var subjects = memberships.Values.Any(m => m.Profiles.HasAny(Profile.Teacher))
            ? (await SubjectsTaughtAsync(db, me, studentIds, ct)).ToLookup(x => x.Student, x => x.Subject)
            : null;
        return studentIds.ToDictionary(
            s => s,
            s =>
            {
                var school = SchoolOf(s);
                var m = school is int id ? memberships.GetValueOrDefault(id) : null;
                // No membership there: only an académie admin's profile holds across établissements.
                var profiles = m?.Profiles ?? reader.Profiles & Profile.AcademyAdmin;
                var taught = subjects?[s].Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>();
                return (school, Describe(profiles, m?.Functions ?? StaffFunction.None, m?.Function, taught));
            }
        );
    }

    /// <summary>The subjects the teacher teaches each of these students (through a class or a group).</summary>
    private static async Task<IEnumerable<(int Student, string Subject)>> SubjectsTaughtAsync(
        EnoeDbContext db,
        int teacherId,
        IReadOnlyCollection<int> studentIds,
        CancellationToken ct
    )
    {
        var taught = db.TeachingAssignments.Where(t => t.TeacherId == teacherId);
        var byClass =
            from t in taught
            join e in db.Enrolments on t.SchoolClassId equals (int?)e.SchoolClassId
            where studentIds.Contains(e.StudentId)
            select new { e.StudentId, t.Subject!.Name };
        var byGroup =
            from t in taught
            join e in db.GroupEnrolments on t.TeachingGroupId equals (int?)e.TeachingGroupId
            where studentIds.Contains(e.StudentId)
            select new { e.StudentId, t.Subject!.Name };
        var rows = await byClass.Concat(byGroup).Distinct().ToListAsync(ct);
        return rows.Select(x => (x.StudentId, x.Name));
    }

    private static string Describe(
        Profile profiles,
        StaffFunction functions,
        string? title,
        IEnumerable<string> subjects
    )
    {
        if (functions.HasFlag(StaffFunction.Direction))
            return With(Direction, title);
        if (functions.HasFlag(StaffFunction.Cpe))
            return With(Cpe, title);
        if (profiles.HasAny(Profile.Teacher))
            return With(Teacher, string.Join(", ", subjects.Distinct()));
        if (functions.HasFlag(StaffFunction.Librarian))
            return With(Librarian, title);
        if (functions.HasFlag(StaffFunction.Office))
            return With(Office, title);
        if (functions.HasFlag(StaffFunction.Agent))
            return With(Agent, title);
        if (profiles.HasAny(Profile.SchoolAdmin))
            return With(SchoolAdmin, title);
        if (profiles.HasAny(Profile.Staff))
            return With(Staff, title);
        return profiles.HasAny(Profile.AcademyAdmin) ? AcademyAdmin : With(Staff, title);
    }

    /// <summary>Splits a stored function into its code and its data ("" when none).</summary>
    public static (string Code, string Detail) Parse(string stored)
    {
        var bar = stored.IndexOf('|');
        return bar < 0 ? (stored, "") : (stored[..bar], stored[(bar + 1)..]);
    }

    private static string With(string code, string? detail) =>
        string.IsNullOrWhiteSpace(detail) ? code : $"{code}|{detail.Trim()}";
}
