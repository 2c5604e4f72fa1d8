using Enoe.Tests.Support;
using Microsoft.Playwright;

namespace Enoe.Tests.EndToEnd;

public static class TwoFactorPageSteps
{
    /// <summary>
    /// After the password form, in any language: gives the demo key's code when the code page asks for it (the demo's
    /// admins and direction), then waits for the dashboard.
    /// </summary>
    public static async Task ReachDashboardAsync(this IPage page)
    {
        await page.WaitForURLAsync(url => url.Contains("/tableau-de-bord") || url.Contains("/connexion/code"));
        if (page.Url.Contains("/connexion/code"))
        {
            await page.FillAsync("#code", TwoFactorCodes.Now());
            await page.ClickAsync("button[type=submit]");
        }
        await page.WaitForURLAsync("**/tableau-de-bord");
    }
}
