using System.Net;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Enoe.Tests.Web;

/// <summary>"Puis-je écrire à… ?": the établissement's admin picks two people by name and reads the rule.</summary>
[Collection(SharedApp.Name)]
public sealed class CanWritePageTests(EnoeAppFactory app)
{
    [Fact]
    public async Task TheAdmin_ReadsWhetherOnePersonMayWriteToAnother_AndWhichRuleDecides()
    {
        var client = app.NewClient();
        await client.SignInAsync("admin.victor-hugo");

        var yes = await client.GetPageAsync("/gestion/puis-je-ecrire?qa=lucas+martin&qb=claire+fontaine");
        Assert.Contains(
            "Oui : Lucas Martin peut écrire à Claire Fontaine (règle « élèves → leurs enseignants »).",
            yes
        );
        var no = await client.GetPageAsync("/gestion/puis-je-ecrire?qa=lucas+martin&qb=sophie+martin");
        Assert.Contains("Non : aucune règle de l'établissement ne permet à Lucas Martin d'écrire à Sophie Martin.", no);
        Assert.Contains("Personne de ce nom", await client.GetPageAsync("/gestion/puis-je-ecrire?qa=zzzz"));
    }

    [Fact]
    public async Task ATeacher_CannotOpenTheCheck()
    {
        var client = app.NewClient();
        await client.SignInAsync("claire.fontaine");
        var response = await client.GetAsync("/gestion/puis-je-ecrire?qa=lucas&qb=sophie");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnEnglishAdmin_ReadsTheAnswerInEnglish()
    {
        var cookies = new CookieContainer();
        cookies.Add(app.Server.BaseAddress, new Cookie(".AspNetCore.Culture", Uri.EscapeDataString("c=en|uic=en")));
        var client = app.CreateDefaultClient(new CookieContainerHandler(cookies));
        await client.SignInAsync("admin.victor-hugo");
        var page = await client.GetPageAsync("/gestion/puis-je-ecrire?qa=lucas+martin&qb=sophie+martin");
        Assert.Contains("Who can write to whom?", page);
        Assert.Contains("No: none of the school's rules lets Lucas Martin write to Sophie Martin.", page);
    }
}
