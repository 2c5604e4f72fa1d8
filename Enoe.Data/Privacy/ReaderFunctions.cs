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

    public static async Task<string> OfAsync(EnoeDbContext db, CurrentUser reader, int studentId, CancellationToken ct)
    {
        var membership = await db
            .Memberships.Where(m => m.PersonId == reader.PersonId && m.SchoolId == reader.SchoolId)
            .Select(m => new
            {
                m.Profiles,
                m.Functions,
                m.Function,
            })
            .FirstOrDefaultAsync(ct);
        var profiles = membership?.Profiles ?? reader.Profiles;
        var functions = membership?.Functions ?? StaffFunction.None;
        var title = membership?.Function;
        if (functions.HasFlag(StaffFunction.Direction))
            return With(Direction, title);
        if (functions.HasFlag(StaffFunction.Cpe))
            return With(Cpe, title);
        if (profiles.HasAny(Profile.Teacher))
        {
            var subjects = await db
                .TeachingAssignments.Where(t =>
                    t.TeacherId == reader.PersonId
                    && (
                        db.Enrolments.Any(e => e.StudentId == studentId && e.SchoolClassId == t.SchoolClassId)
                        || db.GroupEnrolments.Any(e =>
                            e.StudentId == studentId && e.TeachingGroupId == t.TeachingGroupId
                        )
                    )
                )
                .Select(t => t.Subject!.Name)
                .Distinct()
                .OrderBy(n => n)
                .ToListAsync(ct);
            return With(Teacher, string.Join(", ", subjects));
        }
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
