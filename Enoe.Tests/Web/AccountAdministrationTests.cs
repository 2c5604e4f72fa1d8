using System.Net;
using System.Text.RegularExpressions;
using Enoe.Tests.Support;

namespace Enoe.Tests.Web;

[Collection(SharedApp.Name)]
public sealed partial class AccountAdministrationTests(EnoeAppFactory app)
{
    [Fact]
    public async Task SchoolAdmin_CreatesAStudentAccount_FromTheAccountsPage()
    {
        var client = app.NewClient();
        await client.SignInAsync("admin.victor-hugo");
        var page = await client.GetPageAsync("/gestion/comptes");
        Assert.Contains("Comptes de l'établissement", page);
        var classId = ClassOption().Match(page).Groups[1].Value;

        var response = await client.PostFormAsync(
            "/gestion/comptes",
            "/gestion/comptes",
            new()
            {
                ["_handler"] = "new-account",
                ["Input.FirstName"] = "Inès",
                ["Input.LastName"] = "Benali",
                ["Input.Profile"] = "Student",
                ["Input.ClassId"] = classId,
            }
        );
        var created = await response.ReadPageAsync();
        Assert.Contains("Compte créé.", created);
        Assert.Matches("data-testid=\"created-username\">ines\\.benali\\d*<", created);

        var list = await client.GetPageAsync("/gestion/comptes?q=Benali");
        Assert.Contains("Première connexion à faire", list);
    }

    [Fact]
    public async Task StudentWithoutClass_IsRefusedWithAFrenchMessage()
    {
        var client = app.NewClient();
        await client.SignInAsync("admin.victor-hugo");
        var response = await client.PostFormAsync(
            "/gestion/comptes",
            "/gestion/comptes",
            new()
            {
                ["_handler"] = "new-account",
                ["Input.FirstName"] = "Sans",
                ["Input.LastName"] = "Classe",
                ["Input.Profile"] = "Student",
            }
        );
        var page = await response.ReadPageAsync();
        Assert.Contains("Un élève doit être inscrit dans une classe.", page);
        Assert.DoesNotContain("Compte créé.", page);
        Assert.DoesNotContain("sans.classe", await client.GetPageAsync("/gestion/comptes?q=Classe"));
    }

    [Fact]
    public async Task Teacher_CannotReachTheAccountsPage()
    {
        var client = app.NewClient();
        await client.SignInAsync("claire.fontaine");
        var response = await client.GetAsync("/gestion/comptes");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/acces-refuse", response.Headers.Location!.PathAndQueryOrOriginal());
    }

    [GeneratedRegex("<option value=\"(\\d+)\">4eB</option>")]
    private static partial Regex ClassOption();
}
