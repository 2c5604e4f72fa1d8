using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class LanguageJourney(BrowserFixture browser)
{
    [Fact]
    public async Task AVisitor_ChoosesEnglish_BeforeSigningIn_AndGoesBackToFrench_FromTheUserMenu()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/connexion");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to ENOE" })).ToBeVisibleAsync();
        Assert.EndsWith("/connexion", page.Url);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.GetByLabel("User name").FillAsync("julien.roussel");
        await page.GetByLabel("Password").FillAsync(Enoe.Data.Demo.DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/tableau-de-bord");
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        await page.OpenUserMenuAsync("Julien Roussel", "Français");
        await page.GetByText("Français", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        Assert.EndsWith("/tableau-de-bord", page.Url);
    }
}
