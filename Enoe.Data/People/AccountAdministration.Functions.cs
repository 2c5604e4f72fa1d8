using Enoe.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.People;

/// <summary>The functions of local staff accounts, set by the établissement's admins.</summary>
public sealed partial class AccountAdministration
{
    /// <summary>
    /// Sets what a local staff account does in the établissement, which decides its rights there
    /// (<see cref="FunctionRights"/>). A directory account's functions come from the directory at each sync.
    /// </summary>
    public async Task<Result> SetFunctionsAsync(
        CurrentUser admin,
        int schoolId,
        int personId,
        StaffFunction functions,
        CancellationToken ct = default
    )
    {
        if (!await IsAdminAsync(admin, schoolId, ct))
            return Result.Forbidden(PeopleMessages.Account_AdminsOnly);
        if (personId == admin.PersonId) // an ENT admin does not make themself the direction (the rights table)
            return Result.Invalid([PeopleMessages.Account_FunctionsNotYourOwn]);
        if ((functions & ~StaffFunctionNames.Single.Aggregate((a, b) => a | b)) != 0)
            return Result.Invalid([PeopleMessages.Account_FunctionsUnknown]);
        var changed = await db
            .Memberships.Where(m =>
                m.PersonId == personId
                && m.SchoolId == schoolId
                && (m.Profiles & Profile.Staff) != 0
                && m.Person!.DirectoryKey == null
            )
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Functions, functions), ct);
        return changed == 1 ? Result.Ok() : Result.Invalid([PeopleMessages.Account_FunctionsLocalStaffOnly]);
    }

    /// <summary>The local staff accounts of the établissement, whose functions its admins set.</summary>
    public async Task<IReadOnlyList<(int Id, string Name, StaffFunction Functions)>> LocalStaffAsync(
        CurrentUser admin,
        int schoolId,
        CancellationToken ct = default
    )
    {
        if (!await IsAdminAsync(admin, schoolId, ct))
            return [];
        var rows = await db
            .Memberships.AsNoTracking()
            .Where(m => m.SchoolId == schoolId && (m.Profiles & Profile.Staff) != 0 && m.Person!.DirectoryKey == null)
            .OrderBy(m => m.Person!.LastName)
            .ThenBy(m => m.Person!.FirstName)
            .Select(m => new
            {
                m.PersonId,
                Name = PersonNames.Listed(m.Person!.LastName, m.Person.FirstName),
                m.Functions,
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.PersonId, r.Name, r.Functions))];
    }
}
