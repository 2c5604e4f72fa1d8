using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>Two admins creating accounts with one login at the same moment: both told, none failing.</summary>
public sealed class AccountsAtOnceTests : AcademyConsoleTest
{
    // Identity's check that the login is free, made after it hashed the password.
    private const string LoginLookUp = "\"NormalizedUserName\" = ";

    // On PostgreSQL the other creation runs to its end meanwhile (it waits for nothing this one holds); on SQLite it
    // waits for this one's write transaction, on a thread of its own.
    private static readonly bool OtherWaits = TestDatabase.Provider == DatabaseProvider.Sqlite;

    private ServiceProvider InstanceWith(IInterceptor meanwhile) =>
        Database.NewInstance(s =>
        {
            AcademyConsole.AddAccounts(s);
            s.AddSingleton(meanwhile);
        });

    private async Task<Result<CreatedAccount>> CreateAsync(IServiceProvider services, Profile profile)
    {
        await using var scope = services.CreateAsyncScope();
        var account = new NewAccount
        {
            FirstName = "Jean",
            LastName = "Dupont",
            Profile = profile,
            ClassId = profile == Profile.Student ? F.ClassA.Id : null,
        };
        return await scope
            .ServiceProvider.GetRequiredService<AccountAdministration>()
            .CreateAsync(Admin, F.A.Id, account);
    }

    [Theory]
    [InlineData(LoginLookUp, Profile.Teacher)] // taken between Identity's check and the write: the unique index says
    [InlineData(AccountAdministration.FreeLoginsTag, Profile.Student)] // taken before Identity's check: it says
    public async Task TwoJeanDupontsCreatedAtOnce_GetTwoLogins_AsOneAfterTheOtherWould(string after, Profile profile)
    {
        var a = F.A.Id;
        // The other admin creates the same name just after this creation looked.
        var meanwhile = Meanwhile.After(after, () => CreateAsync(Database.Services, profile));
        await using var other = InstanceWith(meanwhile);

        var second = await CreateAsync(other, profile);
        var first = await meanwhile.Other;

        Assert.True(first.Succeeded && second.Succeeded, string.Join(" ", first.Errors.Concat(second.Errors)));
        Assert.Equal(("jean.dupont", "jean.dupont2"), (first.Value!.UserName, second.Value!.UserName));
        await using var db = Database.NewContext();
        Assert.Equal(2, await db.Memberships.CountAsync(m => m.SchoolId == a && m.Person!.LastName == "Dupont"));
        if (profile == Profile.Student)
            Assert.Equal(2, await db.Enrolments.CountAsync(e => e.Student!.LastName == "Dupont"));
    }

    [Fact]
    public async Task AFirstAdminsLoginTakenWhileTheSchoolIsCreated_IsRefusedAsTaken_AndLeavesNoSchool()
    {
        var (first, second) = await TwoSchoolsAtOnceAsync(login: "anne.berard");

        // On PostgreSQL the other commits first and this one is refused; on SQLite the writes take turns.
        var refused = Assert.Single(new[] { first, second }, r => !r.Succeeded);
        Assert.Equal(["L'identifiant « anne.berard » est déjà pris."], refused.Errors);
        await using var db = Database.NewContext();
        Assert.Equal(1, await db.Schools.CountAsync(s => s.Slug == "college-un" || s.Slug == "college-deux"));
        Assert.Equal(1, await db.Users.CountAsync(p => p.UserName == "anne.berard"));
    }

    [Fact]
    public async Task TwoFirstAdminsOfOneNameAtOnce_GetTwoLogins_TheSecondAfterItsSavepoint()
    {
        var (first, second) = await TwoSchoolsAtOnceAsync(login: null);

        // On PostgreSQL the second's insert is refused inside its school's transaction, which goes on from EF's
        // savepoint with the next login.
        Assert.True(first.Succeeded && second.Succeeded, string.Join(" ", first.Errors.Concat(second.Errors)));
        Assert.Equal(
            ["anne.berard", "anne.berard2"],
            new[] { first.Value!.Admin!.UserName, second.Value!.Admin!.UserName }.Order()
        );
        await using var db = Database.NewContext();
        Assert.Equal(2, await db.Memberships.CountAsync(m => m.Person!.LastName == "Bérard"));
    }

    /// <summary>
    /// Two établissements created with an Anne Bérard as first admin: the other just after this one's login was found
    /// free by Identity.
    /// </summary>
    private async Task<(Result<CreatedSchool> First, Result<CreatedSchool> Second)> TwoSchoolsAtOnceAsync(string? login)
    {
        var meanwhile = Meanwhile.After(
            LoginLookUp,
            () => Schools.CreateAsync(Admin, Form("0250200", "college-deux", login)),
            onItsOwnThread: OtherWaits
        );
        await using var other = InstanceWith(meanwhile);
        var second = await other
            .GetRequiredService<SchoolAdministration>()
            .CreateAsync(Admin, Form("0250100", "college-un", login));
        return (await meanwhile.Other, second);
    }

    private static SchoolForm Form(string digits, string slug, string? login) =>
        new()
        {
            Uai = Uai.Create(digits),
            Name = "Collège " + slug,
            Slug = slug,
            City = "Pontarlier",
            Admin = new FirstAdmin
            {
                FirstName = "Anne",
                LastName = "Bérard",
                Login = login,
            },
        };
}
