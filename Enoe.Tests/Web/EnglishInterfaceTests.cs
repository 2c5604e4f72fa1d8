using System.Net;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Enoe.Tests.Web;

/// <summary>
/// A reader who chose English (the language cookie) reads English on the host's pages: sign-in and its
/// failure, the public site, the administration, the password form and the error pages; French words
/// of those pages are gone, and <c>&lt;html lang&gt;</c> says so.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class EnglishInterfaceTests(EnoeAppFactory app)
{
    /// <summary>
    /// Words of the host's own pages that no demo data contains: one left means a text escaped its resources.
    /// </summary>
    private static readonly string[] FrenchWords =
    [
        "Enregistrer",
        "Rechercher",
        "Créer",
        "Identifiant",
        "Tableau de bord",
        "Se connecter",
        "Mot de passe",
        "Précédente",
        "Retour",
        "introuvable",
    ];

    [Fact]
    public async Task SignIn_AFailedSignIn_AndTheErrorPages_AreInEnglish()
    {
        var client = EnglishClient();
        var signIn = await client.GetPageAsync("/connexion");
        Assert.Contains("<html lang=\"en\">", signIn);
        Assert.Contains("Sign in to ENOE", signIn);
        Assert.Contains(">Français</a>", signIn); // the way back, for a visitor who is not signed in
        NoFrench(signIn);

        var failed = await client.SignInAsync("personne.inconnue", "Mauvais#Passe1");
        var retry = await client.GetPageAsync(failed.Headers.Location!.OriginalString);
        Assert.Contains(
            "Incorrect user name or password. After 5 failed attempts the account is locked for 15 minutes.",
            retry
        );
        NoFrench(retry);

        var missing = await client.GetAsync("/college-victor-hugo/xx/yy/zz");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var notFound = await missing.ReadPageAsync();
        Assert.Contains("Page not found", notFound);
        Assert.Contains("<html lang=\"en\">", notFound);
        // Switching language there comes back to the address asked for, not to /not-found.
        Assert.Contains("href=\"/culture/fr?retour=%2Fcollege-victor-hugo%2Fxx%2Fyy%2Fzz\"", notFound);
        NoFrench(notFound);

        var error = await client.GetPageAsync("/erreur");
        Assert.Contains("Something went wrong", error);
        Assert.Contains("Nothing you saved has been lost.", error);
        NoFrench(error);
    }

    [Fact]
    public async Task ThePublicSite_IsInEnglish()
    {
        var client = EnglishClient();
        var home = await client.GetPageAsync("/");
        Assert.Contains("The digital workspace of the academy's middle and high schools.", home);
        Assert.Contains("Middle school · Besançon", home);
        Assert.Contains("High school · ", home);
        NoFrench(home);
        var school = await client.GetPageAsync("/college-victor-hugo");
        Assert.Contains(">News</h2>", school);
        Assert.Contains("Sign in to ENOE", school);
    }

    [Fact]
    public async Task AnAdmin_ReadsTheAdministrationPages_AndTheirMessages_InEnglish()
    {
        var client = EnglishClient();
        await client.SignInAsync("admin.victor-hugo");

        var accounts = await client.GetPageAsync("/gestion/comptes");
        Assert.Contains("<html lang=\"en\">", accounts);
        Assert.Contains("School accounts", accounts);
        Assert.Contains(">Student</option>", accounts);
        Assert.Contains("<th>Status</th>", accounts);
        NoFrench(accounts);

        var refused = await client.PostFormAsync(
            "/gestion/comptes",
            "/gestion/comptes",
            new()
            {
                ["_handler"] = "new-account",
                ["Input.FirstName"] = "No",
                ["Input.LastName"] = "Class",
                ["Input.Profile"] = "Student",
            }
        );
        Assert.Contains("A student must be enrolled in a class.", await refused.ReadPageAsync());

        var settings = await client.GetPageAsync("/gestion/etablissement");
        Assert.Contains("School settings", settings);
        Assert.Contains("Memos: who can write to whom", settings);
        Assert.Contains("Time slots of the day", settings);
        Assert.Contains("aria-label=\"Name of time slot 1\"", settings);
        // The reconnection box of interactive pages, with Blazor's countdown inside the English sentence.
        Assert.Matches(
            "Rejoin failed… trying again in <span id=\"components-seconds-to-next-attempt\"[^>]*></span> seconds.",
            settings
        );

        // The shell around every workspace page: the user menu offers French back.
        var dashboard = await client.GetPageAsync("/tableau-de-bord");
        Assert.Contains("Sign out", dashboard);
        Assert.Contains(">Français</a>", dashboard);
    }

    [Fact]
    public async Task APasswordRefusal_AndAnAccessDenied_AreInEnglish()
    {
        var client = EnglishClient();
        await client.SignInAsync("lucas.martin");
        var response = await client.PostFormAsync(
            "/compte/mot-de-passe",
            "/compte/mot-de-passe",
            new()
            {
                ["_handler"] = "change-password",
                ["Input.Current"] = Enoe.Data.Demo.DemoSeeder.Password,
                ["Input.New"] = "short",
                ["Input.Confirm"] = "short",
            }
        );
        var page = await response.ReadPageAsync();
        Assert.Contains("The password must be at least 10 characters long.", page);
        Assert.Contains("Change my password", page);
        NoFrench(page);

        var denied = await client.GetAsync("/gestion/comptes");
        var deniedPage = await client.GetPageAsync(denied.Headers.Location!.PathAndQueryOrOriginal());
        Assert.Contains("Access denied", deniedPage);
        Assert.Contains("Back to the dashboard", deniedPage);
        NoFrench(deniedPage);
    }

    /// <summary>A browser whose language cookie says English, as the language switch leaves it.</summary>
    private HttpClient EnglishClient()
    {
        var cookies = new CookieContainer();
        cookies.Add(app.Server.BaseAddress, new Cookie(".AspNetCore.Culture", Uri.EscapeDataString("c=en|uic=en")));
        var client = app.CreateDefaultClient(new CookieContainerHandler(cookies));
        return client;
    }

    private static void NoFrench(string html) =>
        Assert.DoesNotContain(FrenchWords, w => html.Contains(w, StringComparison.Ordinal));
}
