using Enoe.Data;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>
/// The cookie carries the staff functions of the current établissement (pages hide links by them), rebuilt with the
/// profiles when the person switches établissement.
/// </summary>
[Collection(TwoFactorApp.Name)]
public sealed class FunctionClaimsTests(EnoeAppFactory app)
{
    [Fact]
    public async Task TheCookieSaysTheFunctionsOfTheCurrentSchool_AndFollowsASwitch()
    {
        var person = await OidcProviderPeople.CreateAsync(app.Services, "fonctions.deux", profile: Profile.Staff);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var hugo = person.CurrentSchoolId!.Value;
        var other = await db.Schools.Where(s => s.Id != hugo).Select(s => s.Id).FirstAsync();
        await db
            .Memberships.Where(m => m.PersonId == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Functions, StaffFunction.Direction | StaffFunction.Office));
        db.Memberships.Add(
            new Membership
            {
                PersonId = person.Id,
                SchoolId = other,
                Profiles = Profile.Staff,
                Functions = StaffFunction.Cpe,
            }
        );
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<Person>>();

        var atHugo = CurrentUser.From(await claims.CreateAsync((await users.FindByIdAsync($"{person.Id}"))!))!;
        Assert.Equal((hugo, StaffFunction.Direction | StaffFunction.Office), (atHugo.SchoolId, atHugo.Functions));

        // Switching établissement sets the current one and rebuilds the cookie's claims from it.
        var switched = (await users.FindByIdAsync($"{person.Id}"))!;
        switched.CurrentSchoolId = other;
        var atOther = CurrentUser.From(await claims.CreateAsync(switched))!;
        Assert.Equal((other, StaffFunction.Cpe), (atOther.SchoolId, atOther.Functions));
    }
}
