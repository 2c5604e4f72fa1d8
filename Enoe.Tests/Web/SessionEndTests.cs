using System.Net;
using Enoe.Data;
using Enoe.Data.Assignments;
using Enoe.Data.People;
using Enoe.Data.Sessions;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>
/// Signing out and changing the password end sessions on the server, whatever copy of the cookie remains.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class SessionEndTests(EnoeAppFactory app)
{
    [Fact]
    public async Task A_cookie_replayed_after_sign_out_gets_no_page_no_download_and_no_post()
    {
        var devoir = await DemoDevoir.CreateAsync(app.Services, "Cookie rejoué");
        var handedIn = await app
            .Services.GetRequiredService<AssignmentService>()
            .HandInAsync(devoir.Student, devoir.Id, [TestFiles.Pdf("copie.pdf", "copie")]);
        var file = $"/fichiers/{handedIn.Value!.Files[0].Id}";
        var browser = CookieJar.For(app);
        await browser.SignInAsync(devoir.StudentUserName);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/tableau-de-bord")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/competences/livret.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(file)).StatusCode);
        var token = await browser.TokenAsync("/connexion");
        var stolen = browser.Copy();

        var signOut = await browser.PostAsync("/compte/deconnexion", token, []);
        Assert.Equal("/connexion?deconnecte=1", signOut.Headers.Location?.OriginalString);

        Assert.StartsWith("/connexion", Location(await stolen.GetAsync("/tableau-de-bord")));
        Assert.NotEqual(HttpStatusCode.OK, (await stolen.GetAsync("/competences/livret.pdf")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await stolen.GetAsync(file)).StatusCode);
        var post = await stolen.PostAsync(
            "/compte/etablissement",
            token,
            new() { ["schoolId"] = devoir.Student.SchoolId!.Value.ToString() }
        );
        Assert.StartsWith("/connexion", Location(post));
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_but_not_the_one_that_changed_it()
    {
        var created = await NewTeacherAsync("Inès", "Changement");
        var here = app.NewClient();
        var elsewhere = app.NewClient();
        await here.SignInAsync(created.UserName, created.TemporaryPassword);
        await elsewhere.SignInAsync(created.UserName, created.TemporaryPassword);

        var change = await ChangePasswordAsync(here, created.TemporaryPassword);

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/tableau-de-bord")).StatusCode);
        Assert.StartsWith("/connexion", Location(await elsewhere.GetAsync("/tableau-de-bord")));
        var sessions = await SessionsOfAsync(created.PersonId);
        Assert.Equal([null, SessionEnd.PasswordChanged], sessions.Select(s => s.EndReason).Order());
    }

    [Fact]
    public async Task Switching_etablissement_keeps_the_same_session()
    {
        var client = app.NewClient();
        await client.SignInAsync("claire.fontaine");
        int personId,
            otherSchool;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            var claire = await db.Users.Include(u => u.Memberships).SingleAsync(u => u.UserName == "claire.fontaine");
            personId = claire.Id;
            otherSchool = claire.Memberships.First(m => m.SchoolId != claire.CurrentSchoolId).SchoolId;
        }
        var before = (await SessionsOfAsync(personId)).Count(s => s.EndedAt is null);
        Assert.True(before >= 1);

        var switched = await client.PostFormAsync(
            "/tableau-de-bord",
            "/compte/etablissement",
            new() { ["schoolId"] = otherSchool.ToString() }
        );

        Assert.Equal("/tableau-de-bord", Location(switched));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tableau-de-bord")).StatusCode);
        Assert.Equal(before, (await SessionsOfAsync(personId)).Count(s => s.EndedAt is null));
    }

    [Fact]
    public async Task The_profile_lists_the_open_sessions_in_english_too_and_ends_the_others()
    {
        var created = await NewTeacherAsync("Lou", "Sessions");
        var here = app.NewClient();
        await here.SignInAsync(created.UserName, created.TemporaryPassword);
        await ChangePasswordAsync(here, created.TemporaryPassword);
        var phone = app.NewClient();
        phone.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Android 14) Gecko/20100101 Firefox/133.0");
        await phone.SignInAsync(created.UserName, NewPassword);
        await here.GetAsync("/culture/en");

        var profile = await here.GetPageAsync("/compte/profil");

        Assert.Contains("Signed-in sessions", profile);
        Assert.Contains("this session", profile);
        Assert.Contains("Firefox", profile);
        var ended = await here.PostFormAsync("/compte/profil", "/compte/sessions/autres", []);
        Assert.Equal("/compte/profil?sessions=fermees", Location(ended));
        Assert.StartsWith("/connexion", Location(await phone.GetAsync("/tableau-de-bord")));
        Assert.Contains("Your other sessions are signed out.", await here.GetPageAsync(Location(ended)!));
    }

    private const string NewPassword = "Nouveau-Passe2026";

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current) =>
        client.PostFormAsync(
            "/compte/mot-de-passe",
            "/compte/mot-de-passe",
            new()
            {
                ["_handler"] = "change-password",
                ["Input.Current"] = current,
                ["Input.New"] = NewPassword,
                ["Input.Confirm"] = NewPassword,
            }
        );

    private static string? Location(HttpResponseMessage response) =>
        response.Headers.Location?.PathAndQueryOrOriginal();

    private Task<List<SignInSession>> SessionsOfAsync(int personId) =>
        VictorHugoAccounts.SessionsOfAsync(app.Services, personId);

    private async Task<CreatedAccount> NewTeacherAsync(string first, string last) =>
        (await VictorHugoAccounts.NewTeacherAsync(app.Services, first, last)).Created;
}
