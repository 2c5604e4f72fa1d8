using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.People;

/// <summary>
/// Who signs in with a second factor (an authenticator app's code): those who can change other people's accounts or
/// see everything of an établissement must (académie admins, school admins, the direction); teachers and other staff
/// may; students and parents are not offered it (a lost phone would lock a child out of their homework).
/// </summary>
public static class TwoFactorRules
{
    /// <summary>
    /// Whether the person must have the second factor, read from the database now (not from the cookie).
    /// </summary>
    public static Task<bool> IsRequiredAsync(this EnoeDbContext db, int personId, CancellationToken ct = default) =>
        db.Users.AnyAsync(
            p => p.Id == personId && (p.IsAcademyAdmin || p.Memberships.AsQueryable().Any(IsRequiredMembership)),
            ct
        );

    /// <summary>Whether the person may turn the second factor on: those who must, teachers and staff.</summary>
    public static Task<bool> IsOfferedAsync(this EnoeDbContext db, int personId, CancellationToken ct = default) =>
        db.Users.AnyAsync(
            p =>
                p.Id == personId
                && (
                    p.IsAcademyAdmin
                    || p.Memberships.Any(m =>
                        (m.Profiles & (Profile.Teacher | Profile.Staff | Profile.SchoolAdmin)) != 0
                    )
                ),
            ct
        );

    /// <summary>
    /// Whether the person must enrol before going anywhere: required, and no second factor yet. One query, asked by
    /// the enrolment middleware on each request of staff and admins.
    /// </summary>
    public static Task<bool> MustEnrolAsync(this EnoeDbContext db, int personId, CancellationToken ct = default) =>
        db.Users.AnyAsync(
            p =>
                p.Id == personId
                && !p.TwoFactorEnabled
                && (p.IsAcademyAdmin || p.Memberships.AsQueryable().Any(IsRequiredMembership)),
            ct
        );

    private static readonly System.Linq.Expressions.Expression<Func<Membership, bool>> IsRequiredMembership = m =>
        (m.Profiles & Profile.SchoolAdmin) != 0 || (m.Functions & StaffFunction.Direction) != 0;
}
