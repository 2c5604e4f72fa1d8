using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class BrowserPreferencesJourney(BrowserFixture browser)
{
    [Fact]
    public async Task CollapsedWidget_AndDarkMode_AreKeptByTheBrowser()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("helene.carpentier");
        await page.WaitForURLAsync("**/tableau-de-bord");
        await page.WaitForCircuitAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Replier Actualités" }).ClickAsync();
        await Expect(page.Locator("[data-widget=news]"))
            .ToHaveClassAsync(new System.Text.RegularExpressions.Regex("enoe-widget-collapsed"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Mode sombre" }).ClickAsync();
        await Expect(page.Locator(".enoe-shell"))
            .ToHaveClassAsync(new System.Text.RegularExpressions.Regex("enoe-dark"));

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Expect(page.Locator(".enoe-shell"))
            .ToHaveClassAsync(new System.Text.RegularExpressions.Regex("enoe-dark"));
        await Expect(page.Locator("[data-widget=news]"))
            .ToHaveClassAsync(new System.Text.RegularExpressions.Regex("enoe-widget-collapsed"));

        // Another browser starts afresh: these are the browser's preferences, not the account's.
        var other = await browser.NewPageAsync();
        await other.SignInAsync("helene.carpentier");
        await other.WaitForURLAsync("**/tableau-de-bord");
        await other.WaitForCircuitAsync();
        await Expect(other.Locator(".enoe-shell"))
            .Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("enoe-dark"));
        await Expect(other.Locator("[data-widget=news]"))
            .Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("enoe-widget-collapsed"));
    }
}
