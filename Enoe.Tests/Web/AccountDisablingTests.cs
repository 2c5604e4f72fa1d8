using System.Net;
using Enoe.Data;
using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Sessions;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>An admin switches off a local account: it signs in no more, and its open sessions end at once.</summary>
[Collection(SharedApp.Name)]
public sealed class AccountDisablingTests(EnoeAppFactory app)
{
    [Fact]
    public async Task A_switched_off_account_loses_its_open_session_and_cannot_sign_in_until_switched_on()
    {
        var (admin, schoolId, created) = await NewTeacherAsync("Noé", "Désactivé");
        var teacher = app.NewClient();
        await teacher.SignInAsync(created.UserName, created.TemporaryPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await teacher.GetAsync("/tableau-de-bord")).StatusCode); // password due

        var adminPage = app.NewClient();
        await adminPage.SignInAsync("admin.victor-hugo");
        var off = await adminPage.PostFormAsync(
            "/gestion/comptes",
            "/gestion/comptes",
            new() { ["_handler"] = "account-state", ["disable"] = created.PersonId.ToString() }
        );

        Assert.Contains("C'est fait.", await off.ReadPageAsync());
        Assert.Equal(
            [SessionEnd.AccountDisabled],
            (await SessionsOfAsync(created.PersonId)).Select(s => s.EndReason).Distinct()
        );
        Assert.StartsWith(
            "/connexion",
            (await teacher.GetAsync("/compte/mot-de-passe")).Headers.Location?.PathAndQueryOrOriginal()
        );
        var again = await app.NewClient().SignInAsync(created.UserName, created.TemporaryPassword);
        Assert.StartsWith("/connexion?erreur", again.Headers.Location?.PathAndQueryOrOriginal());

        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        Assert.True((await accounts.EnableAsync(admin, schoolId, created.PersonId)).Succeeded);
        var back = await app.NewClient().SignInAsync(created.UserName, created.TemporaryPassword);
        Assert.DoesNotContain("erreur", back.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_admin_switches_off_only_local_accounts_of_their_own_etablissement_never_their_own()
    {
        var (admin, schoolId, _) = await NewTeacherAsync("Lise", "Témoin");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var elsewhere = await db
            .Memberships.Where(m => m.SchoolId != schoolId && m.Person!.DirectoryKey == null)
            .Where(m => !m.Person!.Memberships.Any(o => o.SchoolId == schoolId))
            .Select(m => m.PersonId)
            .FirstAsync();

        Assert.Equal(ResultKind.NotFound, (await accounts.DisableAsync(admin, schoolId, elsewhere)).Kind);
        Assert.Equal(ResultKind.Invalid, (await accounts.DisableAsync(admin, schoolId, admin.PersonId)).Kind);
        var student = new CurrentUser(elsewhere, "x", schoolId, Profile.Student);
        Assert.Equal(ResultKind.Forbidden, (await accounts.DisableAsync(student, schoolId, admin.PersonId)).Kind);
        Assert.False(
            await db.Users.AnyAsync(p => (p.Id == elsewhere || p.Id == admin.PersonId) && p.DisabledAt != null)
        );
    }

    private Task<List<SignInSession>> SessionsOfAsync(int personId) =>
        VictorHugoAccounts.SessionsOfAsync(app.Services, personId);

    private Task<(CurrentUser Admin, int SchoolId, CreatedAccount Created)> NewTeacherAsync(
        string first,
        string last
    ) => VictorHugoAccounts.NewTeacherAsync(app.Services, first, last);
}
