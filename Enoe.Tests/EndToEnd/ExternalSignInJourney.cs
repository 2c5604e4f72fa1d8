using Enoe.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// Signing in through a real OpenID Connect provider on loopback (npm's oidc-provider): through Microsoft.Identity.Web
/// ("Compte académique", mapped by e-mail) and through the generic scheme ("ÉduConnect", mapped by directory key).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExternalSignInJourney(BrowserFixture browser)
{
    private const string Entra = "Compte académique";
    private const string EduConnect = "ÉduConnect";

    [Fact]
    public async Task AcademicAccount_SignsInThroughMicrosoftIdentityWeb_AndLandsOnThePersonsDashboard()
    {
        await OidcProviderPeople.CreateAsync(
            browser.Services,
            "prof.entra",
            email: OidcProviderPeople.EmailOf("prof.entra")
        );
        var page = await browser.NewPageAsync();
        await SignInThroughAsync(page, Entra, "prof.entra");
        await page.WaitForURLAsync("**/tableau-de-bord");
        await Expect(page.GetByText("Bonjour Externe prof-entra")).ToBeVisibleAsync();
        Assert.Equal(["EntraId"], await OidcProviderPeople.LoginsOfAsync(browser.Services, "prof.entra"));
    }

    [Fact]
    public async Task AnIdentityThatMatchesNobody_IsRefused_AndNoAccountIsCreated()
    {
        var page = await browser.NewPageAsync();
        await SignInThroughAsync(page, Entra, "personne.inconnue");
        await page.WaitForURLAsync("**/connexion?externe=inconnu");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("ne correspond à aucun compte ENOE");
        await page.GotoAsync("/tableau-de-bord");
        await page.WaitForURLAsync("**/connexion**");
    }

    [Fact]
    public async Task TheGenericScheme_MapsTheDirectoryKey()
    {
        await OidcProviderPeople.CreateAsync(browser.Services, "eleve.educonnect", directoryKey: "J-eleve.educonnect");
        var page = await browser.NewPageAsync();
        await SignInThroughAsync(page, EduConnect, "eleve.educonnect");
        await page.WaitForURLAsync("**/tableau-de-bord");
        await Expect(page.GetByText("Bonjour Externe eleve-educonnect")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LinkedFromTheProfile_ThenSignsIn_AndSigningOutEndsTheProvidersSessionToo()
    {
        // The provider's account "autre.identite" has an e-mail no ENOE account carries: only a link makes it theirs.
        await OidcProviderPeople.CreateAsync(browser.Services, "prof.liaison");
        var page = await browser.OpenAsync("prof.liaison", "/compte/profil");
        await page.GetByRole(AriaRole.Button, new() { Name = "Relier Compte académique" }).ClickAsync();
        await page.GetByLabel("Compte", new() { Exact = true }).FillAsync("autre.identite");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await page.WaitForURLAsync("**/compte/profil?liaison=reliee");
        await Expect(page.GetByText("L'identité est reliée")).ToBeVisibleAsync();
        await SignOutAsync(page, "Externe prof-liaison");

        // Signed in at the provider still: the button goes straight through, to the linked person.
        await page.GetByRole(AriaRole.Button, new() { Name = Entra }).ClickAsync();
        await page.WaitForURLAsync("**/tableau-de-bord");
        await Expect(page.GetByText("Bonjour Externe prof-liaison")).ToBeVisibleAsync();

        // Signed in through the provider: signing out ends its session, so the next sign-in asks again.
        await SignOutAsync(page, "Externe prof-liaison");
        await page.GetByRole(AriaRole.Button, new() { Name = Entra }).ClickAsync();
        await Expect(page.GetByLabel("Compte", new() { Exact = true })).ToBeVisibleAsync();
    }

    private static async Task SignInThroughAsync(IPage page, string button, string accountId)
    {
        await page.GotoAsync("/connexion");
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await page.GetByLabel("Compte", new() { Exact = true }).FillAsync(accountId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
    }

    private static async Task SignOutAsync(IPage page, string displayName)
    {
        await page.GotoAsync("/tableau-de-bord");
        await page.OpenUserMenuAsync(displayName, "Se déconnecter");
        await page.GetByText("Se déconnecter", new() { Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/connexion?deconnecte=1");
    }
}
