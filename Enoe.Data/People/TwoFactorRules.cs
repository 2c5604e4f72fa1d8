using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.People;

/// <summary>
/// Who signs in with a second factor (an authenticator app's code): those who can change other people's accounts or
/// see everything of an établissement must; teachers and other staff may; students and parents are not offered it (a
/// lost phone would lock a child out of their homework). "Must" is read from <see cref="FunctionRights"/>'s table, so
/// the two never drift: whoever holds one of <see cref="Guarded"/> by their membership alone.
/// </summary>
public static class TwoFactorRules
{
    /// <summary>
    /// Administering accounts, and reading every student's unpublished marks (what the direction sees).
    /// </summary>
    public static readonly IReadOnlyList<Right> Guarded = [Right.AccountsAdminister, Right.MarksUnpublishedRead];

    private static Holder RequiredHolders =>
        Guarded.Aggregate(Holder.None, (all, r) => all | FunctionRights.HoldersOf(r));

    /// <summary>Whether a membership with these profiles and functions requires the second factor.</summary>
    public static bool IsRequired(Profile profiles, StaffFunction functions) =>
        (FunctionRights.Of(profiles, functions) & RequiredHolders) != 0;

    /// <summary>
    /// The same as <see cref="IsRequired"/>, for queries: the profiles and functions the table names.
    /// </summary>
    private static readonly Expression<Func<Membership, bool>> RequiredMembership = BuildRequiredMembership();

    private static Expression<Func<Membership, bool>> BuildRequiredMembership()
    {
        var functions = Guarded.Aggregate(StaffFunction.None, (all, r) => all | FunctionRights.Functions(r));
        var profiles = ProfileNames
            .Single.Where(p => IsRequired(p, StaffFunction.None))
            .Aggregate(Profile.None, (all, p) => all | p);
        return m => (m.Profiles & profiles) != 0 || (m.Functions & functions) != 0;
    }

    /// <summary>The people who must have the second factor (académie admins hold their right on the person).</summary>
    public static readonly Expression<Func<Person, bool>> Required = BuildRequired(mustEnrol: false);

    /// <summary>Required, and no second factor yet: they reach nothing but the enrolment page.</summary>
    public static readonly Expression<Func<Person, bool>> MustEnrol = BuildRequired(mustEnrol: true);

    private static Expression<Func<Person, bool>> BuildRequired(bool mustEnrol)
    {
        var membership = RequiredMembership;
        var academy = (RequiredHolders & Holder.AcademyAdmin) != 0;
        return p =>
            (!mustEnrol || !p.TwoFactorEnabled)
            && (academy && p.IsAcademyAdmin || p.Memberships.AsQueryable().Any(membership));
    }

    /// <summary>
    /// Whether the person must have the second factor, read from the database now (not from the cookie).
    /// </summary>
    public static Task<bool> IsRequiredAsync(this EnoeDbContext db, int personId, CancellationToken ct = default) =>
        db.Users.Where(p => p.Id == personId).AnyAsync(Required, ct);

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
}
