using Microsoft.Playwright;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// The bookings pages on a 390 × 844 touch screen: nothing wider than the screen, fingers-sized controls.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BookingsOnAPhoneJourney(BrowserFixture browser)
{
    /// <summary>
    /// Controls in the page's content smaller than 44 × 44 px (a checkbox counts by its label, which takes the tap).
    /// </summary>
    private const string SmallTargets = """
        () => [...document.querySelectorAll('main button, main select, main input, main a, main summary')]
            .map(e => e.matches('input[type=checkbox], input[type=radio]')
                && e.closest('label') ? e.closest('label') : e)
            .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
            .map(e => ({ e, r: e.getBoundingClientRect() }))
            .filter(({ r }) => r.width < 44 || r.height < 44)
            .map(({ e, r }) => `${e.tagName.toLowerCase()} `
                + `"${(e.textContent || e.getAttribute('aria-label') || e.id || '').trim().slice(0, 30)}" `
                + `${Math.round(r.width)}×${Math.round(r.height)}`)
        """;

    /// <summary>The innermost elements wider than the screen, to say what makes a page too wide.</summary>
    private const string TooWide = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().width > innerWidth
                && ![...e.children].some(c => c.getBoundingClientRect().width > innerWidth))
            .map(e => `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join('.')} `
                + `${Math.round(e.getBoundingClientRect().width)} px`)
        """;

    [Theory]
    [InlineData("claire.fontaine", "/reservations")]
    [InlineData("helene.carpentier", "/reservations/ressources")]
    public async Task OnAPhone_TheBookingsPage_IsNoWiderThanTheScreen_AndItsControlsAreAtLeast44Pixels(
        string userName,
        string path
    )
    {
        await using var context = await browser.Browser.NewContextAsync(
            new()
            {
                BaseURL = browser.BaseUrl,
                Locale = "fr-FR",
                ViewportSize = new() { Width = 390, Height = 844 },
                HasTouch = true,
            }
        );
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.SignInAsync(userName);
        await page.WaitForURLAsync("**/tableau-de-bord");
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        Assert.True(
            await page.EvaluateAsync<bool>("matchMedia('(pointer: coarse)').matches"),
            "the touch screen is not seen as one"
        );

        var (scrollWidth, screenWidth) = (
            await page.EvaluateAsync<int>("document.documentElement.scrollWidth"),
            await page.EvaluateAsync<int>("window.innerWidth")
        );
        Assert.True(
            scrollWidth <= screenWidth,
            $"{path} is {scrollWidth} px wide "
                + $"on a {screenWidth} px screen: {string.Join(", ", await page.EvaluateAsync<string[]>(TooWide))}"
        );
        Assert.True(await page.Locator("main button").CountAsync() > 3);
        Assert.Empty(await page.EvaluateAsync<string[]>(SmallTargets));
        // The week is wider than a phone: it scrolls inside its own box
        if (await page.Locator(".enoe-calendar").CountAsync() == 1)
            Assert.True(
                await page.EvaluateAsync<bool>(
                    "(c => c.scrollWidth > c.clientWidth && c.clientWidth <= innerWidth)"
                        + "(document.querySelector('.enoe-calendar'))"
                )
            );
    }
}
