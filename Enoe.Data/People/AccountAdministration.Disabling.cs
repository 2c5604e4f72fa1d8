using Enoe.Data.Common;
using Enoe.Data.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.People;

/// <summary>
/// An admin switches off a local account (someone who left, a compromised account): it cannot sign in any more, its
/// open sessions end at once (pages and circuits), and the retention job deletes it after the legal delay unless an
/// admin switches it back on first. Directory accounts are switched off by the directory sync.
/// </summary>
public sealed partial class AccountAdministration
{
    public async Task<Result> DisableAsync(
        CurrentUser admin,
        int schoolId,
        int personId,
        CancellationToken ct = default
    )
    {
        if (await RefusalToChangeStateAsync(admin, schoolId, personId, ct) is { } refused)
            return refused;
        var person = await users.FindByIdAsync(personId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (person is null || person.IsDisabled)
            return Result.Ok(); // already off: nothing to do twice
        person.DisabledAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(person);
        await users.UpdateSecurityStampAsync(person); // remembered devices and cookies from before end too
        await sessions.EndAllAsync(personId, SessionEnd.AccountDisabled, except: null, ct);
        return Result.Ok();
    }

    public async Task<Result> EnableAsync(CurrentUser admin, int schoolId, int personId, CancellationToken ct = default)
    {
        if (await RefusalToChangeStateAsync(admin, schoolId, personId, ct) is { } refused)
            return refused;
        await db
            .Users.Where(p => p.Id == personId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DisabledAt, (DateTime?)null), ct);
        return Result.Ok();
    }

    /// <summary>
    /// Only a local account of this établissement alone (a teacher shared with another établissement is the
    /// académie's), never one's own, never an académie admin's.
    /// </summary>
    private async Task<Result?> RefusalToChangeStateAsync(
        CurrentUser admin,
        int schoolId,
        int personId,
        CancellationToken ct
    )
    {
        if (!await IsAdminAsync(admin, schoolId, ct))
            return Result.Forbidden(PeopleMessages.Account_AdminsOnly);
        if (personId == admin.PersonId)
            return Result.Invalid([PeopleMessages.Account_NotYourOwn]);
        var target = await db
            .Users.Where(p => p.Id == personId && p.Memberships.Any(m => m.SchoolId == schoolId))
            .Select(p => new
            {
                p.IsAcademyAdmin,
                p.DirectoryKey,
                Elsewhere = p.Memberships.Any(m => m.SchoolId != schoolId),
            })
            .FirstOrDefaultAsync(ct);
        if (target is null || target.IsAcademyAdmin)
            return Result.NotFound(PeopleMessages.Account_NotHere);
        if (target.DirectoryKey is not null)
            return Result.Invalid([PeopleMessages.Account_StateFromDirectory]);
        if (target.Elsewhere && !await db.IsAcademyAdminAsync(admin.PersonId, ct))
            return Result.Invalid([PeopleMessages.Account_SharedWithAnotherSchool]);
        return null;
    }
}
