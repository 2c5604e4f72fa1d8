using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.People;

public static class Administers
{
    /// <summary>
    /// Whether the person administers this établissement, read from the database at the moment of the
    /// write (not from the sign-in cookie: an admin removed a minute ago is refused at once).
    /// </summary>
    public static Task<bool> IsSchoolAdminAsync(
        this EnoeDbContext db,
        int personId,
        int? schoolId,
        CancellationToken ct
    ) =>
        schoolId is null
            ? Task.FromResult(false)
            : db.Memberships.AnyAsync(
                m => m.PersonId == personId && m.SchoolId == schoolId && (m.Profiles & Profile.SchoolAdmin) != 0,
                ct
            );

    /// <summary>Whether the person administers the académie, read from the database as above.</summary>
    public static Task<bool> IsAcademyAdminAsync(this EnoeDbContext db, int personId, CancellationToken ct) =>
        db.Users.AnyAsync(p => p.Id == personId && p.IsAcademyAdmin, ct);
}
