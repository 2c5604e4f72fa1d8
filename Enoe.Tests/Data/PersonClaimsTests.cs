using System.Globalization;
using System.Security.Claims;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Enoe.Tests.Data;

/// <summary>
/// The cookie's claims and the security stamp's check (<see cref="EnoeClaimsPrincipalFactory"/>), on both databases:
/// its reads are compiled queries.
/// </summary>
public sealed class PersonClaimsTests
{
    [Fact]
    public async Task TheStampsCheck_RebuildsTheClaimsFromTheDatabase_OrRefusesAnotherStamp()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        var claims = new EnoeClaimsPrincipalFactory(
            Options.Create(new IdentityOptions()),
            database.Get<IDbContextFactory<EnoeDbContext>>()
        );
        var stamp = Guid.NewGuid().ToString("N");
        await using (var db = database.NewContext())
            await db
                .Users.Where(p => p.Id == f.StaffA.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.SecurityStamp, stamp));
        f.StaffA.SecurityStamp = stamp;
        var cookie = await claims.CreateAsync(f.StaffA);

        // A function granted since the cookie was issued: the check's principal carries it.
        await using (var db = database.NewContext())
            await db
                .Memberships.Where(m => m.PersonId == f.StaffA.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Functions, StaffFunction.Direction | StaffFunction.Cpe));
        var fresh = await claims.RefreshAsync(cookie);

        Assert.NotNull(fresh);
        Assert.Equal(f.A.Id.ToString(CultureInfo.InvariantCulture), fresh.FindFirstValue(EnoeClaims.School));
        Assert.Equal(
            ["Cpe", "Direction"],
            fresh.FindAll(EnoeClaims.Function).Select(c => c.Value).Order(StringComparer.Ordinal)
        );
        Assert.Equal(stamp, fresh.FindFirstValue(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType));

        await using (var db = database.NewContext())
            await db
                .Users.Where(p => p.Id == f.StaffA.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.SecurityStamp, "un autre"));
        Assert.Null(await claims.RefreshAsync(cookie)); // a new password, say: the cookie's stamp is no longer theirs
    }
}
