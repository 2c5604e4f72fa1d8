using System.Net;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

[Collection(SharedApp.Name)]
public sealed class SignInTests(EnoeAppFactory app)
{
    [Fact]
    public async Task DemoTeacher_SignsIn_AndLandsOnTheDashboard()
    {
        var client = app.NewClient();
        var response = await client.SignInAsync("claire.fontaine");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tableau-de-bord", response.Headers.Location?.OriginalString);
        var html = await client.GetPageAsync("/tableau-de-bord");
        Assert.Contains("Bonjour Claire Fontaine", html);
    }

    [Fact]
    public async Task SignIn_GoesBackToTheRequestedPage_ButNeverToAnotherSite()
    {
        var client = app.NewClient();
        Assert.Equal(
            "/compte/profil",
            (await client.SignInAsync("lucas.martin", returnUrl: "/compte/profil")).Headers.Location?.OriginalString
        );
        var other = app.NewClient();
        Assert.Equal(
            "/tableau-de-bord",
            (await other.SignInAsync("lucas.martin", returnUrl: "//evil.example/x")).Headers.Location?.OriginalString
        );
    }

    [Fact]
    public async Task UnknownUser_AndWrongPassword_GetTheSameAnswer()
    {
        var unknown = await app.NewClient().SignInAsync("personne.inconnue", "Mauvais#Passe1");
        var wrong = await app.NewClient().SignInAsync("emma.martin", "Mauvais#Passe1");
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Equal(unknown.Headers.Location, wrong.Headers.Location);
        var page = await app.NewClient().GetPageAsync(unknown.Headers.Location!.OriginalString);
        Assert.Contains("Identifiant ou mot de passe incorrect.", page);
    }

