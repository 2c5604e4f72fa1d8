using Microsoft.Playwright;

namespace Enoe.Tests.EndToEnd;

public static class SignedInPage
{
    /// <summary>
    /// A new browser context signed in as <paramref name="userName"/>, on <paramref name="path"/> once its circuit is
    /// live.
    /// </summary>
    public static async Task<IPage> OpenAsync(
        this BrowserFixture browser,
        string userName,
        string path,
        string? baseUrl = null
    )
    {
        var page = await browser.NewPageAsync(baseUrl);
        await page.SignInAsync(userName);
        await page.WaitForURLAsync("**/tableau-de-bord");
        if (path != "/tableau-de-bord")
            await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        return page;
    }
}
