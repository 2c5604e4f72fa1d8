using Enoe.Data.Common;
using Enoe.Data.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.People;

/// <summary>
/// An admin turns off the second factor of someone who lost their phone (and their recovery codes): they enrol again
/// at their next sign-in. An établissement's admins do it for the people of their établissement, académie admins for
/// anyone; a school admin never for an académie admin (that would let a school take over the académie's accounts).
/// Their sessions end at once (whoever holds them signs in again, with a password and a new enrolment). Each reset
/// is written to the log with who did it. Scoped to one HTTP request (Identity's UserManager).
/// </summary>
public sealed class TwoFactorAdministration(
    UserManager<Person> users,
    EnoeDbContext db,
    SignInSessions sessions,
    ILogger<TwoFactorAdministration> log
)
{
    public async Task<Result> ResetAsync(
        CurrentUser admin,
        int schoolId,
        string? userName,
        CancellationToken ct = default
    )
    {
        var academyAdmin = await db.IsAcademyAdminAsync(admin.PersonId, ct);
        if (!academyAdmin && !await db.IsSchoolAdminAsync(admin.PersonId, schoolId, ct))
            return Result.Forbidden(PeopleMessages.Account_AdminsOnly);
        var name = userName?.Trim() ?? "";
        var person = name.Length == 0 ? null : await users.FindByNameAsync(name);
        // One's own second factor is turned off from one's own page, with a current code: a borrowed admin session
        // must not remove it here.
        if (person?.Id == admin.PersonId)
            return Result.Forbidden(PeopleMessages.TwoFactor_NotYourOwn);
        // Someone of another établissement is "not found" to a school admin: the answer tells nothing about them.
        if (
            person is null
            || !academyAdmin
                && (
                    person.IsAcademyAdmin
                    || !await db.Memberships.AnyAsync(m => m.PersonId == person.Id && m.SchoolId == schoolId, ct)
                )
        )
            return Result.NotFound(PeopleMessages.FormatTwoFactor_NobodyHere(name));
        if (!await users.GetTwoFactorEnabledAsync(person))
            return Result.Invalid([PeopleMessages.FormatTwoFactor_NotEnabledFor(person.DisplayName)]);
        await TwoFactorAccount.TurnOffAsync(users, person);
        await sessions.SecondFactorChangedAsync(person.Id, keep: null, ct);
        log.LogWarning(
            "Two-factor sign-in reset for person {PersonId} ({UserName}) by admin {AdminId} at school {SchoolId}",
            person.Id,
            person.UserName,
            admin.PersonId,
            schoolId
        );
        return Result.Ok();
    }
}
