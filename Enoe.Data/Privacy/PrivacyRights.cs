using Enoe.Data.Common;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Privacy;

/// <summary>
/// Who may read a student's access log (the student, their responsables, the direction of their établissement) and
/// whose export a person may ask for (their own; a child's while the child is under
/// <see cref="PrivacyOptions.ChildExportAge"/>).
/// </summary>
internal static class PrivacyRights
{
    public static async Task<bool> MayReadLogAsync(
        EnoeDbContext db,
        CurrentUser user,
        int studentId,
        CancellationToken ct
    ) =>
        studentId == user.PersonId
        || await db.Guardianships.AnyAsync(g => g.ParentId == user.PersonId && g.StudentId == studentId, ct)
        || await DirectsAsync(db, user, studentId, ct);

    /// <summary>Direction (or admin) of an établissement where this person is a student.</summary>
    public static Task<bool> DirectsAsync(EnoeDbContext db, CurrentUser user, int studentId, CancellationToken ct) =>
        db.Memberships.AnyAsync(
            m =>
                m.PersonId == user.PersonId
                && ((m.Functions & StaffFunction.Direction) != 0 || (m.Profiles & Profile.SchoolAdmin) != 0)
                && db.Memberships.Any(s =>
                    s.PersonId == studentId && s.SchoolId == m.SchoolId && (s.Profiles & Profile.Student) != 0
                ),
            ct
        );

    /// <summary>
    /// Not every account has a birth date (only the directory gives one, and local accounts have none): a child counts
    /// as under <paramref name="age"/> while enrolled in a class whose level a pupil of that age has not yet passed (a
    /// pupil is normally 11 in 6e, rank 1: under 15 is 6e to 3e, ranks 1 to 4). A child in no class counts as older.
    /// </summary>
    public static async Task<Refusal?> ExportRefusalAsync(
        EnoeDbContext db,
        CurrentUser user,
        int subjectId,
        int age,
        CancellationToken ct
    )
    {
        if (subjectId == user.PersonId)
            return null;
        if (!await db.Guardianships.AnyAsync(g => g.ParentId == user.PersonId && g.StudentId == subjectId, ct))
            return Result.Forbidden(PrivacyMessages.Export_NotYours);
        var maxRank = age - 11;
        if (await db.Enrolments.AnyAsync(e => e.StudentId == subjectId && e.SchoolClass!.Level!.Rank <= maxRank, ct))
            return null;
        var name = await db.Users.Where(p => p.Id == subjectId).Select(p => p.FirstName).FirstAsync(ct);
        return Result.Forbidden(PrivacyMessages.FormatExport_ChildTooOld(name));
    }
}
