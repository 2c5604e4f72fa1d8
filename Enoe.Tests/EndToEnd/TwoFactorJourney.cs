using Enoe.Data;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class TwoFactorJourney(BrowserFixture browser)
{
    [Fact]
    public async Task ANewAdmin_IsSentToEnrol_TypesTheKeyIntoAnApp_ThenSignsInWithItsCode()
    {
        var userName = await NewSchoolAdminAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(userName);
        await page.WaitForURLAsync("**/compte/double-authentification");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code à scanner" })).ToBeVisibleAsync();
        // What a person types into their authenticator app: the key as the page shows it.
        var key = await page.GetByTestId("authenticator-key").InnerTextAsync();
        await page.GetByLabel("Code à 6 chiffres").FillAsync(TwoFactorCodes.Now(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer" }).ClickAsync();
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Link, new() { Name = "J'ai enregistré mes codes : continuer" }).ClickAsync();
        await page.WaitForURLAsync("**/tableau-de-bord");

        await page.OpenUserMenuAsync("Agnès Double", "Se déconnecter");
        await page.GetByText("Se déconnecter", new() { Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/connexion?deconnecte=1");
        await page.GetByLabel("Identifiant").FillAsync(userName);
        await page.GetByLabel("Mot de passe").FillAsync(Enoe.Data.Demo.DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync("**/connexion/code**");
        await page.GetByLabel("Code à 6 chiffres ou code de secours").FillAsync(TwoFactorCodes.Now(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier" }).ClickAsync();
        await page.WaitForURLAsync("**/tableau-de-bord");
        await page.WaitForCircuitAsync();
    }

    /// <summary>An admin of Victor Hugo made for this journey (the demo's admins are enrolled already).</summary>
    private async Task<string> NewSchoolAdminAsync()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var school = await db.Schools.SingleAsync(s => s.Slug == "college-victor-hugo");
        var person = new Person
        {
            FirstName = "Agnès",
            LastName = "Double",
            UserName = "agnes.double",
            CurrentSchoolId = school.Id,
            Memberships = [new() { SchoolId = school.Id, Profiles = Profile.Staff | Profile.SchoolAdmin }],
        };
        var created = await scope
            .ServiceProvider.GetRequiredService<UserManager<Person>>()
            .CreateAsync(person, Enoe.Data.Demo.DemoSeeder.Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return person.UserName;
    }
}
