using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Support;

/// <summary>Gives a member of an établissement a staff function (what their rights come from).</summary>
public static class StaffFunctions
{
    public static async Task GiveAsync(
        this TestDatabase database,
        Person person,
        School school,
        StaffFunction functions
    )
    {
        await using var db = database.NewContext();
        await db
            .Memberships.Where(m => m.PersonId == person.Id && m.SchoolId == school.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Functions, functions));
    }
}
