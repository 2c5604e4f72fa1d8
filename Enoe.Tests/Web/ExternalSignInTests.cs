using System.Net;
using System.Security.Claims;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enoe.Tests.Web;

/// <summary>
/// What ENOE's callback does with an identity a provider vouched for: the mapping rules (never created, admins and
/// disabled accounts not linked by the claim), linking by password at first sign-in, unlinking, sign-out.
/// </summary>
public sealed class ExternalSignInTests(OidcProviderAppFactory app) : IClassFixture<OidcProviderAppFactory>
{
    private const string Callback = "/compte/externe/retour";

    private static async Task<string?> LocationAsync(Task<HttpResponseMessage> response) =>
        (await response).Headers.Location?.PathAndQueryOrOriginal();

    private static UserManager<Person> Users(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<UserManager<Person>>();

    [Fact]
    public async Task TheProvidersButton_IsOnTheSignInPage()
    {
        var html = await app.NewClient().GetPageAsync("/connexion");
        Assert.Contains("Ou connectez-vous avec", html);
        Assert.Contains(">ÉduConnect</button>", html);
    }

    [Fact]
    public async Task EveryExternalSignInPost_RequiresTheAntiforgeryToken()
    {
        await OidcProviderPeople.CreateAsync(app.Services, "web.jeton");
        var signedIn = app.NewClient();
        await signedIn.SignInAsync("web.jeton");
        var clients = new Dictionary<string, HttpClient>
        {
            ["connexion"] = app.ReturningFromProvider("cle-sans-jeton"),
            ["relier"] = app.ReturningFromProvider("cle-sans-jeton"),
            ["lier"] = signedIn,
            ["delier"] = signedIn,
        };
        foreach (var (action, client) in clients)
        {
            var fields = new Dictionary<string, string>
            {
                ["provider"] = OidcProviderAppFactory.Scheme,
                ["key"] = "k",
                ["UserName"] = "web.jeton",
                ["Password"] = Enoe.Data.Demo.DemoSeeder.Password,
            };
            var response = await client.PostAsync($"/compte/externe/{action}", new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{action}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task ALinkedIdentity_SignsIn_AsThatPerson()
    {
        var person = await OidcProviderPeople.CreateAsync(app.Services, "web.lie");
        await using (var scope = app.Services.CreateAsyncScope())
            await Users(scope)
                .AddLoginAsync(
                    (await Users(scope).FindByIdAsync(person.Id.ToString()))!,
                    new UserLoginInfo(OidcProviderAppFactory.Scheme, "cle-web-lie", null)
                );
        var client = app.ReturningFromProvider("cle-web-lie");
        Assert.Equal(
            "/compte/profil",
            await LocationAsync(client.GetAsync(Callback + "?ReturnUrl=%2Fcompte%2Fprofil"))
        );
        Assert.Contains("Externe web-lie", await client.GetPageAsync("/compte/profil"));
    }

    [Fact]
    public async Task AnUnlinkedIdentity_MappingToOnePerson_IsLinked_AndSignsIn()
    {
        await OidcProviderPeople.CreateAsync(app.Services, "web.mappe", email: "web.mappe@ac-test.fr");
        var client = app.ReturningFromProvider("cle-web-mappe", "WEB.mappe@ac-test.fr");
        Assert.Equal("/tableau-de-bord", await LocationAsync(client.GetAsync(Callback)));
        Assert.Equal(["OpenIdConnect"], await OidcProviderPeople.LoginsOfAsync(app.Services, "web.mappe"));
        Assert.Contains("Bonjour Externe web-mappe", await client.GetPageAsync("/tableau-de-bord"));
    }

    [Fact]
    public async Task AnIdentityMatchingNobody_IsRefused_AndNoAccountIsCreated()
    {
        int people;
        await using (var scope = app.Services.CreateAsyncScope())
            people = await scope.ServiceProvider.GetRequiredService<EnoeDbContext>().Users.CountAsync();
        var client = app.ReturningFromProvider("cle-inconnue", "inconnu@ac-test.fr");
        Assert.Equal("/connexion?externe=inconnu", await LocationAsync(client.GetAsync(Callback)));
        Assert.Contains("ne correspond à aucun compte ENOE", await client.GetPageAsync("/connexion?externe=inconnu"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/tableau-de-bord")).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(people, await scope.ServiceProvider.GetRequiredService<EnoeDbContext>().Users.CountAsync());
    }

    [Fact]
    public async Task AnAdmin_IsNotLinkedByTheClaim_UntilTheyProveTheirPassword()
    {
        await OidcProviderPeople.CreateAsync(
            app.Services,
            "web.admin",
            email: "web.admin@ac-test.fr",
            profile: Profile.SchoolAdmin
        );
        var client = app.ReturningFromProvider("cle-web-admin", "web.admin@ac-test.fr");
        Assert.Equal("/connexion/relier?admin=1", await LocationAsync(client.GetAsync(Callback)));
        Assert.Empty(await OidcProviderPeople.LoginsOfAsync(app.Services, "web.admin"));
        var page = await client.GetPageAsync("/connexion/relier?admin=1");
        Assert.Contains("droits d'administration", page);
        // What really happens for them: no password form that could only be refused, the way through the profile.
        Assert.Contains("depuis votre profil", page);
        Assert.DoesNotContain("name=\"Password\"", page);

        // An admin signs in with a second factor: the password alone links nothing (they link from their profile,
        // signed in with their code), or it would be a way around the code.
        var proved = await LinkWithPasswordAsync(client, "web.admin", Enoe.Data.Demo.DemoSeeder.Password);
        Assert.Equal("/connexion/relier?erreur=code", proved.Headers.Location?.PathAndQueryOrOriginal());
        Assert.Empty(await OidcProviderPeople.LoginsOfAsync(app.Services, "web.admin"));
    }

    [Fact]
    public async Task ADisabledAccount_IsRefused_LinkedOrNot()
    {
        var person = await OidcProviderPeople.CreateAsync(app.Services, "web.parti", email: "web.parti@ac-test.fr");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = Users(scope);
            var stored = (await users.FindByIdAsync(person.Id.ToString()))!;
            await users.AddLoginAsync(stored, new UserLoginInfo(OidcProviderAppFactory.Scheme, "cle-parti", null));
            stored.DisabledAt = new DateTime(2026, 11, 1);
            await users.UpdateAsync(stored);
        }
        var linked = app.ReturningFromProvider("cle-parti");
        Assert.Equal("/connexion?externe=refuse", await LocationAsync(linked.GetAsync(Callback)));
        var mapped = app.ReturningFromProvider("cle-parti-2", "web.parti@ac-test.fr");
        Assert.Equal("/connexion?externe=refuse", await LocationAsync(mapped.GetAsync(Callback)));
        Assert.Contains("désactivé", await mapped.GetPageAsync("/connexion?externe=refuse"));
        Assert.Equal(["OpenIdConnect"], await OidcProviderPeople.LoginsOfAsync(app.Services, "web.parti"));
    }

    [Fact]
    public async Task LinkingByADirectoryPassword_WhileTheDirectoryIsDown_SaysSo_AndCountsNoFailure()
    {
        await using var down = new OidcProviderAppFactory();
        down.Settings["Enoe:Directory:Ldap:Url"] = $"ldap://127.0.0.1:{PostgreSqlServer.FreePort()}";
        down.Settings["Enoe:Directory:Ldap:Timeout"] = "00:00:20"; // libldap's is process-wide: the tests' one value
        var client = down.ReturningFromProvider("cle-annuaire-hs");
        var person = await OidcProviderPeople.CreateAsync(down.Services, "web.annuaire");
        await using (var scope = down.Services.CreateAsyncScope())
            await scope
                .ServiceProvider.GetRequiredService<Enoe.Data.EnoeDbContext>()
                .Users.Where(p => p.Id == person.Id)
                .ExecuteUpdateAsync(u =>
                    u.SetProperty(p => p.DirectoryKey, "J-HS").SetProperty(p => p.PasswordHash, (string?)null)
                );
        Assert.Equal("/connexion?externe=inconnu", await LocationAsync(client.GetAsync(Callback)));

        var response = await LinkWithPasswordAsync(client, "web.annuaire", "Annuaire#2026");

        Assert.Equal("/connexion?erreur=annuaire", response.Headers.Location?.OriginalString);
        await using var check = down.Services.CreateAsyncScope();
        Assert.Equal(0, (await Users(check).FindByNameAsync("web.annuaire"))!.AccessFailedCount);
    }

    [Fact]
    public async Task LinkingByPassword_CountsTowardTheLockout()
    {
        await OidcProviderPeople.CreateAsync(app.Services, "web.verrou");
        var client = app.ReturningFromProvider("cle-verrou");
        Assert.Equal("/connexion?externe=inconnu", await LocationAsync(client.GetAsync(Callback)));
        for (var i = 0; i < 5; i++)
            Assert.Equal(
                "/connexion/relier?erreur=1",
                (await LinkWithPasswordAsync(client, "web.verrou", "Mauvais#Passe1")).Headers.Location?.OriginalString
            );
        var right = await LinkWithPasswordAsync(client, "web.verrou", Enoe.Data.Demo.DemoSeeder.Password);
        Assert.Equal("/connexion/relier?erreur=1", right.Headers.Location?.OriginalString);
        await using var scope = app.Services.CreateAsyncScope();
        var users = Users(scope);
        Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync("web.verrou"))!));
        Assert.Empty(await OidcProviderPeople.LoginsOfAsync(app.Services, "web.verrou"));
    }

    [Fact]
    public async Task APerson_UnlinksTheirOwnIdentity_ButNotSomeoneElses()
    {
        await OidcProviderPeople.CreateAsync(app.Services, "web.autre", email: "web.autre@ac-test.fr");
        await app.ReturningFromProvider("cle-autre", "web.autre@ac-test.fr").GetAsync(Callback);
        await OidcProviderPeople.CreateAsync(app.Services, "web.moi", email: "web.moi@ac-test.fr");
        var me = app.ReturningFromProvider("cle-moi", "web.moi@ac-test.fr", out var cookies);
        await me.GetAsync(Callback);
        Assert.Contains("Comptes liés", await me.GetPageAsync("/compte/profil"));

        var theirs = await Unlink(me, "cle-autre");
        Assert.StartsWith("/acces-refuse", theirs.Headers.Location?.PathAndQueryOrOriginal());
        Assert.Equal(["OpenIdConnect"], await OidcProviderPeople.LoginsOfAsync(app.Services, "web.autre"));

        var mine = await Unlink(me, "cle-moi");
        Assert.Equal("/compte/profil?liaison=retiree", mine.Headers.Location?.OriginalString);
        Assert.Empty(await OidcProviderPeople.LoginsOfAsync(app.Services, "web.moi"));
        // Unlinking changed the security stamp; the renewed cookie carries the new one.
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(
                (await Users(scope).FindByNameAsync("web.moi"))!.SecurityStamp,
                app.StampInSignInCookie(cookies)
            );
        Assert.Contains("n'est plus reliée", await me.GetPageAsync("/compte/profil?liaison=retiree"));
    }

    [Fact]
    public async Task SigningOut_WhenTheProviderCannotBeReached_StillEndsTheEnoeSession()
    {
        await OidcProviderPeople.CreateAsync(app.Services, "web.sortie", email: "web.sortie@ac-test.fr");
        var client = app.ReturningFromProvider("cle-sortie", "web.sortie@ac-test.fr");
        await client.GetAsync(Callback);
        var signOut = await client.PostFormAsync("/compte/profil", "/compte/deconnexion", []);
        Assert.Equal("/connexion?deconnecte=1", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/tableau-de-bord")).StatusCode);
    }

    [Fact]
    public async Task Revalidation_KeepsWhichProviderSignedThePersonIn_TheSecondFactor_AndTheSession()
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(1), options.ValidationInterval);
        Claim[] kept =
        [
            new(ClaimTypes.AuthenticationMethod, OidcProviderAppFactory.Scheme),
            new("amr", "mfa"),
            new(Enoe.Data.People.EnoeClaims.Session, Guid.NewGuid().ToString()),
        ];
        var context = new SecurityStampRefreshingPrincipalContext
        {
            CurrentPrincipal = new(new ClaimsIdentity(kept, "x")),
            NewPrincipal = new(new ClaimsIdentity([], "x")),
        };
        await options.OnRefreshingPrincipal!(context);
        Assert.All(kept, c => Assert.True(context.NewPrincipal.HasClaim(c.Type, c.Value), c.Type));
    }

    [Fact]
    public async Task TheRefusal_ReadsInEnglish()
    {
        var client = app.ReturningFromProvider("cle-anglais", "nobody@ac-test.fr");
        await client.GetAsync("/culture/en?retour=%2F");
        await client.GetAsync(Callback);
        var page = await client.GetPageAsync("/connexion?externe=inconnu");
        Assert.Contains("does not match any ENOE account", page);
        Assert.Contains("Link to my ENOE account", page);
    }

    [Fact]
    public async Task TheLinkPage_WithoutAnIdentity_SaysItHasExpired()
    {
        Assert.Contains(
            "Le délai pour relier votre identité est dépassé",
            await app.NewClient().GetPageAsync("/connexion/relier")
        );
    }

    private static Task<HttpResponseMessage> LinkWithPasswordAsync(
        HttpClient client,
        string userName,
        string password
    ) =>
        client.PostFormAsync(
            "/connexion/relier",
            "/compte/externe/relier",
            new() { ["UserName"] = userName, ["Password"] = password }
        );

    private static Task<HttpResponseMessage> Unlink(HttpClient client, string key) =>
        client.PostFormAsync(
            "/compte/profil",
            "/compte/externe/delier",
            new() { ["provider"] = OidcProviderAppFactory.Scheme, ["key"] = key }
        );
}

/// <summary>Without any provider configured, the sign-in page offers none.</summary>
[Collection(SharedApp.Name)]
public sealed class NoExternalProviderTests(EnoeAppFactory app)
{
    [Fact]
    public async Task TheSignInPage_HasNoProviderButton()
    {
        var html = await app.NewClient().GetPageAsync("/connexion");
        Assert.DoesNotContain("/compte/externe/connexion", html);
    }
}