    [Fact]
    public async Task FiveFailures_LockTheAccount_EvenAgainstTheRightPassword()
    {
        var userName = await SomeStudentAsync(skip: 3);
        var client = app.NewClient();
        for (var i = 0; i < 5; i++)
            await client.SignInAsync(userName, "Mauvais#Passe1");

        var withRightPassword = await client.SignInAsync(userName);
        Assert.StartsWith("/connexion?erreur=1", withRightPassword.Headers.Location?.OriginalString);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync(userName))!));
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        var response = await app.NewClient()
            .PostAsync(
                "/compte/connexion",
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["UserName"] = "claire.fontaine",
                        ["Password"] = Enoe.Data.Demo.DemoSeeder.Password,
                    }
                )
            );
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var client = app.NewClient();
        await client.SignInAsync("julien.roussel");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tableau-de-bord")).StatusCode);
        var signOut = await client.PostFormAsync("/connexion", "/compte/deconnexion", []);
        Assert.Equal("/connexion?deconnecte=1", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/tableau-de-bord")).StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        var client = app.NewClient();
        await client.SignInAsync("nathalie.girard");
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await client.PostAsync("/compte/deconnexion", new FormUrlEncodedContent([]))).StatusCode
        );
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tableau-de-bord")).StatusCode);
    }

    [Fact]
    public async Task AccountCreatedByAnAdmin_MustChooseAPasswordFirst()
    {
        CreatedAccount created;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            var admin = await db.Users.SingleAsync(u => u.UserName == "admin.victor-hugo");
            var school = await db.Schools.SingleAsync(s => s.Slug == "college-victor-hugo");
            var result = await scope
                .ServiceProvider.GetRequiredService<AccountAdministration>()
                .CreateAsync(
                    new CurrentUser(admin.Id, "admin", school.Id, Profile.SchoolAdmin),
                    school.Id,
                    new NewAccount
                    {
                        FirstName = "Zoé",
                        LastName = "Nouvelle-Arrivée",
                        Profile = Profile.Teacher,
                    }
                );
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
            created = result.Value!;
        }
        Assert.Equal("zoe.nouvelle-arrivee", created.UserName);

        var client = app.NewClient();
        var signIn = await client.SignInAsync(created.UserName, created.TemporaryPassword);
        Assert.Equal("/compte/mot-de-passe", signIn.Headers.Location?.OriginalString);
        Assert.Equal(
            "/compte/mot-de-passe",
            (await client.GetAsync("/tableau-de-bord")).Headers.Location?.OriginalString
        );

        var change = await client.PostFormAsync(
            "/compte/mot-de-passe",
            "/compte/mot-de-passe",
            new()
            {
                ["_handler"] = "change-password",
                ["Input.Current"] = created.TemporaryPassword,
                ["Input.New"] = "Nouveau-Passe2026",
                ["Input.Confirm"] = "Nouveau-Passe2026",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tableau-de-bord")).StatusCode);
        Assert.Equal(
            "/tableau-de-bord",
            (await app.NewClient().SignInAsync(created.UserName, "Nouveau-Passe2026")).Headers.Location?.OriginalString
        );
    }

    [Fact]
    public async Task ChangePassword_TooWeak_GetsAFrenchMessage_AndKeepsTheOldPassword()
    {
        var userName = await SomeStudentAsync(skip: 5);
        var client = app.NewClient();
        await client.SignInAsync(userName);
        var response = await client.PostFormAsync(
            "/compte/mot-de-passe",
            "/compte/mot-de-passe",
            new()
            {
                ["_handler"] = "change-password",
                ["Input.Current"] = Enoe.Data.Demo.DemoSeeder.Password,
                ["Input.New"] = "court",
                ["Input.Confirm"] = "court",
            }
        );
        Assert.Contains("Le mot de passe doit contenir au moins 10 caractères.", await response.ReadPageAsync());
        Assert.Equal(
            "/tableau-de-bord",
            (await app.NewClient().SignInAsync(userName)).Headers.Location?.OriginalString
        );
    }

    [Fact]
    public async Task SwitchSchool_MovesATeacherToTheirOtherSchool_ButNotToAStrangersOne()
    {
        var client = app.NewClient();
        await client.SignInAsync("claire.fontaine");
        int hugo,
            pasteur,
            lumiere;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            var ids = await db.Schools.ToDictionaryAsync(s => s.Slug, s => s.Id);
            (hugo, pasteur, lumiere) = (ids["college-victor-hugo"], ids["college-pasteur-dole"], ids["lycee-lumiere"]);
        }
        var refused = await client.PostFormAsync(
            "/connexion",
            "/compte/etablissement",
            new() { ["schoolId"] = lumiere.ToString() }
        );
        Assert.StartsWith("/acces-refuse", refused.Headers.Location?.PathAndQueryOrOriginal());
        Assert.Contains("Collège Victor Hugo", await client.GetPageAsync("/tableau-de-bord"));

        var moved = await client.PostFormAsync(
            "/connexion",
            "/compte/etablissement",
            new() { ["schoolId"] = pasteur.ToString() }
        );
        Assert.Equal("/tableau-de-bord", moved.Headers.Location?.OriginalString);
        Assert.Contains("Collège Louis Pasteur", await client.GetPageAsync("/tableau-de-bord"));

        // Back to Victor Hugo, so other tests find Claire where the demo put her.
        await client.PostFormAsync("/connexion", "/compte/etablissement", new() { ["schoolId"] = hugo.ToString() });
    }

    [Fact]
    public async Task English_IsAvailable_AndFrenchIsTheDefault()
    {
        var client = app.NewClient();
        Assert.Contains("Connexion à l'ENT", await client.GetPageAsync("/connexion"));
        var choose = await client.GetAsync("/culture/en?retour=%2Fconnexion");
        Assert.Equal("/connexion", choose.Headers.Location?.OriginalString);
        Assert.Contains("Sign in to ENOE", await client.GetPageAsync("/connexion"));
        Assert.Equal(
            "/",
            (await client.GetAsync("/culture/fr?retour=https%3A%2F%2Fevil.example")).Headers.Location?.OriginalString
        );
    }

    private async Task<string> SomeStudentAsync(int skip)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        return (
            await db
                .Memberships.Where(m => m.School!.Slug == "lycee-lumiere" && m.Profiles == Profile.Student)
                .OrderBy(m => m.PersonId)
                .Skip(skip)
                .Select(m => m.Person!.UserName)
                .FirstAsync()
        )!;
    }
}

public sealed class RateLimitTests : IClassFixture<StrictRateLimitAppFactory>
{
    private readonly StrictRateLimitAppFactory _app;

    public RateLimitTests(StrictRateLimitAppFactory app) => _app = app;

    [Fact]
    public async Task TooManySignInAttempts_Get429()
    {
        var client = _app.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.SignInAsync("sophie.martin", "Mauvais#Passe1")).StatusCode);
        Assert.Equal(
            [HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests],
            statuses
        );
        // Another person behind the same school address is not blocked.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("lucas.martin")).StatusCode);
    }
}
