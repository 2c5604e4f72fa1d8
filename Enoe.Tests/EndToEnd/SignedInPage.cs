using Microsoft.Playwright;

namespace Enoe.Tests.EndToEnd;

public static class SignedInPage
{
    /// <summary>
    /// A new browser context signed in as <paramref name="userName"/>, on <paramref name="path"/> once its circuit is
    /// live.
    /// </summary>
    /// <param name="prepare">Runs on the new page before it signs in: a cookie to set in its context (the proxy's
    /// affinity to one instance), a first page to check. Signing in starts on the sign-in page if it left it there.
    /// </param>
    public static async Task<IPage> OpenAsync(
        this BrowserFixture browser,
        string userName,
        string path,
        string? baseUrl = null,
        Func<IPage, Task>? prepare = null
    )
    {
        var page = await browser.NewPageAsync(baseUrl);
        if (prepare is not null)
            await prepare(page);
        await page.SignInAsync(userName);
        await page.WaitForURLAsync("**/tableau-de-bord");
        if (path != "/tableau-de-bord")
            await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        return page;
    }
}
