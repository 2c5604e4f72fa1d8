using System.Net;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Enoe.Tests.Support.TestDirectory;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>Directory accounts sign in on the same form, against the test slapd, under the same rules.</summary>
public sealed class DirectorySignInTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    private const string WrongPassword = "Mauvais#Passe1";

    [Fact]
    public async Task ADirectoryAccount_SignsInWithItsDirectoryPassword_AndLandsOnTheDashboard()
    {
        var person = (await app.AccountAsync(SampleDirectory.StudentDn(0, 5))).Entry;
        var client = app.NewClient();
        var response = await client.SignInAsync(person.Login!, SampleDirectory.Password);
        Assert.Equal("/tableau-de-bord", response.Headers.Location?.OriginalString);
        Assert.Contains($"Bonjour {person.FirstName} {person.LastName}", await client.GetPageAsync("/tableau-de-bord"));
    }

    [Fact]
    public async Task AWrongPassword_GetsTheSameSingleAnswerAsAnUnknownAccount()
    {
        var person = (await app.AccountAsync(SampleDirectory.StudentDn(0, 6))).Entry;
        var wrong = await app.NewClient().SignInAsync(person.Login!, WrongPassword);
        var unknown = await app.NewClient().SignInAsync("personne.inconnue", WrongPassword);
        var injected = await app.NewClient().SignInAsync("*)(uid=*", SampleDirectory.Password);
        Assert.StartsWith("/connexion?erreur=1", wrong.Headers.Location?.OriginalString);
        Assert.Equal(unknown.Headers.Location, wrong.Headers.Location);
        Assert.Equal(unknown.Headers.Location, injected.Headers.Location);
        var page = await app.NewClient().GetPageAsync(wrong.Headers.Location!.OriginalString);
        Assert.Contains("Identifiant ou mot de passe incorrect.", page);
    }

    [Fact]
    public async Task FiveFailedBinds_LockTheAccount_ExactlyLikeALocalOne()
    {
        var person = (await app.AccountAsync(SampleDirectory.StudentDn(0, 7))).Entry;
        const string local = "emma.martin"; // a demo student: this app's database is this class's own
        var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(person.Login!, WrongPassword);
            await client.SignInAsync(local, WrongPassword);
        }
        var directoryAnswer = await client.SignInAsync(person.Login!, SampleDirectory.Password);
        var localAnswer = await client.SignInAsync(local);
        Assert.StartsWith("/connexion?erreur=1", directoryAnswer.Headers.Location?.OriginalString);
        Assert.Equal(localAnswer.Headers.Location, directoryAnswer.Headers.Location);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var directoryAccount = (await users.FindByNameAsync(person.Login!))!;
        var localAccount = (await users.FindByNameAsync(local))!;
        Assert.True(await users.IsLockedOutAsync(directoryAccount));
        Assert.True(await users.IsLockedOutAsync(localAccount));
        Assert.Equal(localAccount.LockoutEnd?.Date, directoryAccount.LockoutEnd?.Date);
    }

    [Fact]
    public async Task ADirectoryAccount_IsToldItsPasswordIsChangedInTheDirectory_AndNeverGetsOneHere()
    {
        var person = (await app.AccountAsync(SampleDirectory.StudentDn(0, 8))).Entry;
        var client = app.NewClient();
        await client.SignInAsync(person.Login!, SampleDirectory.Password);
        var page = await client.GetPageAsync("/compte/mot-de-passe");
        Assert.Contains("votre mot de passe se change dans l'annuaire de l'académie", page);
        Assert.DoesNotContain("Input.New", page);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var account = (await users.FindByNameAsync(person.Login!))!;
        var token = await users.GeneratePasswordResetTokenAsync(account);
        foreach (
            var refused in new[]
            {
                await users.ChangePasswordAsync(account, SampleDirectory.Password, "Nouveau-Passe2026"),
                await users.AddPasswordAsync(account, "Nouveau-Passe2026"),
                await users.ResetPasswordAsync(account, token, "Nouveau-Passe2026"),
            }
        )
            Assert.Contains("se change dans l'annuaire", Assert.Single(refused.Errors).Description);
        using (new InEnglish())
            Assert.Contains(
                "its password is changed in the directory",
                Assert.Single((await users.AddPasswordAsync(account, "Nouveau-Passe2026")).Errors).Description
            );
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        Assert.Null(await db.Users.Where(u => u.Id == account.Id).Select(u => u.PasswordHash).SingleAsync());
    }
}

/// <summary>When the directory does not answer: its accounts are told so, local ones still sign in.</summary>
public sealed class DirectoryDownSignInTests(DownDirectoryAppFactory app) : IClassFixture<DownDirectoryAppFactory>
{
    [Fact]
    public async Task TheDirectoryDown_GetsItsOwnMessage_CountsNoFailure_AndLocalAccountsStillSignIn()
    {
        var person = new SampleDirectory().Find(SampleDirectory.StudentDn(0, 5))!;
        await DirectoryAccounts.AddAsync(app.Services, person);
        var client = app.NewClient();
        var response = await client.SignInAsync(person.Entry.Login!, SampleDirectory.Password);
        Assert.StartsWith("/connexion?erreur=annuaire", response.Headers.Location?.OriginalString);
        var page = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("L'annuaire académique ne répond pas", page);
        Assert.DoesNotContain("Identifiant ou mot de passe incorrect.", page);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
            Assert.Equal(0, await users.GetAccessFailedCountAsync((await users.FindByNameAsync(person.Entry.Login!))!));
        }
        Assert.Equal(
            "/tableau-de-bord",
            (await app.NewClient().SignInAsync("claire.fontaine")).Headers.Location?.OriginalString
        );

        var english = app.NewClient();
        await english.GetAsync("/culture/en?retour=%2Fconnexion");
        Assert.Contains(
            "The académie directory is not responding",
            await english.GetPageAsync("/connexion?erreur=annuaire")
        );
    }

    [Fact]
    public async Task DirectoryAccounts_AreHeldToTheSameRateLimit()
    {
        var person = new SampleDirectory().Find(SampleDirectory.StudentDn(0, 6))!;
        await DirectoryAccounts.AddAsync(app.Services, person);
        var client = app.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.SignInAsync(person.Entry.Login!, "Mauvais#Passe1")).StatusCode);
        Assert.Equal(
            [HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests],
            statuses
        );
    }
}

/// <summary>With no directory configured (the shared app), a directory account cannot sign in at all.</summary>
[Collection(SharedApp.Name)]
public sealed class UnconfiguredDirectorySignInTests(EnoeAppFactory app)
{
    [Fact]
    public async Task ADirectoryAccount_IsRefusedLikeAWrongPassword()
    {
        var person = new SampleDirectory().Find(SampleDirectory.StudentDn(1, 9))!;
        await DirectoryAccounts.AddAsync(app.Services, person);
        var response = await app.NewClient().SignInAsync(person.Entry.Login!, SampleDirectory.Password);
        Assert.StartsWith("/connexion?erreur=1", response.Headers.Location?.OriginalString);
    }
}
