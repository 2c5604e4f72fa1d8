using Microsoft.Playwright;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// "Préférences de notification" on a 390 × 844 phone, reached from the user menu: never wider than the screen, every
/// choice at least 44 px tall, a choice saved by a tap.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MailPreferencesOnAPhoneJourney(BrowserFixture browser)
{
    [Fact]
    public async Task TheParentsPreferences_FitThePhone_AndAChoiceIsSaved()
    {
        var context = await browser.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("sophie.martin");
        await page.WaitForURLAsync("**/tableau-de-bord");
        // Once the circuit is live: its first render replaces the prerendered menu, closing it under the tap.
        await page.OpenUserMenuAsync("Sophie Martin", "Préférences de notification");
        await page.Locator("a[href='/compte/notifications']").ClickAsync();
        await page.Locator(".enoe-mail-table tbody tr").Nth(7).WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var widths = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        );
        Assert.True(widths[0] <= widths[1], $"{widths[0]} px wide on a {widths[1]} px screen");
        var heights = await page.EvaluateAsync<int[]>(
            "() => [...document.querySelectorAll('.enoe-mail-table select')].map(s => s.getBoundingClientRect().height)"
        );
        Assert.Equal(8, heights.Length);
        Assert.All(heights, h => Assert.True(h >= 44, $"a choice {h} px tall"));

        await page.Locator("select[aria-label^='Actualités']").SelectOptionAsync("Weekly");
        await page.Locator("[role=status]").Filter(new() { HasText = "Enregistré." }).WaitForAsync();
        await context.CloseAsync();
    }
}
