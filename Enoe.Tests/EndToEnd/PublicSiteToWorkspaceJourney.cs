using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class PublicSiteToWorkspaceJourney(BrowserFixture browser)
{
    [Fact]
    public async Task Teacher_FromPublicSite_SignsIn_SeesOnlyTheirServices_AndSignsOut()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/college-victor-hugo");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Collège Victor Hugo" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Réunion parents-professeurs")).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("Collège Victor Hugo");

        await page.GetByRole(AriaRole.Link, new() { Name = "Se connecter à l'ENT" }).ClickAsync();
        await page.WaitForURLAsync("**/connexion");
        await page.SignInAsync("claire.fontaine");
        await page.WaitForURLAsync("**/tableau-de-bord");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Claire Fontaine" })).ToBeVisibleAsync();

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        await Expect(navigation.GetByRole(AriaRole.Link))
            .ToHaveTextAsync([
                "Tableau de bord",
                "Fil d'actualités",
                "Mémos",
                "Emploi du temps",
                "Carnet de bord",
                "Notes",
                "Compétences",
                "Documents",
                "Devoirs",
                "Réservations",
            ]);

        // The title comes with the page from the server, then follows each page opened in the live circuit.
        await Expect(page).ToHaveTitleAsync("Tableau de bord – ENOE");
        await page.WaitForCircuitAsync();
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Mémos" }).ClickAsync();
        await page.WaitForURLAsync("**/memos");
        await Expect(page).ToHaveTitleAsync("Mémos – ENOE");
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync("Tableau de bord – ENOE");

        await page.OpenUserMenuAsync("Claire Fontaine", "Se déconnecter");
        await Expect(page.GetByText("Collège Louis Pasteur")).ToBeVisibleAsync(); // her other établissement
        await page.GetByText("Se déconnecter", new() { Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/connexion?deconnecte=1");
        await Expect(page.GetByText("Vous êtes déconnecté.")).ToBeVisibleAsync();

        await page.GotoAsync("/tableau-de-bord");
        await page.WaitForURLAsync("**/connexion?ReturnUrl=*");
    }

    [Fact]
    public async Task Staff_WritesAnArticle_AndReadersSeeItOnThePublicSite()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("helene.carpentier");
        await page.WaitForURLAsync("**/tableau-de-bord");
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Site public" }).ClickAsync();
        await page.WaitForURLAsync("**/gestion/articles");
        await page.WaitForCircuitAsync();

        await page.GetByLabel("Titre").FillAsync("Cross du collège");
        await page.GetByLabel("Texte (Markdown)").FillAsync("Tous au stade **mercredi** !");
        await Expect(page.Locator(".enoe-preview strong")).ToHaveTextAsync("mercredi");
        await page.Locator("select").Nth(1).SelectOptionAsync("Published");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByText("Article enregistré.")).ToBeVisibleAsync();

        var reader = await browser.NewPageAsync();
        await reader.GotoAsync("/college-victor-hugo");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Cross du collège" }).ClickAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Cross du collège" })).ToBeVisibleAsync();
        await Expect(reader.Locator("article strong")).ToHaveTextAsync("mercredi");
    }
}
